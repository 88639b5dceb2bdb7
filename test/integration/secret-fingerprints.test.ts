// What reports, baselines and the history cache say about a secret's identity, through the CLI:
// a keyed fingerprint (HMAC with a key of the user's) that a dictionary cannot reverse, stable
// across runs and, given the same key, across machines; the raw SHA-256 only for our own keys,
// where the registry needs it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TestRepo, tempDir } from '../helpers/git-repo.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

function dir(prefix = 'leakstop-fp-'): string {
  const made = tempDir(prefix);
  cleanups.push(() => fs.rmSync(made, { recursive: true, force: true }));
  return made;
}

/** A machine: its own home and config, cache and data directories. */
function machine(): Record<string, string> {
  const home = dir('leakstop-home-');
  return {
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    LEAKSTOP_FINGERPRINT_KEY: '',
    LEAKSTOP_REGISTRY: '',
  };
}

// A dictionary word and a year: the kind of password a wordlist recovers from its hash in seconds.
const password = ['Summer', '2024', '!'].join('');
const databaseUrl = `postgres://app:${password}@db.internal:5432/app`;

interface JsonFinding {
  ruleId: string;
  path: string;
  secretHash?: string;
  secretFingerprint: string;
  fingerprint: string;
  registry: { match: boolean };
}

function expectNothingReversible(text: string, secret: string): void {
  const hash = sha256(secret);
  expect(text).not.toContain(secret);
  expect(text).not.toContain(hash);
  expect(text).not.toContain(hash.slice(0, 12));
}

describe('secret fingerprints', () => {
  it('a weak password is shown by a keyed fingerprint only: no plaintext, no SHA-256, in any report or baseline', async () => {
    const env = machine();
    const work = dir();
    fs.writeFileSync(path.join(work, 'app.env'), `DATABASE_URL=${databaseUrl}\n`);
    const outputs: CliResult[] = [];
    const cli = async (args: string[]) => {
      const result = await runCli(args, { cwd: work, env });
      outputs.push(result);
      return result;
    };

    const json = await cli(['scan', 'app.env', '--format', 'json']);
    expect(json.code, json.stderr).toBe(1);
    const [finding] = JSON.parse(json.stdout) as JsonFinding[];
    expect(finding).toMatchObject({ ruleId: 'postgres-url-password', path: 'app.env' });
    expect(finding!.secretFingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(finding).not.toHaveProperty('secretHash');

    const sarif = await cli(['scan', 'app.env', '--format', 'sarif']);
    const result = JSON.parse(sarif.stdout).runs[0].results[0];
    expect(result.properties.secretFingerprint).toBe(finding!.secretFingerprint);
    expect(result.properties).not.toHaveProperty('secretHash');

    const text = await cli(['scan', 'app.env']);
    expect(text.stdout).toContain(`fingerprint: ${finding!.secretFingerprint.slice(0, 12)}…`);

    const baselineFile = path.join(work, 'baseline.json');
    expect((await cli(['scan', 'app.env', '--write-baseline', baselineFile])).code).toBe(0);
    const baseline = fs.readFileSync(baselineFile, 'utf8');
    const [entry] = JSON.parse(baseline).entries;
    expect(entry).toEqual({ ruleId: 'postgres-url-password', path: 'app.env', secretFingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // The baseline has its own key, beside it and private: not the key of this user's reports.
    expect(entry.secretFingerprint).not.toBe(finding!.secretFingerprint);
    expect(fs.statSync(`${baselineFile}.key`).mode & 0o777).toBe(0o600);

    for (const printed of [...outputs.map((output) => output.stdout + output.stderr), baseline]) expectNothingReversible(printed, password);

    // The key lives in the user's config directory, readable by the user alone.
    const keyFile = path.join(env.XDG_CONFIG_HOME!, 'leakstop', 'fingerprint-key');
    expect(fs.readFileSync(keyFile, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
  });

  it('the same secret has the same fingerprint on every run, and a baseline suppresses it on this machine and another', async () => {
    const here = machine();
    const work = dir();
    fs.writeFileSync(path.join(work, 'app.env'), `DATABASE_URL=${databaseUrl}\n`);
    const scan = (env: Record<string, string>, extra: string[] = []) => runCli(['scan', 'app.env', '--format', 'json', ...extra], { cwd: work, env });

    const first = JSON.parse((await scan(here)).stdout) as JsonFinding[];
    const second = JSON.parse((await scan(here)).stdout) as JsonFinding[];
    expect(second[0]!.secretFingerprint).toBe(first[0]!.secretFingerprint);
    expect(second[0]!.fingerprint).toBe(first[0]!.fingerprint);

    expect((await scan(here, ['--write-baseline', 'baseline.json'])).code).toBe(0);
    const suppressed = await scan(here, ['--baseline', 'baseline.json']);
    expect(suppressed.code, suppressed.stderr).toBe(0);
    expect(suppressed.stderr).toContain('1 finding suppressed by the baseline');

    // The baseline and its key are committed, and CI (or a fork's pull request) runs on a fresh machine.
    const ci = machine();
    const committed = await scan(ci, ['--baseline', 'baseline.json']);
    expect(committed.code, committed.stderr).toBe(0);
    expect(committed.stderr).toContain('1 finding suppressed by the baseline');
    // Rewriting the baseline keeps its key, so its entries do not churn.
    const written = fs.readFileSync(path.join(work, 'baseline.json'), 'utf8');
    expect((await scan(ci, ['--write-baseline', 'baseline.json'])).code).toBe(0);
    expect(fs.readFileSync(path.join(work, 'baseline.json'), 'utf8')).toBe(written);

    // The key kept out of the repository: without it, CI says what to do ...
    const key = fs.readFileSync(path.join(work, 'baseline.json.key'), 'utf8').trim();
    fs.rmSync(path.join(work, 'baseline.json.key'));
    const keyless = await scan(ci, ['--baseline', 'baseline.json']);
    expect(keyless.code).toBe(2);
    expect(keyless.stderr.trim().split('\n')).toHaveLength(1);
    expect(keyless.stderr).toMatch(/^leakstop: baseline baseline\.json was written with fingerprint key [0-9a-f]{16}.*baseline\.json\.key.*LEAKSTOP_FINGERPRINT_KEY/);

    // ... and given the key (a CI secret) it suppresses the same finding.
    const keyed = await scan({ ...ci, LEAKSTOP_FINGERPRINT_KEY: key }, ['--baseline', 'baseline.json']);
    expect(keyed.code, keyed.stderr).toBe(0);
    expect(keyed.stderr).toContain('1 finding suppressed by the baseline');
    // Reports elsewhere are the same under the same report key.
    const reportKey = fs.readFileSync(path.join(here.XDG_CONFIG_HOME!, 'leakstop', 'fingerprint-key'), 'utf8').trim();
    const elsewhere = JSON.parse((await scan({ ...ci, LEAKSTOP_FINGERPRINT_KEY: reportKey })).stdout) as JsonFinding[];
    expect(elsewhere[0]!.secretFingerprint).toBe(first[0]!.secretFingerprint);

    const bad = await scan({ ...ci, LEAKSTOP_FINGERPRINT_KEY: 'not hex' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^leakstop: LEAKSTOP_FINGERPRINT_KEY must be 64 hex characters/);
  });

  it('still reads a baseline of SHA-256 hashes, and says to rewrite it', async () => {
    const env = machine();
    const work = dir();
    fs.writeFileSync(path.join(work, 'app.env'), `DATABASE_URL=${databaseUrl}\n`);
    fs.writeFileSync(path.join(work, 'old.json'), JSON.stringify({ version: 1, entries: [{ ruleId: 'postgres-url-password', path: 'app.env', secretHash: sha256(password) }] }));
    const result = await runCli(['scan', 'app.env', '--baseline', 'old.json'], { cwd: work, env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('1 finding suppressed by the baseline');
    expect(result.stderr).toMatch(/old\.json holds unkeyed SHA-256 hashes.*rewrite it with --write-baseline old\.json/);
  });

  it('keeps the raw SHA-256 for a key of ours, which the registry needs', async () => {
    const env = machine();
    const work = dir();
    const registry = path.join(work, 'registry.db');
    expect((await runCli(['registry', 'init', '--registry', registry], { env })).code).toBe(0);
    const key = (await runCli(['registry', 'issue', '--owner', 'acct_1', '--label', 'deploy', '--registry', registry], { env })).stdout.trim();
    fs.writeFileSync(path.join(work, 'deploy.env'), `API_KEY=${key}\n`);

    const json = await runCli(['scan', 'deploy.env', '--format', 'json', '--registry', registry], { cwd: work, env });
    const [finding] = JSON.parse(json.stdout) as JsonFinding[];
    expect(finding).toMatchObject({ registry: { match: true }, secretHash: sha256(key) });
    expect(finding!.secretFingerprint).toMatch(/^[0-9a-f]{64}$/);
    const sarif = await runCli(['scan', 'deploy.env', '--format', 'sarif', '--registry', registry], { cwd: work, env });
    expect(JSON.parse(sarif.stdout).runs[0].results[0].properties.secretHash).toBe(sha256(key));
    const text = await runCli(['scan', 'deploy.env', '--registry', registry], { cwd: work, env });
    expect(text.stdout).toContain(`sha256: ${sha256(key).slice(0, 12)}…`);
  });

  it('the history scan cache keeps no SHA-256 of a secret', async () => {
    const env = machine();
    const repo = TestRepo.init();
    cleanups.push(() => repo.remove());
    repo.commit('configure', { 'app.env': `DATABASE_URL=${databaseUrl}\n` });
    const first = await runCli(['scan', '--history', repo.dir, '--format', 'json'], { env });
    const second = await runCli(['scan', '--history', repo.dir, '--format', 'json'], { env });
    expect(first.code, first.stderr).toBe(1);
    expect(JSON.parse(second.stdout)).toEqual(JSON.parse(first.stdout));
    const cacheDir = path.join(env.XDG_CACHE_HOME!, 'leakstop');
    const digest = createHash('sha256').update(password).digest();
    for (const file of fs.readdirSync(cacheDir)) {
      const bytes = fs.readFileSync(path.join(cacheDir, file));
      expectNothingReversible(bytes.toString('latin1'), password);
      expect(bytes.includes(digest)).toBe(false);
    }
    expectNothingReversible(first.stdout + first.stderr + second.stdout + second.stderr, password);
  });
});
