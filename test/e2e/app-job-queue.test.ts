// The app on its durable job queue, end to end, in both deployments: an organisation's (PostgreSQL
// queue, `leakstop app --no-worker` plus two `leakstop worker` processes) and the single-machine
// default (the embedded queue in the SQLite registry, one `leakstop app` process). Webhooks are
// answered before their work is done; workers killed mid-job lose it to another; a restart loses
// no queued job; a redelivered webhook changes nothing; every leaked key is revoked once; one
// installation's backfill takes no more than LEAKSTOP_BACKFILL_WORKERS slots.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendWebhook } from '../github/send-webhook.js';
import { installationPayload, installationRepositoriesPayload } from '../github/webhook-payloads.js';
import { AppWorld, APP_ID, waitFor, type AppProcess } from '../helpers/app-world.js';
import { importCommit } from '../helpers/import-commit.js';
import { dropSchema, POSTGRES_URL } from '../helpers/registry-backends.js';
import { runCli } from '../helpers/run-cli.js';
import { seededRandom } from '../helpers/seeded-random.js';

/**
 * Workers killed at random points: runs per deployment, and the seed (printed;
 * LEAKSTOP_TEST_KILL_SEED repeats a failure's kill points). A run costs a restart, a lost lease
 * (1 s here) and the job done again.
 */
const KILL_RUNS = Number(process.env.LEAKSTOP_TEST_KILL_RUNS || 20);
/**
 * The backfill's installation: the issue's 300 repositories for the organisation deployment
 * (about 3.5 minutes on a 2-core machine); 30 for the single machine, whose one process would
 * take 6 or more. LEAKSTOP_TEST_BACKFILL_REPOS sets both.
 */
const BACKFILL_REPOS_SET = Number(process.env.LEAKSTOP_TEST_BACKFILL_REPOS) || undefined;
const KILL_SEED = process.env.LEAKSTOP_TEST_KILL_SEED ? Number(process.env.LEAKSTOP_TEST_KILL_SEED) : undefined;
/** Kill points are drawn over this long after the webhook: queued, fetching, scanning, revoking, reporting, filing. */
const KILL_WINDOW_MS = 2_500;

interface Deployment {
  name: string;
  /** Repositories in the backfill test's installation. */
  backfillRepos: number;
  /** Extra environment of every process. */
  env(): Record<string, string>;
  /** Starts whatever runs jobs (the workers, or the app with its worker). */
  startWorkers(world: AppWorld): Promise<void>;
  /** SIGKILLs whatever runs jobs. */
  killWorkers(world: AppWorld): Promise<void>;
  start(world: AppWorld): Promise<void>;
  /** Stops everything with SIGTERM. */
  stop(world: AppWorld): Promise<void>;
  cleanup(): Promise<void>;
}

// A killed worker's job is retried a second after its last renewal, at once.
const TUNING = { LEAKSTOP_JOB_LEASE_SECONDS: '1', LEAKSTOP_STOP_GRACE_SECONDS: '1', LEAKSTOP_JOB_RETRY_DELAY_SECONDS: '0', LEAKSTOP_JOB_ATTEMPTS: '3', LEAKSTOP_GITHUB_TIME_SCALE: '0.01' };

const kill = async (process: AppProcess) => {
  const exited = new Promise((resolve) => process.child.once('exit', resolve));
  if (process.child.exitCode === null) process.child.kill('SIGKILL');
  await exited;
};

function organisation(extra: Record<string, string> = {}): Deployment {
  const schema = `leakstop_test_q_${randomBytes(6).toString('hex')}`;
  const env = () => ({ ...TUNING, LEAKSTOP_QUEUE: `${POSTGRES_URL}?schema=${schema}`, ...extra });
  const startWorkers = async (world: AppWorld) => {
    await Promise.all([world.startWorker(env(), ['--concurrency', '2']), world.startWorker(env(), ['--concurrency', '2'])]);
  };
  return {
    name: 'PostgreSQL, app --no-worker and two worker processes',
    backfillRepos: BACKFILL_REPOS_SET ?? 300,
    env,
    startWorkers,
    async killWorkers(world) {
      for (const worker of world.workers.splice(0)) await kill(worker);
    },
    async start(world) {
      await world.startApp(env(), ['--no-worker']);
      await startWorkers(world);
    },
    async stop(world) {
      for (const worker of world.workers.splice(0)) await worker.stop();
      await world.app.stop();
    },
    cleanup: () => dropSchema(schema),
  };
}

function singleMachine(extra: Record<string, string> = {}): Deployment {
  const start = async (world: AppWorld) => {
    await world.startApp({ ...TUNING, LEAKSTOP_SCAN_CONCURRENCY: '2', ...extra });
  };
  return {
    name: 'the embedded queue, one app process',
    backfillRepos: BACKFILL_REPOS_SET ?? 30,
    env: () => ({ ...TUNING, ...extra }),
    startWorkers: start,
    killWorkers: async (world) => kill(world.app),
    start,
    stop: async (world) => world.app.stop(),
    cleanup: async () => undefined,
  };
}

describe.each([organisation(), singleMachine()])('the job queue: $name', (deployment) => {
  let world: AppWorld;
  let installationId: number;
  const OWNER = 'initech';

  const jobsCli = (args: string[]) => runCli(['jobs', ...args], { env: { LEAKSTOP_REGISTRY: world.registryPath, ...deployment.env() } });

  /** Waits until the queue has nothing queued or running. */
  async function drained(): Promise<void> {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const { stdout, code } = await jobsCli(['stats']);
      expect(code).toBe(0);
      const busy = stdout.split('\n').slice(1).filter(Boolean).some((line) => {
        const [, queued, running] = line.split(/\s+/);
        return Number(queued) + Number(running) > 0;
      });
      if (!busy) return;
      if (Date.now() > deadline) throw new Error(`the queue did not drain:\n${stdout}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** A repository of the organisation with one commit of `files`, written straight into the emulator. */
  async function seedRepo(name: string, files: Record<string, string>): Promise<string> {
    await world.github.createRepo(OWNER, name, { private: true, ownerType: 'Organization' });
    return importCommit(world.github.repoPath(OWNER, name), files);
  }


  const send = (event: string, payload: unknown, deliveryId?: string) =>
    sendWebhook(world.app.webhookUrl, { event, payload, secret: world.webhookSecret, appId: APP_ID, deliveryId });

  const revocationsOf = (keyId: string) =>
    world.withRegistry(async (registry) => (await registry.audit(keyId)).filter((entry) => entry.action === 'revoke').length);

  const issuesOf = (name: string) => world.github.state.issuesOf(world.github.state.repo(OWNER, name)!.id);

  /** The JSON log lines of every process running now. */
  const logLines = (): Record<string, unknown>[] =>
    [world.app, ...world.workers].flatMap((running) => running.output().split('\n')).flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });

  beforeAll(async () => {
    world = await AppWorld.start();
    await world.github.createRepo(OWNER, 'web', { private: true, ownerType: 'Organization' });
    installationId = world.github.createInstallation({ account: OWNER, repos: ['web'] }).id;
    await deployment.start(world);
  });

  afterAll(async () => {
    await world?.close();
    await deployment.cleanup();
  });

  it('answers a push webhook once it is queued; the check run follows from a worker', async () => {
    const work = world.workingCopy();
    work.commit('initial', { 'index.js': 'module.exports = 1;\n' });
    const pushed = await world.push(work, OWNER, 'web', 'refs/heads/main');
    // GitHub holds the fetch: the scan cannot be done when the webhook is answered.
    const held = world.github.faults.add({ method: 'POST', path: /\/web\.git\/git-upload-pack$/, respond: { timeoutMs: 2_000, afterTimeout: 'handle' } });
    const { status } = await world.deliverPush({ owner: OWNER, repo: 'web', ref: 'refs/heads/main', ...pushed, installationId });
    expect(status).toBe(202);
    expect(world.checkRunsOn(pushed.after)).toEqual([]);
    expect((await world.completedCheckRun(pushed.after)).conclusion).toBe('success');
    expect(held.hits).toBe(1);
  });

  it('changes nothing when a push webhook is delivered ten more times', async () => {
    const work = world.workingCopy();
    work.commit('second', { 'lib.js': 'exports.two = 2;\n' });
    const pushed = await world.push(work, OWNER, 'web', 'refs/heads/topic');
    const input = { owner: OWNER, repo: 'web', ref: 'refs/heads/topic', ...pushed, installationId };
    const deliveryId = 'c0ffee00-0000-4000-8000-000000000010';
    expect((await world.deliverPush(input, deliveryId)).status).toBe(202);
    await world.completedCheckRun(pushed.after);
    for (let time = 0; time < 10; time++) expect((await world.deliverPush(input, time % 2 ? deliveryId : undefined)).status).toBe(202);
    await drained();
    expect(world.checkRunsOn(pushed.after)).toHaveLength(1);
    const listed = await jobsCli(['list']);
    expect(listed.stdout.split('\n').filter((line) => line.includes('push-scan'))).toHaveLength(2);
  });

  it('answers a push of 50 MB of new blobs in under a second; the scan comes after and finds the key in them', async () => {
    const key = await world.issueKey({ owner: 'acct_bulk', label: 'bulk' });
    // 50 files of 1 MB of ordinary text, the key in the last: what a vendored dependency drop looks like.
    const megabyte = Array.from({ length: 1 << 14 }, (_, line) => `export const row${line} = ${line * 7919};`.padEnd(63, ' ')).join('\n');
    const files: Record<string, string> = Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`vendor/part-${index}.js`, megabyte]));
    files['vendor/part-49.js'] += `\nconst API_KEY = '${key.plaintext}';\n`;
    await world.github.createRepo(OWNER, 'bulk', { private: true, ownerType: 'Organization' });
    const after = await importCommit(world.github.repoPath(OWNER, 'bulk'), files);
    world.github.addInstallationRepos(installationId, ['bulk']);
    const started = performance.now();
    const { status } = await world.deliverPush({ owner: OWNER, repo: 'bulk', ref: 'refs/heads/main', before: '0'.repeat(40), after, installationId });
    const answeredMs = performance.now() - started;
    expect(status).toBe(202);
    expect(answeredMs).toBeLessThan(1_000); // the issue's bound, loose: GitHub waits 10 s
    console.log(`push of 50 MB of new blobs answered in ${answeredMs.toFixed(0)} ms (${deployment.name})`);
    expect((await world.completedCheckRun(after)).conclusion).toBe('failure');
    await drained();
    expect(await revocationsOf(key.record.id)).toBe(1);
    expect(world.everythingSeen()).not.toContain(key.plaintext);
  }, 180_000);

  it('backfills an installation of many repositories, revoking each leaked key once, while pushes elsewhere go on', async () => {
    const names = Array.from({ length: deployment.backfillRepos }, (_, index) => `svc-${String(index).padStart(3, '0')}`);
    const leaked = new Map<string, { id: string; plaintext: string }>();
    const heads = new Map<string, string>();
    for (const [index, name] of names.entries()) {
      let files: Record<string, string> = { 'README.md': `# ${name}\n` };
      if (index % 10 === 3) {
        const key = await world.issueKey({ owner: `acct_${name}`, label: name });
        leaked.set(name, { id: key.record.id, plaintext: key.plaintext });
        files = { ...files, 'deploy.env': `API_KEY=${key.plaintext}\n` };
      }
      heads.set(name, await seedRepo(name, files));
    }
    const big = world.github.createInstallation({ account: OWNER, repos: names });
    expect(await send('installation', installationPayload(world.github, { installationId: big.id }))).toBe(202);
    // A push to the first installation while the backfill runs.
    const work = world.workingCopy();
    work.commit('during the backfill', { 'app.js': 'exports.three = 3;\n' });
    const pushed = await world.push(work, OWNER, 'web', 'refs/heads/during');
    const pushedAt = Date.now();
    expect((await world.deliverPush({ owner: OWNER, repo: 'web', ref: 'refs/heads/during', ...pushed, installationId })).status).toBe(202);
    expect((await world.completedCheckRun(pushed.after)).conclusion).toBe('success');
    // The issue's loose bound: a push elsewhere is reported within 5 s during the backfill.
    expect(Date.now() - pushedAt).toBeLessThan(5_000);
    // Pushes are taken before backfills: this one did not wait for the backfill to end.
    expect(names.filter((name) => world.checkRunsOn(heads.get(name)!).length === 0).length).toBeGreaterThan(0);

    // One batch: PostgreSQL hands its jobs out in any order, so any repository may be the last.
    for (const name of names) {
      const run = await waitFor(`the history check run of ${name}`, () => world.checkRunsOn(heads.get(name)!).find((r) => r.status === 'completed'), deployment.backfillRepos * 2_000 + 60_000);
      expect(run.output.summary).toContain('the full history of');
      expect(run.conclusion).toBe(leaked.has(name) ? 'failure' : 'success');
    }
    await drained();
    for (const [name, key] of leaked) {
      expect(await world.key(key.id)).toMatchObject({ status: 'revoked' });
      expect(await revocationsOf(key.id)).toBe(1);
      expect(issuesOf(name)).toHaveLength(1);
    }
    const seen = world.everythingSeen();
    for (const key of leaked.values()) expect(seen).not.toContain(key.plaintext);
  }, deployment.backfillRepos * 3_000 + 120_000);

  it('a worker killed in the middle of a history scan: another finishes it, the key revoked once', async () => {
    const key = await world.issueKey({ owner: 'acct_victim', label: 'victim' });
    const head = await seedRepo('victim', { 'ci.env': `TOKEN=${key.plaintext}\n` });
    world.github.addInstallationRepos(installationId, ['victim']);
    const held = world.github.faults.add({ method: 'POST', path: /\/victim\.git\/git-upload-pack$/, respond: { timeoutMs: 4_000, afterTimeout: 'handle' } });
    expect(await send('installation_repositories', installationRepositoriesPayload(world.github, { installationId, action: 'added', repos: ['victim'] }))).toBe(202);
    await waitFor("victim's fetch to reach GitHub", () => (held.hits > 0 ? true : undefined));
    await deployment.killWorkers(world);
    await deployment.startWorkers(world);
    expect((await world.completedCheckRun(head)).conclusion).toBe('failure');
    await drained();
    expect(await revocationsOf(key.record.id)).toBe(1);
    expect(issuesOf('victim')).toHaveLength(1);
    expect(world.checkRunsOn(head).filter((run) => run.name === 'Leakstop')).toHaveLength(1);
  });

  it('a worker killed in the middle of a response: the retry revokes nothing twice and files one issue', async () => {
    const key = await world.issueKey({ owner: 'acct_resp', label: 'resp' });
    const head = await seedRepo('resp', { 'ci.env': `TOKEN=${key.plaintext}\n` });
    world.github.addInstallationRepos(installationId, ['resp']);
    // The incident issue is held: the key is revoked and the check run published when the worker dies.
    // Dropped unanswered: only the retry can file the issue.
    const held = world.github.faults.add({ method: 'POST', path: `/repos/${OWNER}/resp/issues`, respond: { timeoutMs: 4_000 } });
    expect(await send('installation_repositories', installationRepositoriesPayload(world.github, { installationId, action: 'added', repos: ['resp'] }))).toBe(202);
    await waitFor('the incident issue to be on its way', () => (held.hits > 0 ? true : undefined));
    expect(await world.key(key.record.id)).toMatchObject({ status: 'revoked' });
    await deployment.killWorkers(world);
    await deployment.startWorkers(world);
    await drained();
    await waitFor('the incident issue', () => (issuesOf('resp').length > 0 ? true : undefined));
    expect(await revocationsOf(key.record.id)).toBe(1);
    expect(issuesOf('resp')).toHaveLength(1);
    expect(world.checkRunsOn(head).filter((run) => run.name === 'Leakstop')).toHaveLength(1);
  });

  it('workers killed at random points (seeded): each key revoked once, one issue and one check run each', async () => {
    const random = seededRandom(KILL_SEED);
    console.log(`random kill points (${deployment.name}): seed ${random.seed}, ${KILL_RUNS} runs; LEAKSTOP_TEST_KILL_SEED=${random.seed} repeats them`);
    // One kill a run, at a random time after its webhook. A run ends when its issue is filed: a
    // job killed again in a later run would spend its tries (LEAKSTOP_JOB_ATTEMPTS), not test them.
    for (let run = 0; run < KILL_RUNS; run++) {
      const name = `random-${run}`;
      const key = await world.issueKey({ owner: `acct_${name}`, label: name });
      const head = await seedRepo(name, { 'ci.env': `TOKEN=${key.plaintext}\n` });
      world.github.addInstallationRepos(installationId, [name]);
      const delayMs = Math.floor(random.next() * KILL_WINDOW_MS);
      expect(await send('installation_repositories', installationRepositoriesPayload(world.github, { installationId, action: 'added', repos: [name] }))).toBe(202);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      await deployment.killWorkers(world);
      await deployment.startWorkers(world);
      const where = `run ${run} (killed ${delayMs} ms after its webhook; seed ${random.seed})`;
      expect((await world.completedCheckRun(head)).conclusion, where).toBe('failure');
      await waitFor(`the incident issue of ${name}`, () => (issuesOf(name).length > 0 ? true : undefined));
      expect(await revocationsOf(key.record.id), where).toBe(1);
      expect(issuesOf(name), where).toHaveLength(1);
      expect(world.checkRunsOn(head).filter((check) => check.name === 'Leakstop'), where).toHaveLength(1);
    }
    // Nothing done twice once every job has settled.
    await drained();
    for (let run = 0; run < KILL_RUNS; run++) expect(issuesOf(`random-${run}`)).toHaveLength(1);
  }, KILL_RUNS * 20_000 + 30_000);

  it('loses no queued job across a restart', async () => {
    const names = ['late-1', 'late-2', 'late-3', 'late-4'];
    const heads = [];
    for (const name of names) heads.push(await seedRepo(name, { 'x.txt': `${name}\n` }));
    world.github.addInstallationRepos(installationId, names);
    // Held long enough that the jobs are still queued or running when everything stops.
    world.github.faults.add({ method: 'POST', path: /\/late-\d\.git\/git-upload-pack$/, times: 4, respond: { timeoutMs: 3_000, afterTimeout: 'handle' } });
    expect(await send('installation_repositories', installationRepositoriesPayload(world.github, { installationId, action: 'added', repos: names }))).toBe(202);
    await deployment.stop(world);
    expect(heads.filter((head) => world.checkRunsOn(head).length > 0).length).toBeLessThan(names.length);
    await deployment.start(world);
    for (const head of heads) expect((await world.completedCheckRun(head)).conclusion).toBe('success');
  });

  it('keeps a job failed after its last try, lists it with its error and logs it with its delivery and repository; retries it on request', async () => {
    await world.github.createRepo(OWNER, 'flaky', { private: true, ownerType: 'Organization' });
    const work = world.workingCopy();
    work.commit('initial', { 'a.txt': 'a\n' });
    const { after: head } = await world.push(work, OWNER, 'flaky', 'refs/heads/main');
    work.commit('next', { 'b.txt': 'b\n' });
    const pushed = await world.push(work, OWNER, 'flaky', 'refs/heads/main');
    world.github.addInstallationRepos(installationId, ['flaky']);
    const broken = world.github.faults.add({ method: 'POST', path: /\/flaky\.git\/git-upload-pack$/, times: Infinity, respond: { status: 500 } });
    const deliveryId = 'c0ffee00-0000-4000-8000-000000000012';
    expect((await world.deliverPush({ owner: OWNER, repo: 'flaky', ref: 'refs/heads/main', ...pushed, installationId }, deliveryId)).status).toBe(202);
    const failedRun = await world.completedCheckRun(pushed.after);
    expect(failedRun.conclusion).toBe('failure');
    await drained();
    const failed = await jobsCli(['list', '--failed']);
    expect(failed.code).toBe(0);
    const line = failed.stdout.split('\n').find((row) => row.includes('push-scan'))!;
    expect(line).toMatch(/failed\s+3\/3/);
    expect(line).toContain('git fetch failed');
    const id = line.split(/\s+/)[0]!;
    expect(failedRun.output.summary).toContain(`leakstop jobs retry ${id}`);
    // Every line of the job, its three failures among them, names its delivery and repository.
    const jobLines = logLines().filter((entry) => entry.job === id);
    expect(jobLines.filter((entry) => String(entry.msg).startsWith('job failed'))).toHaveLength(3);
    for (const entry of jobLines) expect(entry).toMatchObject({ delivery: deliveryId, repo: `${OWNER}/flaky` });
    world.github.faults.clear();
    expect(broken.hits).toBeGreaterThanOrEqual(3);
    const retried = await jobsCli(['retry', id]);
    expect(retried).toMatchObject({ code: 0, stdout: `job ${id} re-queued\n` });
    await waitFor('the check run of the retried push', () => world.checkRunsOn(pushed.after).find((run) => run.conclusion === 'success'));
    expect(await jobsCli(['retry', id])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^leakstop: no failed job /) });
    expect(world.checkRunsOn(head)).toEqual([]);
  });

  it('serves Prometheus metrics', async () => {
    const work = world.workingCopy();
    work.commit('metrics', { 'm.txt': 'm\n' });
    const pushed = await world.push(work, OWNER, 'web', 'refs/heads/metrics');
    const input = { owner: OWNER, repo: 'web', ref: 'refs/heads/metrics', ...pushed, installationId };
    expect((await world.deliverPush(input)).status).toBe(202);
    expect((await world.deliverPush(input)).status).toBe(202);
    await world.completedCheckRun(pushed.after);
    const response = await fetch(world.app.webhookUrl.replace(/\/api\/github\/webhooks$/, '/metrics'));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/^leakstop_jobs\{kind="push-scan",state="completed"\} [1-9]/m);
    expect(text).toMatch(/^leakstop_jobs\{kind="history-scan",state="completed"\} [1-9]/m);
    expect(text).toMatch(/^leakstop_revoked_keys [1-9]/m);
    expect(text).toMatch(/^leakstop_webhooks_total\{event="push",outcome="enqueued"\} [1-9]/m);
    expect(text).toMatch(/^leakstop_webhooks_total\{event="push",outcome="duplicate"\} [1-9]/m);
    expect(text).toContain('# TYPE leakstop_webhook_to_check_run_seconds histogram');
    expect(text).toContain('# TYPE leakstop_job_duration_seconds histogram');
  });
});

// Two backfill slots free (one in each worker, or two of the one process's three), and one
// installation's backfill allowed only one of them: its history scans run one at a time.
describe.each([organisation({ LEAKSTOP_BACKFILL_WORKERS: '1' }), singleMachine({ LEAKSTOP_BACKFILL_WORKERS: '1', LEAKSTOP_SCAN_CONCURRENCY: '3' })])(
  'LEAKSTOP_BACKFILL_WORKERS=1: $name',
  (deployment) => {
    let world: AppWorld;
    const OWNER = 'hooli';

    beforeAll(async () => {
      world = await AppWorld.start();
      await deployment.start(world);
    });

    afterAll(async () => {
      await world?.close();
      await deployment.cleanup();
    });

    it("runs one installation's history scans never two at once, while another installation's push completes", async () => {
      await world.github.createRepo(OWNER, 'web', { private: true, ownerType: 'Organization' });
      const pushesTo = world.github.createInstallation({ account: OWNER, repos: ['web'] }).id;
      const names = Array.from({ length: 6 }, (_, index) => `cap-${index}`);
      const heads = new Map<string, string>();
      for (const name of names) {
        await world.github.createRepo(OWNER, name, { private: true, ownerType: 'Organization' });
        heads.set(name, await importCommit(world.github.repoPath(OWNER, name), { 'README.md': `# ${name}\n` }));
      }
      // Every scan's fetch is slow: two scans let run at once would overlap.
      world.github.faults.add({ method: 'POST', path: /\/cap-\d\.git\/git-upload-pack$/, times: names.length, respond: { timeoutMs: 700, afterTimeout: 'handle' } });
      const backfill = world.github.createInstallation({ account: OWNER, repos: names });
      const payload = installationPayload(world.github, { installationId: backfill.id });
      expect(await sendWebhook(world.app.webhookUrl, { event: 'installation', payload, secret: world.webhookSecret, appId: APP_ID })).toBe(202);

      const work = world.workingCopy();
      work.commit('during the backfill', { 'app.js': 'exports.four = 4;\n' });
      const pushed = await world.push(work, OWNER, 'web', 'refs/heads/main');
      expect((await world.deliverPush({ owner: OWNER, repo: 'web', ref: 'refs/heads/main', ...pushed, installationId: pushesTo })).status).toBe(202);
      expect((await world.completedCheckRun(pushed.after)).conclusion).toBe('success');
      const historyDone = () => names.filter((name) => world.checkRunsOn(heads.get(name)!).some((run) => run.status === 'completed'));
      expect(historyDone().length).toBeLessThan(names.length);

      await waitFor('every history check run', () => (historyDone().length === names.length ? true : undefined));
      // Each scan ran from its first request to GitHub (the repository's facts) to its last (the check run).
      const spans = names
        .map((name) => {
          const ofRepo = new RegExp(`/${OWNER}/${name}(\\.git)?(/|$)`);
          const times = world.github.requests.filter((request) => ofRepo.test(request.path)).map((request) => request.at.getTime());
          return { name, from: Math.min(...times), to: Math.max(...times) };
        })
        .sort((a, b) => a.from - b.from);
      for (let index = 1; index < spans.length; index++) {
        const [before, span] = [spans[index - 1]!, spans[index]!];
        expect(span.from, `${span.name} started before ${before.name} ended`).toBeGreaterThanOrEqual(before.to);
      }
    });
  },
);
