// The pre-commit framework (https://pre-commit.com) installing this repository as a hook repository, the
// way its users do: `pre-commit install`, then commits in a throw-away repository. pre-commit builds the
// hook with `npm install`, `npm pack` and `npm install -g` of the tarball, so this is also the test that
// the packed package installs and runs without dev dependencies. Slow: it compiles better-sqlite3 twice.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandTemplate } from '../../src/rules/example-template.js';
import { TestRepo, tempDir } from '../helpers/git-repo.js';
import { projectSnapshot, userShellEnv } from '../helpers/project-snapshot.js';
import { runCommand } from '../helpers/run-command.js';
import { tryCommit } from '../helpers/try-commit.js';

const INSTALL_TIMEOUT_MS = 25 * 60_000;

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

function preCommitVersion(): string | undefined {
  const result = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

describe('the pre-commit framework', () => {
  it('installs the leakstop hook, blocks a commit adding a key and lets a clean one through', { timeout: INSTALL_TIMEOUT_MS }, async () => {
    expect(preCommitVersion(), 'the `pre-commit` tool must be on PATH (apt-get install pre-commit)').toBeDefined();
    const hooks = projectSnapshot();
    const home = tempDir('leakstop-pre-commit-home-');
    const project = TestRepo.init();
    cleanups.push(() => hooks.repo.remove(), () => project.remove(), () => fs.rmSync(home, { recursive: true, force: true }));
    project.write('.pre-commit-config.yaml', [
      'repos:',
      `  - repo: ${hooks.repo.dir}`,
      `    rev: ${hooks.commit}`,
      '    hooks:',
      '      - id: leakstop',
      '',
    ].join('\n'));
    project.commit('pre-commit config');

    const env = userShellEnv({ PRE_COMMIT_HOME: home });
    const preCommit = (args: string[]) => runCommand('pre-commit', args, { cwd: project.dir, env });
    const install = await preCommit(['install']);
    expect(install.code, install.stderr).toBe(0);
    // The slow part: pre-commit clones the hook repository and builds it with npm.
    const environment = await preCommit(['install-hooks']);
    expect(environment.code, `${environment.stdout}\n${environment.stderr}\n${readLog(home)}`).toBe(0);

    const commit = (message: string) => tryCommit(project, message, { PRE_COMMIT_HOME: home });

    const token = expandTemplate('ghp_{crc32:30}');
    project.write('deploy.env', `GITHUB_TOKEN=${token}\n`);
    project.git(['add', 'deploy.env']);
    const blocked = commit('add deploy settings');
    expect(blocked.committed).toBe(false);
    expect(blocked.output).toContain('github-pat');
    expect(blocked.output).toContain('args: [--baseline, .leakstop-baseline.json]');
    expect(blocked.output).not.toContain(token);
    expect(project.git(['log', '--oneline']).trim().split('\n')).toHaveLength(1);

    project.write('deploy.env', 'GITHUB_TOKEN=${GITHUB_TOKEN}\n');
    project.git(['add', 'deploy.env']);
    const clean = commit('add deploy settings');
    expect(clean.committed, clean.output).toBe(true);
    expect(project.git(['log', '--oneline']).trim().split('\n')).toHaveLength(2);
  });
});

/** pre-commit's own log, which holds the npm output of a failed environment install. */
function readLog(home: string): string {
  const log = path.join(home, 'pre-commit.log');
  return fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
}
