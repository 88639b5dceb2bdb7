// The compiled-engine cache of `leakstop scan`: made in the user's cache directory on the first
// scan, used by the next, rebuilt when corrupt or when the rule set changes, and never holding a
// secret or the fingerprint key.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planEngine } from '../../src/detect/plan-engine.js';
import { loadPlannedConfig, SHIPPED_PLAN_FILE } from '../../src/pipeline/engine-cache.js';
import { expandTemplate } from '../../src/rules/example-template.js';
import { loadConfig } from '../../src/rules/load-config.js';
import { findingsOf } from '../helpers/json-findings.js';
import { DEMO_TOKEN_RULE } from '../helpers/rule-fixtures.js';
import { PROJECT_ROOT, runCli } from '../helpers/run-cli.js';
import { Scratch } from '../helpers/scratch.js';

const scratch = new Scratch();
afterAll(() => scratch.cleanup());

const FINGERPRINT_KEY = 'f0e1d2c3'.repeat(8);

/** A fresh cache directory, and scans by this checkout's CLI or by `cli` (another installation's). */
function world(cli?: string) {
  const cacheHome = scratch.dirWith();
  const env = { XDG_CACHE_HOME: cacheHome, LEAKSTOP_FINGERPRINT_KEY: FINGERPRINT_KEY };
  const cacheFile = path.join(cacheHome, 'leakstop', 'engine-cache.bin');
  const scan = (dir: string, ...args: string[]) => runCli(['scan', '--format', 'json', '--quiet', ...args, dir], { env, cli });
  return { cacheHome, cacheFile, scan };
}

/** An installation of the built package elsewhere: its CLI, rules and shipped plan copied, its dependencies this checkout's. */
function installedCopy(): { root: string; cli: string } {
  const root = scratch.dirWith();
  for (const part of ['package.json', 'rules', 'dist/cli']) fs.cpSync(path.join(PROJECT_ROOT, part), path.join(root, part), { recursive: true });
  fs.copyFileSync(SHIPPED_PLAN_FILE, path.join(root, path.relative(PROJECT_ROOT, SHIPPED_PLAN_FILE)));
  fs.symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(root, 'node_modules'));
  return { root, cli: path.join(root, 'dist/cli/main.js') };
}

const demoToken = () => expandTemplate('dmo_{base62:30}');
const otherToken = () => expandTemplate('zzq_{base62:30}');

// A rebuild from a stale shipped plan plans every rule, seconds on a busy machine.
describe('the compiled-engine cache', { timeout: 180_000 }, () => {
  it('is written on the first scan, owner-only, and the second scan finds the same', async () => {
    const { cacheFile, scan } = world();
    const token = expandTemplate('ghp_{crc32:30}');
    const dir = scratch.dirWith({ 'app.env': `GITHUB_TOKEN=${token}\n` });
    const first = await scan(dir);
    expect(first.code).toBe(1);
    expect(fs.statSync(cacheFile).mode & 0o777).toBe(0o600);
    const written = fs.readFileSync(cacheFile);
    const second = await scan(dir);
    expect(findingsOf(second)).toEqual(findingsOf(first));
    // Buffer.equals: toEqual walks 2.4 MB element by element (seconds).
    expect(fs.readFileSync(cacheFile).equals(written)).toBe(true);
  });

  it('is rebuilt when corrupt: the scan still finds the secret', async () => {
    const { cacheFile, scan } = world();
    const dir = scratch.dirWith({ 'app.env': `GITHUB_TOKEN=${expandTemplate('ghp_{crc32:30}')}\n` });
    await scan(dir);
    const good = fs.readFileSync(cacheFile);
    // The format line and the rule set's key: V8's serialization of the same rules need not be
    // the same bytes twice (its strings' internal encodings vary), so the rebuilt file is checked
    // by its key and by the next scan accepting it untouched. For the same reason the payload is
    // corrupted by flipping a bit, not by editing a string that may be stored one way or another.
    const keyLines = (bytes: Buffer) => bytes.toString('latin1').split('\n', 2).join('\n');
    const flipped = Buffer.from(good);
    flipped[Math.floor(good.length * 0.75)]! ^= 0x01;
    for (const corrupt of [good.subarray(0, good.length / 2), flipped, Buffer.from('not a cache')]) {
      fs.writeFileSync(cacheFile, corrupt);
      const result = await scan(dir);
      expect(result.code).toBe(1);
      expect(findingsOf(result).map((finding) => finding.ruleId)).toEqual(['github-pat']);
      const rebuilt = fs.readFileSync(cacheFile);
      expect(keyLines(rebuilt)).toBe(keyLines(good));
      expect(rebuilt.equals(corrupt)).toBe(false);
      await scan(dir);
      expect(fs.readFileSync(cacheFile).equals(rebuilt)).toBe(true);
    }
  });

  it('is not used with a --config, whose rules load afresh: an edited rule finds what it now says', async () => {
    const { cacheFile, scan } = world();
    const config = path.join(scratch.dirWith({ 'rules.toml': DEMO_TOKEN_RULE }), 'rules.toml');
    const dir = scratch.dirWith({ 'a.txt': `one ${demoToken()}\n`, 'b.txt': `two ${otherToken()}\n` });
    const before = await scan(dir, '--config', config);
    expect(findingsOf(before).map((finding) => path.basename(finding.path))).toEqual(['a.txt']);
    fs.writeFileSync(config, DEMO_TOKEN_RULE.replace('dmo_', 'zzq_').replace('["dmo_"]', '["zzq_"]'));
    const after = await scan(dir, '--config', config);
    expect(findingsOf(after).map((finding) => path.basename(finding.path))).toEqual(['b.txt']);
    expect(fs.existsSync(cacheFile)).toBe(false);
  });

  it('starts, in a fresh cache directory, from the plan the build shipped: that of the installed rules', async () => {
    expect(fs.statSync(SHIPPED_PLAN_FILE).mode & 0o777).toBe(0o644);
    const loaded = await loadPlannedConfig({ extraRules: [], cacheDir: scratch.dirWith() });
    const config = loadConfig();
    // The cache's rules carry no examples: only the rule tests read them.
    const rules = config.rules.map((rule) => ({ ...rule, examples: { match: [], noMatch: [] } }));
    expect(loaded).toEqual({ config: { ...config, rules }, plan: planEngine(config.rules) });
  });

  it('passes over a shipped plan that is stale or corrupt: a rule added to the installation finds, a corrupt plan is planned afresh', async () => {
    const stale = installedCopy();
    fs.writeFileSync(path.join(stale.root, 'rules', 'demo.toml'), DEMO_TOKEN_RULE);
    const corrupt = installedCopy();
    const shipped = path.join(corrupt.root, path.relative(PROJECT_ROOT, SHIPPED_PLAN_FILE));
    fs.writeFileSync(shipped, fs.readFileSync(shipped).subarray(0, 4096));

    const dir = scratch.dirWith({ 'a.env': `DEMO=${demoToken()}\nGITHUB_TOKEN=${expandTemplate('ghp_{crc32:30}')}\n` });
    const ruleIds = (result: Awaited<ReturnType<typeof runCli>>) => findingsOf(result).map((finding) => finding.ruleId).sort();
    for (const [installation, expected] of [[stale, ['demo-token', 'github-pat']], [corrupt, ['github-pat']]] as const) {
      const { cacheFile, scan } = world(installation.cli);
      const first = await scan(dir);
      expect(first.code).toBe(1);
      expect(ruleIds(first)).toEqual(expected);
      expect(fs.existsSync(cacheFile)).toBe(true);
      expect(ruleIds(await scan(dir))).toEqual(expected);
    }
  });

  it('never holds a secret found by a scan, nor the fingerprint key', async () => {
    const { cacheHome, scan } = world();
    const secrets = [expandTemplate('ghp_{crc32:30}'), expandTemplate('AKIA{base32:16}'), demoToken()];
    const dir = scratch.dirWith({ 'leaks.txt': secrets.map((secret, i) => `token${i} = "${secret}"\n`).join('') });
    const result = await scan(dir);
    expect(findingsOf(result).length).toBeGreaterThan(0);
    const cached = fs.readdirSync(path.join(cacheHome, 'leakstop'))
      .map((name) => fs.readFileSync(path.join(cacheHome, 'leakstop', name), 'utf8'))
      .join('\n');
    expect(cached.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(cached).not.toContain(secret);
    expect(cached.toLowerCase()).not.toContain(FINGERPRINT_KEY);
  });
});
