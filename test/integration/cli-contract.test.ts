// The CLI's contract as a user meets it: every command's --help says what its exit codes mean
// and which options it requires; every error, commander's own included, is one line starting
// `leakstop:`, with system errors in words rather than errno codes.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

/** The subcommand names a help text lists under "Commands:". */
function subcommandsOf(help: string): string[] {
  const section = /^Commands:\n((?:  .*\n?)+)/m.exec(help)?.[1] ?? '';
  return section.split('\n').map((line) => /^  (\S+)/.exec(line)?.[1]).filter((name): name is string => Boolean(name) && name !== 'help');
}

describe('leakstop --help', () => {
  it('states the exit codes of every command, and the required options of those that have some', async () => {
    const helps = new Map<string, string>();
    const queue: string[][] = [[]];
    for (let command = queue.shift(); command; command = queue.shift()) {
      const result = await runCli([...command, '--help']);
      expect(result.code, command.join(' ')).toBe(0);
      helps.set(command.join(' '), result.stdout);
      for (const name of subcommandsOf(result.stdout)) queue.push([...command, name]);
    }
    expect([...helps.keys()]).toEqual(expect.arrayContaining(['', 'scan', 'check', 'registry init', 'registry issue', 'registry import', 'registry list',
      'registry show', 'registry revoke', 'registry claim', 'registry owner add', 'incidents show', 'respond', 'revoke', 'hook install', 'app', 'worker',
      'jobs list', 'jobs retry', 'jobs stats']));
    for (const [command, help] of helps) {
      expect(help, command).toMatch(/^Exit codes: 0 .+; 2 .+$/m);
    }
    expect(helps.get('scan')).toMatch(/^Exit codes: 0 no findings.*; 1 findings.*; 2 /m);
    expect(helps.get('check')).toMatch(/^Exit codes: 0 .*; 1 .*registered key.*; 2 /m);
    expect(helps.get('registry issue')).toMatch(/^Required options: --owner <owner>, --label <label>$/m);
    expect(helps.get('registry revoke')).toMatch(/^Required options: --reason <text>$/m);
    // `revoke --github` takes no --reason: the option is required only with a key id.
    expect(helps.get('revoke')).toMatch(/--reason <text> +why, for the audit log \(required with a key id\)/);
    expect(helps.get('registry owner add')).toMatch(/^Required options: --public-key <file>$/m);
    expect(helps.get('registry list')).not.toMatch(/Required options/);
  });
});

describe('errors', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('leakstop-errors-');
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    [['scan', '--bogus'], /^leakstop: unknown option '--bogus'/],
    [['scan', '--formt', 'json'], /^leakstop: unknown option '--formt' \(Did you mean --format\?\)$/],
    [['registry', 'issue', '--owner', 'acct_1'], /^leakstop: required option '--label <label>' not specified$/],
    [['registry', 'show'], /^leakstop: missing required argument 'key-id'$/],
    [['scan', '--format'], /^leakstop: option '--format <format>' argument missing$/],
    [['nosuchcommand'], /^leakstop: unknown command 'nosuchcommand'/],
  ])('commander\'s %j is one line starting leakstop:', async (args, expected) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(expected);
    expect(result.stderr).not.toMatch(/^error:/m);
  });

  it('says system errors in words, not errno codes', async () => {
    const missing = path.join(dir, 'missing');
    const cases: [string[], string][] = [
      [['registry', 'import', `${missing}.csv`], `leakstop: cannot read ${missing}.csv: no such file or directory\n`],
      [['registry', 'owner', 'add', 'acct_1', '--public-key', `${missing}.pub`], `leakstop: cannot read the public key file ${missing}.pub: no such file or directory\n`],
      [['registry', 'claim', 'key_x', '--secret-key', dir], `leakstop: cannot read the secret key file ${dir}: is a directory\n`],
      [['scan', '.', '--baseline', `${missing}.json`], `leakstop: baseline ${missing}.json: no such file or directory\n`],
    ];
    for (const [args, expected] of cases) {
      const result = await runCli(args, { cwd: dir });
      expect([result.code, result.stderr], args.join(' ')).toEqual([2, expected]);
    }
  });
});
