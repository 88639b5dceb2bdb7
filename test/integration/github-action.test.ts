// The GitHub Action run as a runner runs it: `node dist-action/index.js` (the committed bundle)
// with GITHUB_EVENT_NAME, GITHUB_EVENT_PATH (payloads from @octokit/webhooks-examples, pointed at
// a real repository), GITHUB_WORKSPACE (a checkout made like actions/checkout makes it, shallow),
// GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and INPUT_*. Asserts outputs, summary, annotations and SARIF,
// and that the plaintext appears in none of them.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandTemplate } from '../../src/rules/example-template.js';
import { example } from '../github/webhook-payloads.js';
import type { TestRepo } from '../helpers/git-repo.js';
import { PROJECT_ROOT } from '../helpers/run-cli.js';
import { scratchSpace } from '../helpers/scratch-space.js';

const ACTION = path.join(PROJECT_ROOT, 'dist-action/index.js');
const ghToken = (): string => expandTemplate('ghp_{crc32:30}');
const { repo, dir } = scratchSpace();

interface ActionRun {
  code: number;
  log: string;
  outputs: Record<string, string>;
  summary: string;
  sarif: { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[]; properties: { commit?: string } }[] }[] };
  /** Every byte the action left behind, to search for the plaintext. */
  everything: string;
}

/** Checks out `branch` at its tip the way actions/checkout does by default: one commit deep. */
function checkout(origin: TestRepo, branch: string, depth = 1): TestRepo {
  const workspace = repo();
  workspace.git(['remote', 'add', 'origin', `file://${origin.dir}`]);
  workspace.git(['fetch', '--quiet', '--no-tags', `--depth=${depth}`, 'origin', `+refs/heads/${branch}:refs/remotes/origin/${branch}`]);
  workspace.git(['checkout', '--quiet', '-B', branch, `refs/remotes/origin/${branch}`]);
  return workspace;
}

function runAction(workspace: TestRepo, event: string, payload: unknown, inputs: Record<string, string> = {}): Promise<ActionRun> {
  const runner = dir();
  const files = { event: path.join(runner, 'event.json'), output: path.join(runner, 'output'), summary: path.join(runner, 'summary.md') };
  fs.writeFileSync(files.event, JSON.stringify(payload));
  fs.writeFileSync(files.output, '');
  fs.writeFileSync(files.summary, '');
  const env: Record<string, string | undefined> = {
    ...process.env,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_WORKSPACE: workspace.dir,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_SHA: workspace.git(['rev-parse', 'HEAD']).trim(),
    LEAKSTOP_DEBUG: undefined,
    XDG_CONFIG_HOME: runner,
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ACTION], { cwd: workspace.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const outputs = Object.fromEntries(fs.readFileSync(files.output, 'utf8').split('\n').filter(Boolean).map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]));
      const sarifPath = outputs['sarif-file'];
      const sarifText = sarifPath && fs.existsSync(sarifPath) ? fs.readFileSync(sarifPath, 'utf8') : '{"runs":[]}';
      const summary = fs.readFileSync(files.summary, 'utf8');
      resolve({ code: code ?? -1, log, outputs, summary, sarif: JSON.parse(sarifText) as ActionRun['sarif'], everything: `${log}\n${summary}\n${sarifText}\n${fs.readFileSync(files.output, 'utf8')}` });
    });
  });
}

/** The annotations on lines of files. */
const annotations = (log: string): string[] => log.split('\n').filter((line) => line.startsWith('::error ') && line.includes(',file='));
const resultPlaces = (run: ActionRun): string[] =>
  run.sarif.runs.flatMap((r) => r.results.map((result) => `${result.locations[0]!.physicalLocation.artifactLocation.uri}:${result.locations[0]!.physicalLocation.region.startLine}`));

function pullRequestPayload(base: string, head: string): unknown {
  const payload = example('pull_request', (p) => p.action === 'synchronize') as { number: number; pull_request: { number: number; base: { sha: string }; head: { sha: string } } };
  payload.number = payload.pull_request.number = 12;
  payload.pull_request.base.sha = base;
  payload.pull_request.head.sha = head;
  return payload;
}

function pushPayload(ref: string, before: string, after: string): unknown {
  const created = /^0+$/.test(before);
  const payload = example('push', (p) => p.created === created) as Record<string, unknown>;
  return { ...payload, ref, before, after, created, deleted: false, forced: false };
}

describe('the GitHub Action (dist-action/index.js)', { timeout: 240_000 }, () => {
  it('pull_request: scans the pull request\'s commits (base..head) in a shallow checkout, fetching what it lacks', async () => {
    const origin = repo();
    const oldToken = ghToken();
    origin.commit('old leak on main', { 'old.env': `${oldToken}\n` });
    const base = origin.commit('main', { 'README.md': 'app\n' });
    origin.git(['checkout', '-q', '-b', 'feature']);
    const token = ghToken();
    const leak = origin.commit('add config', { 'config/app.env': `NAME=app\nTOKEN=${token}\n` });
    const head = origin.commit('more', { 'b.txt': 'b\n' });
    const workspace = checkout(origin, 'feature');

    const run = await runAction(workspace, 'pull_request', pullRequestPayload(base, head));
    expect(run.code).toBe(1);
    expect(run.log).toContain('Leakstop: The checkout was shallow: fetched the history it lacked (git fetch --unshallow origin)');
    expect(run.log).toContain(`Leakstop scanned pull request #12 (${base.slice(0, 7)}..${head.slice(0, 7)}).`);
    expect(run.outputs).toEqual({ findings: '1', 'sarif-file': path.join(workspace.dir, 'leakstop.sarif') });
    // Only the pull request's own commits: the old leak on main is not its doing.
    expect(resultPlaces(run)).toEqual(['config/app.env:2']);
    expect(run.sarif.runs[0]!.results[0]!.properties.commit).toBe(leak);
    expect(annotations(run.log)).toEqual([
      expect.stringMatching(new RegExp(`^::error title=Leaked secret%3A github-pat,file=config/app.env,line=2,endLine=2,col=7,endColumn=46::GitHub personal access token \\(classic\\): ghp_…${token.slice(-4)} \\(commit ${leak.slice(0, 7)}\\)\\.`)),
    ]);
    expect(run.summary).toContain(`Leakstop scanned pull request #12`);
    expect(run.summary).toContain('| rule | where | secret (redacted) | what to do |');
    expect(run.summary).toContain(`| github-pat | [\`config/app.env:2\`](https://github.com/octo/app/blob/${leak}/config/app.env#L2) in \`${leak.slice(0, 7)}\` | \`ghp_…${token.slice(-4)}\` |`);
    expect(run.log).toContain('::error::Leakstop found 1 secret in pull request #12');
    expect(run.everything).not.toContain(token);
    expect(run.everything).not.toContain(oldToken);
  });

  it('push: scans before..after only; fail-on none reports without failing', async () => {
    const origin = repo();
    const oldToken = ghToken();
    const before = origin.commit('old leak', { 'old.env': `${oldToken}\n` });
    const token = ghToken();
    const leak = origin.commit('leak', { 'k.env': `${token}\n` });
    const after = origin.commit('clean', { 'c.txt': 'c\n' });
    const workspace = checkout(origin, 'main');
    const run = await runAction(workspace, 'push', pushPayload('refs/heads/main', before, after), { 'fail-on': 'none' });
    expect(run.code).toBe(0);
    expect(run.log).toContain(`Leakstop scanned the push to main (${before.slice(0, 7)}..${after.slice(0, 7)}).`);
    expect(resultPlaces(run)).toEqual(['k.env:1']);
    expect(run.sarif.runs[0]!.results[0]!.properties.commit).toBe(leak);
    expect(run.outputs.findings).toBe('1');
    expect(annotations(run.log)).toHaveLength(1);
    expect(run.log).not.toContain('::error::Leakstop found');
    expect(run.everything).not.toContain(token);
  });

  it('push of a new branch: scans the commits no other branch has', async () => {
    const origin = repo();
    const oldToken = ghToken();
    origin.commit('old leak', { 'old.env': `${oldToken}\n` });
    origin.commit('main', { 'm.txt': 'm\n' });
    origin.git(['checkout', '-q', '-b', 'topic']);
    const token = ghToken();
    origin.commit('leak', { 'topic.env': `${token}\n` });
    const after = origin.commit('clean', { 't.txt': 't\n' });
    const workspace = checkout(origin, 'topic');
    const run = await runAction(workspace, 'push', pushPayload('refs/heads/topic', '0'.repeat(40), after));
    expect(run.code).toBe(1);
    expect(run.log).toContain(`Leakstop scanned the new branch topic (${after.slice(0, 7)}).`);
    expect(resultPlaces(run)).toEqual(['topic.env:1']);
    expect(run.summary).toMatch(/Scanned 2 commits/);
    expect(run.everything).not.toContain(token);
    expect(run.everything).not.toContain(oldToken);
  });

  it('schedule and workflow_dispatch: the whole history, every branch, with a baseline and fail-on new', async () => {
    const origin = repo();
    const known = ghToken();
    origin.commit('known', { 'known.env': `${known}\n` });
    origin.git(['checkout', '-q', '-b', 'side']);
    const fresh = ghToken();
    origin.commit('side leak', { 'side.env': `${fresh}\n` });
    origin.git(['checkout', '-q', 'main']);
    const workspace = checkout(origin, 'main');

    const scheduled = await runAction(workspace, 'schedule', { schedule: '0 3 * * *' });
    expect(scheduled.code).toBe(1);
    expect(scheduled.log).toContain('Leakstop scanned the whole history (schedule).');
    expect(scheduled.log).toContain('The checkout was shallow');
    expect(resultPlaces(scheduled).sort()).toEqual(['known.env:1', 'side.env:1']);

    // A baseline of the known leak, written by the CLI; fail-on new fails only for the other.
    const baselineDir = dir();
    const baseline = path.join(baselineDir, 'baseline.json');
    fs.writeFileSync(path.join(baselineDir, 'known.env'), `${known}\n`);
    const { runCli } = await import('../helpers/run-cli.js');
    expect((await runCli(['scan', 'known.env', '--write-baseline', baseline], { cwd: baselineDir })).code).toBe(0);
    fs.copyFileSync(baseline, path.join(workspace.dir, 'leakstop-baseline.json'));
    fs.copyFileSync(`${baseline}.key`, path.join(workspace.dir, 'leakstop-baseline.json.key'));
    const dispatched = await runAction(workspace, 'workflow_dispatch', example('workflow_dispatch', () => true), {
      baseline: 'leakstop-baseline.json',
      'fail-on': 'new',
      'sarif-file': 'reports/leakstop.sarif',
      format: 'json',
    });
    expect(dispatched.log).toContain('Leakstop scanned the whole history (workflow_dispatch).');
    expect(resultPlaces(dispatched)).toEqual(['side.env:1']);
    expect(dispatched.outputs).toEqual({ findings: '1', 'sarif-file': path.join(workspace.dir, 'reports/leakstop.sarif') });
    expect(dispatched.log).toContain('1 finding suppressed by the baseline.');
    expect(dispatched.code).toBe(1);
    expect(scheduled.everything + dispatched.everything).not.toContain(known);
    expect(scheduled.everything + dispatched.everything).not.toContain(fresh);
  });

  it('a clean push passes with findings 0, an empty table and no annotation; a deleted branch scans nothing', async () => {
    const origin = repo();
    const before = origin.commit('one', { 'a.txt': 'a\n' });
    const after = origin.commit('two', { 'b.txt': 'b\n' });
    const workspace = checkout(origin, 'main', 5);
    const run = await runAction(workspace, 'push', pushPayload('refs/heads/main', before, after));
    expect(run.code).toBe(0);
    expect(run.outputs.findings).toBe('0');
    expect(run.summary).toContain('### Leakstop: no secrets found');
    expect(run.summary).toMatch(/Scanned 1 commit/);
    expect(annotations(run.log)).toEqual([]);
    const deleted = await runAction(workspace, 'push', { ...(pushPayload('refs/heads/gone', after, '0'.repeat(40)) as object), deleted: true });
    expect(deleted.code).toBe(0);
    expect(deleted.log).toContain('Leakstop scanned the deletion of gone (nothing to scan).');
  });

  it('a bad input fails the step with one error annotation', async () => {
    const origin = repo();
    origin.commit('one', { 'a.txt': 'a\n' });
    const run = await runAction(checkout(origin, 'main'), 'schedule', {}, { 'fail-on': 'sometimes' });
    expect(run.code).toBe(2);
    expect(run.log).toBe('::error::leakstop: input fail-on must be any, new or none, not "sometimes"\n');
  });
});
