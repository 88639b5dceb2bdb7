// The compiled-engine cache of `leakstop scan`: made in the user's cache directory on the first
// scan, used by the next, rebuilt when corrupt or when the rule set changes, and never holding a
// secret or the fingerprint key.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandTemplate } from '../../src/rules/example-template.js';
import { findingsOf } from '../helpers/json-findings.js';
import { DEMO_TOKEN_RULE } from '../helpers/rule-fixtures.js';
import { runCli } from '../helpers/run-cli.js';
import { Scratch } from '../helpers/scratch.js';

const scratch = new Scratch();
afterAll(() => scratch.cleanup());

const FINGERPRINT_KEY = 'f0e1d2c3'.repeat(8);

function world() {
  const cacheHome = scratch.dirWith();
  const env = { XDG_CACHE_HOME: cacheHome, LEAKSTOP_FINGERPRINT_KEY: FINGERPRINT_KEY };
  const cacheFile = path.join(cacheHome, 'leakstop', 'engine-cache.bin');
  const scan = (dir: string, ...args: string[]) => runCli(['scan', '--format', 'json', '--quiet', ...args, dir], { env });
  return { cacheHome, cacheFile, scan };
}

const demoToken = () => expandTemplate('dmo_{base62:30}');
const otherToken = () => expandTemplate('zzq_{base62:30}');

// A rebuild plans every rule, several seconds on a busy machine; one test rebuilds four times.
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
    expect(fs.readFileSync(cacheFile)).toEqual(written);
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
      expect(fs.readFileSync(cacheFile)).toEqual(rebuilt);
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
