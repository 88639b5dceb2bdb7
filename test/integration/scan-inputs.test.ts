// What `leakstop scan` reads and what it writes, when the input or the output is not an ordinary
// file: FIFOs, pipes and sockets, skipped sole paths, corrupt history, UTF-16 text, unwritable or
// full outputs, and the modes of files that may hold a secret. Nothing may pass silently.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandTemplate } from '../../src/rules/example-template.js';
import { CLI, runCli, type CliResult } from '../helpers/run-cli.js';
import type { TestRepo } from '../helpers/git-repo.js';
import { Scratch } from '../helpers/scratch.js';
import { findingsOf, fingerprintOf, type JsonFinding } from '../helpers/json-findings.js';

const ghToken = (): string => expandTemplate('ghp_{crc32:30}');

const scratch = new Scratch();
afterAll(() => scratch.cleanup());
const dirWith = (files: Record<string, string | Buffer> = {}): string => scratch.dirWith(files);

function mkfifo(file: string): void {
  spawnSync('mkfifo', [file], { stdio: 'inherit' });
  expect(fs.statSync(file).isFIFO()).toBe(true);
}

/** A process writing `text` into a FIFO: its open waits until the scan opens the FIFO to read. */
function fifoWriter(fifo: string, text: string): ChildProcess {
  const writer = spawn('sh', ['-c', 'printf "%s" "$TEXT" > "$FIFO"'], { env: { ...process.env, TEXT: text, FIFO: fifo }, stdio: 'ignore' });
  scratch.onCleanup(() => writer.kill('SIGKILL'));
  return writer;
}

/** A listening Unix socket at `file`, closed after the tests. */
async function unixSocket(file: string): Promise<void> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(file, resolve));
  scratch.onCleanup(() => server.close());
}

const oneLineError = (result: CliResult): string => {
  expect(result.code, result.stderr).toBe(2);
  const lines = result.stderr.trim().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^leakstop: /);
  return lines[0]!;
};
const modeOf = (file: string): number => fs.statSync(file).mode & 0o777;

describe('named streams (#15.4)', () => {
  it('reads a FIFO named on the command line and finds the secret written into it', async () => {
    const token = ghToken();
    const dir = dirWith();
    const fifo = path.join(dir, 'secrets.fifo');
    mkfifo(fifo);
    fifoWriter(fifo, `first line\nTOKEN=${token}\n`);
    const result = await runCli(['scan', 'secrets.fifo', '--format', 'json'], { cwd: dir, timeoutMs: 60_000 });
    expect(result.code, result.stderr).toBe(1);
    expect(findingsOf(result)).toEqual([expect.objectContaining({ ruleId: 'github-pat', path: 'secrets.fifo', line: 2, column: 7, secretFingerprint: fingerprintOf(token) })]);
    expect(result.stderr).toMatch(`Scanned 1 file, ${Buffer.byteLength(`first line\nTOKEN=${token}\n`)} B`);
  });

  it('does not wait for ever on a FIFO nobody writes to: a warning beside other paths, an error alone', async () => {
    const dir = dirWith({ 'ok.txt': 'fine\n' });
    mkfifo(path.join(dir, 'idle.fifo'));
    const beside = await runCli(['scan', 'ok.txt', 'idle.fifo'], { cwd: dir, timeoutMs: 30_000 });
    expect(beside.code, beside.stderr).toBe(0);
    expect(beside.stderr).toMatch(/Scanned 1 file, 5 B/);
    expect(beside.stderr).toMatch(/Warning: cannot read idle\.fifo: nothing was written to it within \d+ s/);
    const alone = await runCli(['scan', 'idle.fifo'], { cwd: dir, timeoutMs: 30_000 });
    expect(oneLineError(alone)).toMatch(/idle\.fifo: nothing was written to it within \d+ s/);
  }, 90_000);

  it('reads a process substitution, <(…), whose /dev/fd path has no size', async () => {
    const token = ghToken();
    const dir = dirWith({ 'secret.txt': `one\ntwo\nkey: ${token}\n` });
    const run = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" scan --format json <(cat secret.txt)`], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(1);
    const findings = JSON.parse(run.stdout) as JsonFinding[];
    expect(findings).toEqual([expect.objectContaining({ line: 3, column: 6, secretFingerprint: fingerprintOf(token) })]);
    expect(findings[0]!.path).toMatch(/^\/dev\/fd\/\d+$/);
  });

  it('skips, counts and lists FIFOs and sockets met inside a directory, without opening them', async () => {
    const dir = dirWith({ 'tree/ok.txt': 'fine\n' });
    mkfifo(path.join(dir, 'tree/pipe'));
    await unixSocket(path.join(dir, 'tree/control.sock'));
    const result = await runCli(['scan', 'tree'], { cwd: dir, timeoutMs: 60_000 });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/Scanned 1 file, 5 B/);
    expect(result.stderr).toContain('Skipped 2 special files (not regular files):\n  tree/control.sock (socket)\n  tree/pipe (FIFO)');
  });
});

describe('a sole path that was skipped fails (#15.5)', () => {
  it('over the size limit', async () => {
    const dir = dirWith({ 'big.txt': `${'x'.repeat(3000)}\n${ghToken()}\n` });
    const line = oneLineError(await runCli(['scan', 'big.txt', '--max-file-size', '2KB'], { cwd: dir }));
    expect(line).toContain('big.txt');
    expect(line).toMatch(/over the size limit/);
    // A directory holding nothing scannable is not a sole skipped path: it passes, saying what it read.
    const tree = await runCli(['scan', '.', '--max-file-size', '2KB'], { cwd: dir });
    expect(tree.code).toBe(0);
    expect(tree.stderr).toMatch(/Scanned 0 files/);
  });

  it('binary, by content or by name', async () => {
    const dir = dirWith({ 'blob.dat': Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(ghToken())]), 'logo.png': Buffer.from('PNG') });
    expect(oneLineError(await runCli(['scan', 'blob.dat'], { cwd: dir }))).toMatch(/blob\.dat.*binary/);
    expect(oneLineError(await runCli(['scan', 'logo.png'], { cwd: dir }))).toMatch(/logo\.png.*binary/);
  });

  it('unreadable (a socket cannot be opened) — and all given paths skipped or missing is the same', async () => {
    const dir = dirWith({ 'blob.dat': Buffer.from([0, 1, 2]) });
    await unixSocket(path.join(dir, 'agent.sock'));
    expect(oneLineError(await runCli(['scan', 'agent.sock'], { cwd: dir }))).toMatch(/agent\.sock.*socket/);
    const both = oneLineError(await runCli(['scan', 'blob.dat', 'gone.txt'], { cwd: dir }));
    expect(both).toMatch(/blob\.dat.*binary/);
    expect(both).toContain('gone.txt');
  });
});

describe('corrupt blobs in history (#15.6)', () => {
  /** A file long enough that git streams it from a loose object, whose compressed body is then damaged. */
  function corruptLooseObject(r: TestRepo, spec: string, damage: 'body' | 'header'): string {
    const sha = r.git(['rev-parse', spec]).trim();
    const file = path.join(r.dir, '.git/objects', sha.slice(0, 2), sha.slice(2));
    fs.chmodSync(file, 0o644);
    const bytes = fs.readFileSync(file);
    if (damage === 'header') fs.writeFileSync(file, bytes.subarray(0, 10));
    else {
      for (let i = Math.floor(bytes.length / 2); i < bytes.length - 4; i++) bytes[i]! ^= 0x55;
      fs.writeFileSync(file, bytes);
    }
    return sha;
  }

  const noise = (seed: number): string => Array.from({ length: 400 }, (_, i) => `line ${i} ${(i * 7919 + seed) % 1000}`).join('\n');

  for (const damage of ['body', 'header'] as const) {
    it(`warns about and counts a blob whose ${damage} is damaged, and scans the rest`, async () => {
      const r = scratch.repo();
      const [a, b] = [ghToken(), ghToken()];
      r.commit('first', { 'a.env': `A=${a}\n`, 'data/first.txt': noise(1) });
      const second = r.commit('second', { 'data/second.txt': noise(2), 'z.env': `B=${b}\n` });
      const sha = corruptLooseObject(r, `${second}:data/second.txt`, damage);
      const result = await runCli(['scan', '--history', '--no-cache', '--format', 'json'], { cwd: r.dir });
      expect(result.code, result.stderr).toBe(1);
      expect(findingsOf(result).map((finding) => finding.secretFingerprint).sort()).toEqual([fingerprintOf(a), fingerprintOf(b)].sort());
      expect(result.stderr).toContain(`Warning: cannot read data/second.txt@${second.slice(0, 12)}: blob ${sha} is corrupt`);
      expect(result.stderr).toMatch(/Warning: 1 blob could not be read \(1 corrupt\)/);
    });
  }
});

describe('UTF-16 text (#15.7)', () => {
  const utf16 = (text: string, order: 'le' | 'be', bom: boolean): Buffer => {
    const le = Buffer.from(`${bom ? '\ufeff' : ''}${text}`, 'utf16le');
    return order === 'le' ? le : le.swap16();
  };

  it('decodes UTF-16LE and UTF-16BE, with a BOM or without, and finds the key at its line and column', async () => {
    const [a, b, c] = [ghToken(), ghToken(), ghToken()];
    const dir = dirWith({
      'le-bom.txt': utf16(`# settings\nname = "x"\ntoken = "${a}"\n`, 'le', true),
      'be-bom.txt': utf16(`# settings\ntoken = "${b}"\n`, 'be', true),
      'le-plain.ps1': utf16(`Write-Host hi\r\n$env:T = "${c}"\r\n`, 'le', false),
    });
    const result = await runCli(['scan', '.', '--format', 'json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(1);
    const byPath = Object.fromEntries(findingsOf(result).map((finding) => [finding.path, finding]));
    expect(byPath['le-bom.txt']).toMatchObject({ line: 3, column: 10, secretFingerprint: fingerprintOf(a) });
    expect(byPath['be-bom.txt']).toMatchObject({ line: 2, column: 10, secretFingerprint: fingerprintOf(b) });
    expect(byPath['le-plain.ps1']).toMatchObject({ line: 2, column: 11, secretFingerprint: fingerprintOf(c) });
    expect(result.stderr).not.toMatch(/binary/);
  });

  it('lists skipped binary files under --verbose', async () => {
    const dir = dirWith({ 'bin/blob.dat': Buffer.from([0, 1, 2, 3]), 'logo.png': Buffer.from('PNG'), 'ok.txt': 'fine\n' });
    const quiet = await runCli(['scan', '.'], { cwd: dir });
    expect(quiet.stderr).toContain('Skipped 2 binary files.');
    expect(quiet.stderr).not.toContain('logo.png');
    const verbose = await runCli(['scan', '.', '--verbose'], { cwd: dir });
    expect(verbose.code, verbose.stderr).toBe(0);
    expect(verbose.stderr).toContain('Skipped 2 binary files:\n  bin/blob.dat\n  logo.png\n');
  });
});

describe('UTF-8 text', () => {
  /** 1-based line and column of `needle` in `text` (no character here is outside the BMP). */
  const placeOf = (text: string, needle: string): { line: number; column: number } => {
    const at = text.indexOf(needle);
    const before = text.slice(0, at).split('\n');
    return { line: before.length, column: before.at(-1)!.length + 1 };
  };

  it('places keys exactly in a large file with a few multi-byte characters, cut anywhere, and invalid bytes', async () => {
    // Multi-byte characters and invalid bytes straddle the offsets where decoding may split a file (every 16 KiB).
    const filler = (bytes: number): Buffer => Buffer.from(`${'x'.repeat(Math.max(0, bytes - 1))}\n`);
    const tokens = [ghToken(), ghToken(), ghToken()];
    const parts: Buffer[] = [filler(16382), Buffer.from('€é'), Buffer.from(` = "${tokens[0]}"\n`)];
    const used = (): number => parts.reduce((sum, part) => sum + part.length, 0);
    parts.push(filler(32767 - used()), Buffer.from([0xe2, 0x82]), Buffer.from(`ü token = "${tokens[1]}"\n`));
    parts.push(filler(49151 - used()), Buffer.from([0xff, 0xc3, 0xa9, 0x80]), Buffer.from(`;\tkey: "${tokens[2]}"\n`), filler(3000));
    const bytes = Buffer.concat(parts);
    const decoded = bytes.toString('utf8');
    const result = await runCli(['scan', '.', '--format', 'json'], { cwd: dirWith({ 'big.txt': bytes }) });
    expect(result.code, result.stderr).toBe(1);
    const found = findingsOf(result).map(({ line, column, secretFingerprint }) => ({ line, column, secretFingerprint }));
    expect(found).toEqual(tokens.map((token) => ({ ...placeOf(decoded, token), secretFingerprint: fingerprintOf(token) })));
  });
});

describe('writing the report and the baseline (#15.9)', () => {
  const leakyDir = (): { dir: string; token: string } => {
    const token = ghToken();
    return { dir: dirWith({ 'k.env': `T=${token}\n`, 'not-a-dir': 'a file\n' }), token };
  };

  for (const flag of ['--output', '--write-baseline']) {
    it(`${flag} to a place that cannot be written fails before scanning, naming the path`, async () => {
      const { dir } = leakyDir();
      for (const [target, reason] of [['missing/out.json', 'no such file or directory'], ['not-a-dir/out.json', 'not a directory']] as const) {
        const result = await runCli(['scan', '.', flag, target], { cwd: dir });
        expect(oneLineError(result)).toBe(`leakstop: cannot write ${target}: ${reason}`);
        expect(result.stdout).toBe('');
        expect(fs.existsSync(path.join(dir, target))).toBe(false);
      }
    });
  }

  it('never loses the findings when the write fails after the scan: the report goes to stdout, exit 2', async () => {
    const { dir, token } = leakyDir();
    const result = await runCli(['scan', '.', '--format', 'json', '--output', '/dev/full'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(findingsOf(result)).toEqual([expect.objectContaining({ path: 'k.env', secretFingerprint: fingerprintOf(token) })]);
    expect(result.stderr).toMatch(/leakstop: cannot write \/dev\/full: no space left on device; the report was written to stdout instead/);
    expect(result.stderr).not.toContain(token);
  });

  it('a baseline that cannot be written after the scan goes to stdout too', async () => {
    const { dir, token } = leakyDir();
    const result = await runCli(['scan', '.', '--write-baseline', '/dev/full', '--output', 'report.txt'], { cwd: dir });
    expect(result.code).toBe(2);
    const baseline = JSON.parse(result.stdout) as { entries: { path: string }[] };
    expect(baseline.entries).toEqual([expect.objectContaining({ path: 'k.env' })]);
    expect(result.stderr).toMatch(/leakstop: cannot write \/dev\/full: no space left on device; the baseline was written to stdout instead/);
    expect(fs.readFileSync(path.join(dir, 'report.txt'), 'utf8')).toContain('k.env');
    expect(result.stdout + result.stderr).not.toContain(token);
  });
});

describe('--staged counts what it scanned (#15.26)', () => {
  it('reports the bytes of the added lines, not of the whole files', async () => {
    const r = scratch.repo();
    r.commit('initial', { 'app.py': `${'# an old line of forty characters......\n'.repeat(50)}` });
    const added = 'NEW = 1\n';
    fs.appendFileSync(path.join(r.dir, 'app.py'), added);
    r.write('new.txt', 'two\nlines\n');
    r.git(['add', '.']);
    const result = await runCli(['scan', '--staged'], { cwd: r.dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`Scanned 2 files, ${Buffer.byteLength(added) + Buffer.byteLength('two\nlines\n')} B in`));
  });
});

describe('files that may hold a secret are private (#15.31)', () => {
  it('writes reports and baselines mode 0600, new or overwritten', async () => {
    const { dir, token } = { token: ghToken(), dir: dirWith() };
    fs.writeFileSync(path.join(dir, 'k.env'), `T=${token}\n`);
    fs.writeFileSync(path.join(dir, 'old-report.json'), 'old\n', { mode: 0o644 });
    fs.chmodSync(path.join(dir, 'old-report.json'), 0o644);
    const revealed = await runCli(['scan', 'k.env', '--reveal', '--format', 'json', '--output', 'report.json'], { cwd: dir });
    expect(revealed.code, revealed.stderr).toBe(1);
    expect(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')).toContain(token);
    expect(modeOf(path.join(dir, 'report.json'))).toBe(0o600);
    const over = await runCli(['scan', 'k.env', '--reveal', '--output', 'old-report.json', '--write-baseline', 'baseline.json'], { cwd: dir });
    expect(over.code, over.stderr).toBe(0);
    expect(modeOf(path.join(dir, 'old-report.json'))).toBe(0o600);
    expect(modeOf(path.join(dir, 'baseline.json'))).toBe(0o600);
  });

  it('writes a claimed replacement to --output mode 0600, not to stdout', async () => {
    const dir = dirWith();
    const env = { LEAKSTOP_REGISTRY: path.join(dir, 'registry.db') };
    expect((await runCli(['registry', 'init'], { env })).code).toBe(0);
    const issued = await runCli(['registry', 'issue', '--owner', 'acct_1', '--label', 'ci'], { env });
    const keyId = /Issued (\S+) to/.exec(issued.stderr)![1]!;
    const revoked = await runCli(['revoke', keyId, '--reason', 'test', '--replace'], { env });
    const replacementId = /Replacement (\S+) is reserved/.exec(revoked.stdout)![1]!;
    const claim = await runCli(['registry', 'claim', replacementId, '--output', 'new.key'], { cwd: dir, env });
    expect(claim.code, claim.stderr).toBe(0);
    const key = fs.readFileSync(path.join(dir, 'new.key'), 'utf8').trim();
    expect(key.length).toBeGreaterThan(20);
    expect(modeOf(path.join(dir, 'new.key'))).toBe(0o600);
    expect(claim.stdout + claim.stderr).not.toContain(key);
    expect(claim.stderr).toContain('new.key');
  });
});
