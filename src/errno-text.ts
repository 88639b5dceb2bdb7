// System errors as a person reads them: `no such file or directory`, not `ENOENT`. Every message
// that shows why a file, a directory or a connection failed says it through this one function.

const WORDS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  EEXIST: 'already exists',
  ENOTEMPTY: 'directory not empty',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  EFBIG: 'file too large',
  EIO: 'input/output error',
  EBUSY: 'resource busy',
  EAGAIN: 'resource temporarily unavailable',
  ENXIO: 'no such device or address',
  ENODEV: 'no such device',
  EPIPE: 'broken pipe',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ECONNABORTED: 'connection aborted',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed for now',
  EADDRINUSE: 'address already in use',
  EADDRNOTAVAIL: 'address not available',
};

/**
 * Why a system call failed, in words. A code not in the table is said as Node words it
 * (`EXDEV: cross-device link not permitted, …` → `cross-device link not permitted`); an error
 * with no code at all is `fallback`, else the first line of its message.
 */
export function errnoText(error: unknown, fallback?: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : '';
  if (typeof code !== 'string') return fallback ?? (message.split('\n')[0] || 'unreadable');
  const known = WORDS[code];
  if (known) return known;
  return new RegExp(`^${code}: ([^,]+)`).exec(message)?.[1]?.trim() || fallback || code;
}
