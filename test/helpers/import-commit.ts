// One commit of the given files written straight into a bare repository with `git fast-import`:
// one git process, not a working copy and a push, so a test or bench can seed hundreds of
// repositories in seconds. Returns the new commit's sha.
import { spawn } from 'node:child_process';

export function importCommit(gitDir: string, files: Record<string, string>, options: { ref?: string; message?: string } = {}): Promise<string> {
  const ref = options.ref ?? 'refs/heads/main';
  const message = `${options.message ?? 'initial'}\n`;
  const blobs = Object.entries(files)
    .map(([name, text]) => `M 644 inline ${name}\ndata ${Buffer.byteLength(text)}\n${text}\n`)
    .join('');
  const stream = `commit ${ref}\nmark :1\ncommitter Seed <seed@example.com> ${Math.floor(Date.now() / 1000)} +0000\ndata ${Buffer.byteLength(message)}\n${message}${blobs}\nget-mark :1\n`;
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['--git-dir', gitDir, 'fast-import', '--quiet'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => (code === 0 ? resolve(stdout.trim()) : reject(new Error(`git fast-import failed: ${stderr}`))));
    child.stdin.end(stream);
  });
}
