// Running git against the emulator from a test. Asynchronous on purpose: the emulator
// serves from the test's own process, so a synchronous git call would wait forever.
import { execFile } from 'node:child_process';

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

const IDENTITY = {
  GIT_AUTHOR_NAME: 'Ada Tester',
  GIT_AUTHOR_EMAIL: 'ada@example.test',
  GIT_COMMITTER_NAME: 'Ada Tester',
  GIT_COMMITTER_EMAIL: 'ada@example.test',
};

/** Runs git; never prompts for credentials (a refusal fails at once). */
export function gitCommand(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<GitResult> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['-c', 'credential.helper=', ...args],
      { cwd: options.cwd, env: { ...process.env, ...IDENTITY, GIT_TERMINAL_PROMPT: '0', ...options.env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/** `-c http.extraHeader=…` arguments that authenticate as GitHub Actions does: Basic `x-access-token:<token>`. */
export function gitTokenArgs(token: string): string[] {
  const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
  return ['-c', `http.extraHeader=Authorization: Basic ${basic}`];
}
