// An operating-system error said in words ("no such file or directory", not ENOENT): Node's
// message for an errno error starts with the code and its description.
export function errnoText(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const words = typeof message === 'string' ? /^E[A-Z0-9]+: ([^,]+)/.exec(message)?.[1] : undefined;
  return words ?? code ?? (error instanceof Error ? error.message.split('\n')[0]! : String(error));
}
