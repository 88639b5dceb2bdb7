// How a key of ours is shown: its prefix and last four (inside its checksum), the same in
// `scan`, `check`, `registry list|show` and the demo — never a character of its random part,
// except where a new key or a replacement is shown once to its owner.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/git-repo.js';
import { PROJECT_ROOT, runCli, type CliResult } from '../helpers/run-cli.js';
import { spawnSync } from 'node:child_process';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

/** `lk_live_` followed by any character of a key's body: a piece of its random part. */
const RANDOM_PART = /lk_(?:live|test)_[0-9A-Za-z]/;

describe('the visible fragment of a key of ours', () => {
  it('is prefix…last four everywhere: scan (text, JSON, SARIF, with and without the registry), check, registry list and show', async () => {
    const work = tempDir('leakstop-keys-');
    cleanups.push(() => fs.rmSync(work, { recursive: true, force: true }));
    const registry = path.join(work, 'registry.db');
    const outputs: CliResult[] = [];
    const cli = async (args: string[], input?: string) => {
      const result = await runCli(args, { cwd: work, input, env: { LEAKSTOP_REGISTRY: registry } });
      outputs.push(result);
      return result;
    };
    expect((await cli(['registry', 'init'])).code).toBe(0);
    const issued = await cli(['registry', 'issue', '--owner', 'acct_5', '--label', 'billing']);
    const key = issued.stdout.trim();
    const hint = `lk_live_…${key.slice(-4)}`;
    const id = (JSON.parse((await cli(['registry', 'list', '--json'])).stdout) as { keyId: string }[])[0]!.keyId;

    // A replacement, claimed: its plaintext is printed once, by the claim.
    const revoked = await cli(['revoke', id, '--reason', 'rotation drill', '--replace']);
    expect(revoked.code, revoked.stderr).toBe(0);
    const replacementId = /Replacement (\S+) is reserved/.exec(revoked.stdout)![1]!;
    const claimed = await cli(['registry', 'claim', replacementId]);
    const replacement = claimed.stdout.trim();
    expect(replacement).toMatch(/^lk_live_[0-9A-Za-z]{49}$/);
    const replacementHint = `lk_live_…${replacement.slice(-4)}`;
    const claimOutput = outputs.pop()!;
    const issueOutput = outputs.splice(1, 1)[0]!;
    expect(issueOutput.stdout.trim()).toBe(key);

    fs.writeFileSync(path.join(work, 'app.env'), `OLD_KEY=${key}\nNEW_KEY=${replacement}\n`);
    const scans = {
      text: await cli(['scan', 'app.env']),
      json: await cli(['scan', 'app.env', '--format', 'json']),
      sarif: await cli(['scan', 'app.env', '--format', 'sarif']),
      unregistered: await runCli(['scan', 'app.env', '--format', 'json'], { cwd: work, env: { LEAKSTOP_REGISTRY: '' } }),
    };
    for (const scan of Object.values(scans)) {
      expect(scan.stdout).toContain(hint);
      expect(scan.stdout).toContain(replacementHint);
    }
    for (const result of [scans.json, scans.unregistered]) {
      const redacted = (JSON.parse(result.stdout) as { secretRedacted: string }[]).map((finding) => finding.secretRedacted);
      expect(redacted).toEqual([hint, replacementHint]);
    }
    outputs.push(scans.unregistered);

    const checked = await cli(['check'], `${key}\n${replacement}\n`);
    expect(checked.stdout).toContain(`line 1: ${hint} is registered key ${id} (`);
    expect(checked.stdout).toContain(`line 2: ${replacementHint} is registered key ${replacementId} (`);
    const checkedJson = JSON.parse((await cli(['check', '--json'], `${replacement}\n`)).stdout) as { secretRedacted: string }[];
    expect(checkedJson[0]!.secretRedacted).toBe(replacementHint);

    const listed = await cli(['registry', 'list']);
    expect(listed.stdout).toContain(hint);
    expect(listed.stdout).toContain(replacementHint);
    expect((await cli(['registry', 'show', replacementId])).stdout).toContain(replacementHint);

    for (const output of outputs) {
      expect(output.stdout + output.stderr).not.toMatch(RANDOM_PART);
    }
    expect(claimOutput.stderr).not.toMatch(RANDOM_PART);
  });

  it('the demo shows none of the leaked key or its replacement but prefix…last four', { timeout: 180_000 }, () => {
    const demo = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'dist/bench/demo.js')], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 170_000 });
    expect(demo.status, demo.stderr).toBe(0);
    const hints = demo.stdout.match(/lk_live_…[0-9A-Za-z]{4}/g) ?? [];
    // The leaked key (when issued, and where it was found) and the replacement in the Actions secret.
    expect(new Set(hints).size).toBeGreaterThanOrEqual(2);
    expect(demo.stdout).toContain('it holds the replacement key');
    expect(demo.stdout + demo.stderr).not.toMatch(RANDOM_PART);
  });
});
