// A user's `--config`: what it may not leave out, what it says it replaces, and its rules run
// under a time budget — through the CLI as a subprocess, in every scan mode.
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { expandTemplate } from '../../src/rules/example-template.js';
import { TestRepo, tempDir } from '../helpers/git-repo.js';
import { dirWith } from '../helpers/temp-files.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));


function repoWith(files: Record<string, string>): TestRepo {
  const repo = TestRepo.init();
  cleanups.push(() => repo.remove());
  for (const [file, content] of Object.entries(files)) repo.write(file, content);
  repo.git(['add', '.']);
  return repo;
}

const ruleIds = (result: CliResult): string[] => (JSON.parse(result.stdout) as { ruleId: string }[]).map((finding) => finding.ruleId);

describe('a --config file', () => {
  it('that turns the built-in rules off and has none of its own is an error', async () => {
    const dir = dirWith({ 'leakstop.toml': '[extend]\nuseDefault = false\n', 'a.txt': 'hello\n' }, cleanups);
    const result = await runCli(['scan', 'a.txt', '--config', 'leakstop.toml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^leakstop: leakstop\.toml: no rules: [^\n]*useDefault = false[^\n]*\n$/);
  });

  it('says so when one of its rules replaces a built-in rule of the same id', async () => {
    const config = "[[rules]]\nid = \"github-pat\"\ndescription = \"Our own GitHub token rule\"\nregex = '''ghp_[0-9A-Za-z]{36}'''\nkeywords = [\"ghp_\"]\n";
    const dir = dirWith({ 'leakstop.toml': config, 'a.txt': 'hello\n' }, cleanups);
    const result = await runCli(['scan', 'a.txt', '--config', 'leakstop.toml'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr.split('\n').filter((line) => line.includes('github-pat'))).toEqual([
      'Note: leakstop.toml: rule "github-pat" replaces the built-in rule of the same id.',
    ]);
  });
});

describe('a --config rule that backtracks without end', () => {
  // `(a+)+$` on 30 a's and a "!" tries about 2^30 ways to split the a's before it fails.
  const config = `[[rules]]
id = "runaway"
description = "Backtracks catastrophically"
regex = '''(a+)+$'''
keywords = ["aaa"]

[[rules]]
id = "own-token"
description = "An ordinary rule of the same config"
regex = '''own_[0-9a-f]{24}'''
keywords = ["own_"]
`;
  const slow = `${'a'.repeat(30)}!`; // 31 bytes
  const other = (): string => `aws_access_key_id = ${expandTemplate('AKIA{base32:16}')}\nmine = ${expandTemplate('own_{hex:24}')}\n`;

  function expectSkippedWithWarning(result: CliResult, where: string): void {
    expect(result.stderr).toMatch(new RegExp(`^Warning: rule "runaway" ran past its \\d+s time budget on ${where} and was skipped there`, 'm'));
    expect(result.code).toBe(1);
    // The other rules, built-in and the user's, still report.
    expect(ruleIds(result).sort()).toEqual(['aws-access-key-id', 'own-token']);
  }

  it('is skipped for that file, with a warning naming it, when scanning paths', async () => {
    const dir = dirWith({ 'leakstop.toml': config, 'slow.txt': slow, 'other.txt': other() }, cleanups);
    const result = await runCli(['scan', 'slow.txt', 'other.txt', '--config', 'leakstop.toml', '--format', 'json'], { cwd: dir, timeoutMs: 40_000 });
    expectSkippedWithWarning(result, 'slow\\.txt');
  });

  it('is skipped the same way on stdin', async () => {
    const dir = dirWith({ 'leakstop.toml': config }, cleanups);
    const result = await runCli(['scan', '--stdin', '--config', 'leakstop.toml', '--format', 'json'], { cwd: dir, input: `${slow}\n${other()}`, timeoutMs: 40_000 });
    expectSkippedWithWarning(result, '<stdin>');
  });

  it('is skipped the same way on staged changes', async () => {
    const repo = repoWith({ 'leakstop.toml': config, 'slow.txt': slow, 'other.txt': other() });
    const result = await runCli(['scan', '--staged', '--config', 'leakstop.toml', '--format', 'json'], { cwd: repo.dir, timeoutMs: 40_000 });
    expectSkippedWithWarning(result, 'slow\\.txt');
  });

  it('is skipped the same way in history, and the blob is not cached as clean', async () => {
    const repo = repoWith({ 'leakstop.toml': config, 'slow.txt': slow, 'other.txt': other() });
    repo.git(['commit', '-qm', 'add files']);
    const cacheHome = tempDir();
    cleanups.push(() => fs.rmSync(cacheHome, { recursive: true, force: true }));
    const scan = () => runCli(['scan', '--history', '--config', 'leakstop.toml', '--format', 'json'],
      { cwd: repo.dir, env: { XDG_CACHE_HOME: cacheHome }, timeoutMs: 40_000 });
    expectSkippedWithWarning(await scan(), 'slow\\.txt@[0-9a-f]{12}');
    expectSkippedWithWarning(await scan(), 'slow\\.txt@[0-9a-f]{12}');
  });
});
