// `leakstop partner patterns` as a subprocess: the secret types of the registry's shapes.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/git-repo.js';
import { createRegistry, issueKey } from '../helpers/registry-keys.js';
import { runCli } from '../helpers/run-cli.js';

let dir: string;
let registry: string;

beforeAll(async () => {
  dir = tempDir('leakstop-partner-cli-');
  registry = path.join(dir, 'registry.db');
  await createRegistry(registry);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('leakstop partner patterns', () => {
  it('says an empty registry has nothing to submit', async () => {
    const result = await runCli(['partner', 'patterns', '--registry', registry, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
    expect(result.stderr).toMatch(/holds no keys yet/);
  });

  it('prints one secret type per shape of the issued keys, as text or JSON, and no key', async () => {
    const issued = await issueKey(registry, { owner: 'acct_1', label: 'one' });
    await issueKey(registry, { owner: 'acct_2', label: 'two', environment: 'test' });
    const json = await runCli(['partner', 'patterns', '--registry', registry, '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).map((pattern: { type: string; regex: string }) => [pattern.type, pattern.regex]).sort()).toEqual([
      ['lk_live_key', 'lk_live_[0-9A-Za-z]{49}'],
      ['lk_test_key', 'lk_test_[0-9A-Za-z]{49}'],
    ]);
    const text = await runCli(['partner', 'patterns'], { env: { LEAKSTOP_REGISTRY: registry } });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Secret type:  lk_live_key');
    expect(text.stdout).toContain('Regex:        lk_test_[0-9A-Za-z]{49}');
    expect(`${json.stdout}${text.stdout}${text.stderr}`).not.toContain(issued.plaintext);
  });

  it('refuses an unknown format with one line and exit 2', async () => {
    const result = await runCli(['partner', 'patterns', '--registry', registry, '--format', 'yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('leakstop: --format must be text or json, not "yaml"');
  });
});
