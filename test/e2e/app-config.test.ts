// `.github/leakstop.yml` on the default branch, end to end: path allowlist, stopwords, the
// third-party switch, extra rules, where incidents go — and a hostile rule that must not stall the app.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandTemplate } from '../../src/rules/example-template.js';
import { AppWorld, waitFor } from '../helpers/app-world.js';
import type { TestRepo } from '../helpers/git-repo.js';

let world: AppWorld;
let installationId: number;
let work: TestRepo;
const OWNER = 'initech';
const REPO = 'tps';

async function pushAndDeliver(files: Record<string, string>) {
  work.commit('change', files);
  const pushed = await world.push(work, OWNER, REPO, 'refs/heads/main');
  const delivered = await world.deliverPush({ owner: OWNER, repo: REPO, ref: 'refs/heads/main', ...pushed, installationId });
  expect(delivered.status).toBe(202);
  return world.completedCheckRun(pushed.after);
}

beforeAll(async () => {
  world = await AppWorld.start();
  await world.github.createRepo(OWNER, REPO, { private: true, ownerType: 'Organization' });
  await world.github.createRepo(OWNER, 'security', { private: true });
  installationId = world.github.createInstallation({ account: OWNER, repos: [REPO, 'security'] }).id;
  work = world.workingCopy();
  await world.startApp({ LEAKSTOP_REPO_RULES_BUDGET_MS: '3000' });
});

afterAll(async () => {
  await world?.close();
});

describe('per-repository config', () => {
  it('applies the path allowlist and stopwords, and runs the repository’s own rules', async () => {
    const internal = `acme_int_${randomBytes(16).toString('hex')}`;
    const allowed = expandTemplate('ghp_{crc32:30}');
    const reported = expandTemplate('ghp_{crc32:30}');
    const run = await pushAndDeliver({
      '.github/leakstop.yml': [
        'allowlist:',
        '  paths: ["fixtures/**"]',
        '  stopwords: ["sandbox"]',
        'rules:',
        '  - id: acme-internal',
        '    description: ACME internal service token',
        "    regex: 'acme_int_[0-9a-z]{32,48}'",
        '    keywords: [acme_int_]',
        '    guidance: Rotate it in the ACME vault.',
        '',
      ].join('\n'),
      'fixtures/recorded.sh': `echo ${allowed} | gh auth login --with-token\n`,
      'src/sandbox.ts': `const sandboxToken = "acme_int_${randomBytes(12).toString('hex')}sandbox${randomBytes(8).toString('hex')}";\n`,
      'src/client.ts': `\n\nconst token = "${internal}";\nconst gh = "${reported}";\n`,
    });
    const places = run.annotations.map((a) => [a.path, a.start_line, a.title]);
    expect(places).toEqual(
      expect.arrayContaining([
        ['src/client.ts', 3, 'Leaked secret: acme-internal'],
        ['src/client.ts', 4, 'Leaked secret: github-pat'],
      ]),
    );
    expect(places).toHaveLength(2);
    expect(run.annotations.find((a) => a.title?.includes('acme-internal'))!.message).toContain('Rotate it in the ACME vault.');
    expect(world.everythingSeen()).not.toContain(internal);
  });

  it('lists third-party keys without annotating them when the repository asks', async () => {
    await pushAndDeliver({ '.github/leakstop.yml': 'annotateThirdPartyKeys: false\n' });
    const run = await pushAndDeliver({ 'deploy.sh': `echo ${expandTemplate('ghp_{crc32:30}')} | gh auth login --with-token\n` });
    expect(run.conclusion).toBe('neutral');
    expect(run.annotations).toEqual([]);
    expect(run.output.summary).toContain('1 third-party finding not annotated');
  });

  it('reports a broken config and scans with the built-in settings', async () => {
    await pushAndDeliver({ '.github/leakstop.yml': 'allowlist:\n  pathz: ["**"]\n' });
    const run = await pushAndDeliver({ 'deploy.sh': `echo ${expandTemplate('ghp_{crc32:30}')} | gh auth login --with-token\n` });
    expect(run.conclusion).toBe('failure');
    expect(run.annotations).toHaveLength(1);
    expect(run.output.summary).toContain('.github/leakstop.yml: allowlist: pathz: unknown field');
  });

  it('stops a catastrophically backtracking rule at its time budget; the built-in rules still report', async () => {
    await pushAndDeliver({
      '.github/leakstop.yml': "rules:\n  - id: hostile\n    description: exponential backtracking\n    regex: '(a+)+$'\n    keywords: [aaaa]\n",
    });
    const token = expandTemplate('ghp_{crc32:30}');
    const run = await pushAndDeliver({ 'bait.txt': `${'a'.repeat(5_000)}!\necho ${token} | gh auth login --with-token\n` });
    expect(run.conclusion).toBe('failure');
    expect(run.annotations.map((a) => [a.path, a.start_line])).toEqual([['bait.txt', 2]]);
    expect(run.output.summary).toContain('did not finish within 3s and were stopped');
    // The app is not stalled: the next push is answered.
    const next = await pushAndDeliver({ 'ok.txt': 'fine\n' });
    expect(next.conclusion).toBe('success');
  });

  it('files the incident of a private repository in the security repository with `incidents.for: all`', async () => {
    const issued = await world.issueKey({ owner: 'acct_tps', label: 'tps-reports' });
    const run = await pushAndDeliver({
      '.github/leakstop.yml': 'incidents:\n  repository: initech/security\n  for: all\n',
      'reports/tps.env': `COVER_SHEET=yes\nTPS_KEY=${issued.plaintext}\n`,
    });
    expect(run.conclusion).toBe('failure');
    expect((await world.key(issued.record.id))?.status).toBe('revoked');
    const security = world.github.state.repo(OWNER, 'security')!;
    const [issue, ...more] = await waitFor('the incident issue in initech/security', () => {
      const issues = world.github.state.issuesOf(security.id);
      return issues.length > 0 ? issues : undefined;
    });
    expect(more).toEqual([]);
    expect(issue!.body).toContain('reports/tps.env');
    expect(world.github.state.issuesOf(world.github.state.repo(OWNER, REPO)!.id)).toEqual([]);
    expect(run.annotations[0]!.message).toContain('incident issue filed in initech/security');
    expect(world.everythingSeen()).not.toContain(issued.plaintext);
  });

  it('keeps the incident of a private repository in that repository when the security repository is for public ones', async () => {
    const issued = await world.issueKey({ owner: 'acct_tps', label: 'tps-cover-sheets' });
    const run = await pushAndDeliver({
      '.github/leakstop.yml': 'incidents:\n  repository: initech/security\n',
      'reports/cover.env': `COVER_SHEET=yes\nTPS_KEY=${issued.plaintext}\n`,
    });
    expect(run.conclusion).toBe('failure');
    expect(run.annotations[0]!.message).toContain('incident issue filed in initech/tps');
    const own = world.github.state.repo(OWNER, REPO)!;
    const [issue] = await waitFor('the incident issue in initech/tps', () => {
      const issues = world.github.state.issuesOf(own.id).filter((filed) => filed.body?.includes('reports/cover.env'));
      return issues.length > 0 ? issues : undefined;
    });
    expect(issue!.title).toContain('tps-cover-sheets');
    expect(world.everythingSeen()).not.toContain(issued.plaintext);
  });
  it('revokes a registered key before a hostile repository rule has used up its time budget', async () => {
    const hostile = "rules:\n  - id: hostile\n    description: exponential backtracking\n    regex: '(a+)+$'\n    keywords: [aaaa]\n";
    await pushAndDeliver({ '.github/leakstop.yml': hostile });
    const issued = await world.issueKey({ owner: 'acct_tps', label: 'tps-hostile' });
    const run = await pushAndDeliver({ 'bait.txt': `${'a'.repeat(5_000)}!\n`, 'keys.env': `TPS_KEY=${issued.plaintext}\n` });
    expect(run.conclusion).toBe('failure');
    expect(run.output.summary).toContain('did not finish within 3s and were stopped');
    const stopped = world.app
      .output()
      .split('\n')
      .filter((line) => line.includes('"repo":"initech/tps"') && line.includes('did not finish within 3s'))
      .map((line) => JSON.parse(line) as { time: number; level: number });
    expect(stopped.length).toBeGreaterThan(0);
    const warned = stopped.at(-1)!;
    expect(warned.level).toBe(40);
    const revoked = await world.key(issued.record.id);
    expect(revoked?.status).toBe('revoked');
    // The order, not a duration: the key was revoked before the repository's rules were given up on.
    expect(Date.parse(revoked!.revokedAt!)).toBeLessThan(warned.time);
    expect(world.everythingSeen()).not.toContain(issued.plaintext);
  });
});
