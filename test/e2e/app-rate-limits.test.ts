// GitHub's limits across workers, end to end, in both deployments (PostgreSQL with the app and two
// `leakstop worker` processes; the embedded SQLite queue with the app's worker and one more
// process): an installation token is fetched once for every process, and is stored sealed; a
// primary or secondary rate limit pauses that installation's jobs in the queue until the reset
// (not failed, no try counted) while other installations' pushes go on; /metrics of every
// process counts GitHub calls, the limits met and the jobs they paused.
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppWorld, waitFor, type AppProcess } from '../helpers/app-world.js';
import { dropSchema, POSTGRES_URL } from '../helpers/registry-backends.js';
import { runCli } from '../helpers/run-cli.js';

const TUNING = { LEAKSTOP_JOB_LEASE_SECONDS: '3', LEAKSTOP_STOP_GRACE_SECONDS: '1', LEAKSTOP_JOB_RETRY_DELAY_SECONDS: '1', LEAKSTOP_JOB_ATTEMPTS: '3', LEAKSTOP_GITHUB_TIME_SCALE: '0.01' };

interface Deployment {
  name: string;
  env(): Record<string, string>;
  start(world: AppWorld): Promise<void>;
  /** The processes that run jobs. */
  jobRunners(world: AppWorld): AppProcess[];
  /** Every row of the queue's shared store, as text. */
  sharedStore(world: AppWorld): Promise<string>;
  cleanup(): Promise<void>;
}

function organisation(): Deployment {
  const schema = `leakstop_test_rl_${randomBytes(6).toString('hex')}`;
  const env = () => ({ ...TUNING, LEAKSTOP_QUEUE: `${POSTGRES_URL}?schema=${schema}` });
  return {
    name: 'PostgreSQL, app --no-worker and two worker processes',
    env,
    async start(world) {
      await world.startApp(env(), ['--no-worker']);
      await Promise.all([0, 1].map(() => world.startWorker(env(), ['--concurrency', '2', '--metrics-port', '0'])));
    },
    jobRunners: (world) => world.workers,
    async sharedStore() {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      try {
        return JSON.stringify((await client.query(`SELECT * FROM "${schema}".leakstop_shared`)).rows);
      } finally {
        await client.end();
      }
    },
    cleanup: () => dropSchema(schema),
  };
}

function singleMachine(): Deployment {
  return {
    name: 'the embedded queue, the app with its worker and one worker process',
    env: () => ({ ...TUNING }),
    async start(world) {
      await world.startApp({ ...TUNING, LEAKSTOP_SCAN_CONCURRENCY: '2' });
      await world.startWorker({ ...TUNING, LEAKSTOP_METRICS_PORT: '0' }, ['--concurrency', '2']);
    },
    jobRunners: (world) => [world.app, ...world.workers],
    async sharedStore(world) {
      const db = new Database(world.registryPath, { readonly: true, fileMustExist: true });
      try {
        return JSON.stringify(db.prepare('SELECT * FROM queue_shared').all());
      } finally {
        db.close();
      }
    },
    cleanup: async () => undefined,
  };
}

/** A metric's value summed over every process's /metrics. */
async function metricTotal(world: AppWorld, line: RegExp): Promise<number> {
  const urls = [world.app.webhookUrl.replace(/\/api\/github\/webhooks$/, '/metrics'), ...world.workers.map((worker) => /leakstop worker: metrics at (\S+)/.exec(worker.output())?.[1])];
  let total = 0;
  for (const url of urls) {
    if (!url) continue;
    const text = await (await fetch(url)).text();
    for (const match of text.matchAll(new RegExp(`^${line.source} (\\S+)$`, 'gm'))) total += Number(match[1]);
  }
  return total;
}

describe.each([organisation(), singleMachine()])('GitHub limits across workers: $name', (deployment) => {
  let world: AppWorld;

  const jobsCli = (args: string[]) => runCli(['jobs', ...args], { env: { LEAKSTOP_REGISTRY: world.registryPath, ...deployment.env() } });

  /** The queue's line for a push-scan job of this repository. */
  async function pushJobOf(owner: string, name: string): Promise<string> {
    const group = `repo:${world.github.state.repo(owner, name)!.id}`;
    const { stdout } = await jobsCli(['list']);
    return stdout.split('\n').find((line) => line.includes('push-scan') && line.split(/\s+/)[2] === group) ?? '';
  }

  /** Waits for the repository's push job to complete on its first try (a pause is no try). */
  async function jobCompleted(owner: string, name: string): Promise<void> {
    const deadline = Date.now() + 30_000;
    let line = await pushJobOf(owner, name);
    while (!/\scompleted\s/.test(line) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      line = await pushJobOf(owner, name);
    }
    expect(line).toMatch(/\scompleted\s+1\/3\s/);
  }

  /** A repository of `owner` with one commit pushed; its push webhook is delivered by `deliver`. */
  async function pushedRepo(owner: string, name: string, files: Record<string, string>) {
    await world.github.createRepo(owner, name, { private: true, ownerType: 'Organization' });
    const work = world.workingCopy();
    work.commit('initial', files);
    const pushed = await world.push(work, owner, name, 'refs/heads/main');
    return { owner, repo: name, ref: 'refs/heads/main', ...pushed };
  }

  const deliver = async (push: Awaited<ReturnType<typeof pushedRepo>>, installationId: number) =>
    expect((await world.deliverPush({ ...push, installationId })).status).toBe(202);

  beforeAll(async () => {
    world = await AppWorld.start();
    await deployment.start(world);
  });

  afterAll(async () => {
    await world?.close();
    await deployment.cleanup();
  });

  it('fetches one installation token for every worker process, and stores it sealed', async () => {
    const names = Array.from({ length: 6 }, (_, index) => `tok-${index}`);
    const pushes = [];
    for (const name of names) pushes.push(await pushedRepo('tokens', name, { 'a.txt': `${name}\n` }));
    const installation = world.github.createInstallation({ account: 'tokens', repos: names });
    // Each fetch held a while, so the jobs spread over every process.
    world.github.faults.add({ method: 'POST', path: /\/tok-\d\.git\/git-upload-pack$/, times: names.length, respond: { timeoutMs: 1_000, afterTimeout: 'handle' } });
    for (const push of pushes) await deliver(push, installation.id);
    for (const push of pushes) expect((await world.completedCheckRun(push.after)).conclusion).toBe('success');

    const tokenRequests = world.github.requests.filter((request) => request.method === 'POST' && request.path.endsWith(`/app/installations/${installation.id}/access_tokens`));
    expect(tokenRequests).toHaveLength(1);
    for (const runner of deployment.jobRunners(world)) expect(runner.output()).toContain('push handled');
    expect(await metricTotal(world, /leakstop_installation_tokens_total\{source="fetched"\}/)).toBeGreaterThanOrEqual(1);
    expect(await metricTotal(world, /leakstop_installation_tokens_total\{source="shared"\}/)).toBeGreaterThanOrEqual(1);

    const tokens = [...world.github.state.installationTokens.values()].filter((token) => token.installationId === installation.id).map((token) => token.token);
    expect(tokens).toHaveLength(1);
    const stored = await deployment.sharedStore(world);
    expect(stored).toContain(`installation-token:${installation.id}`);
    expect(stored).not.toContain(tokens[0]);
    const logs = [world.app.output(), ...world.workers.map((worker) => worker.output())].join('\n');
    expect(logs).not.toContain(tokens[0]);
  });

  it("pauses an installation's jobs at its primary rate limit until the reset; another installation's push goes on", async () => {
    const limited = [await pushedRepo('alpha', 'a1', { 'a.txt': 'a1\n' }), await pushedRepo('alpha', 'a2', { 'a.txt': 'a2\n' })];
    const other = await pushedRepo('beta', 'b1', { 'b.txt': 'b1\n' });
    const alpha = world.github.createInstallation({ account: 'alpha', repos: ['a1', 'a2'] });
    const beta = world.github.createInstallation({ account: 'beta', repos: ['b1'] });
    const reset = new Date(Date.now() + 8_000);
    const spent = world.github.faults.add({ path: /^\/repos\/alpha\//, times: Infinity, respond: { status: 403, rateLimit: 'primary', until: reset } });
    for (const push of limited) await deliver(push, alpha.id);
    await waitFor('alpha to meet its rate limit', () => (spent.hits > 0 ? true : undefined));
    await deliver(other, beta.id);

    const otherRun = await world.completedCheckRun(other.after);
    expect(otherRun.conclusion).toBe('success');
    for (const push of limited) {
      const run = await world.completedCheckRun(push.after);
      expect(run.conclusion).toBe('success');
      // Behind the installation's pause, not behind the other installation's push.
      expect(Date.parse(run.completedAt!)).toBeGreaterThanOrEqual(reset.getTime() - 1000);
      expect(Date.parse(otherRun.completedAt!)).toBeLessThan(Date.parse(run.completedAt!));
      await jobCompleted('alpha', push.repo);
    }
    // Each job met the limit once at most: a paused installation makes no calls.
    expect(spent.hits).toBeLessThanOrEqual(limited.length);
    expect((await jobsCli(['list', '--failed'])).stdout).not.toContain('push-scan');
    expect(await metricTotal(world, /leakstop_github_rate_limits_total\{limit="primary"\}/)).toBeGreaterThanOrEqual(1);
    expect(await metricTotal(world, /leakstop_jobs_paused_total\{kind="push-scan"\}/)).toBeGreaterThanOrEqual(1);
    expect(await metricTotal(world, /leakstop_github_requests_total\{method="POST",route="\/repos\/\{owner\}\/\{repo\}\/check-runs",status="201"\}/)).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it('waits out a secondary limit (retry-after) met filing the incident issue, then files it once', async () => {
    const key = await world.issueKey({ owner: 'acct_gamma', label: 'gamma' });
    const push = await pushedRepo('gamma', 'g1', { 'ci.env': `TOKEN=${key.plaintext}\n` });
    const gamma = world.github.createInstallation({ account: 'gamma', repos: ['g1'] });
    const refused = world.github.faults.add({ method: 'POST', path: '/repos/gamma/g1/issues', respond: { status: 429, rateLimit: 'secondary', retryAfter: 2 } });
    await deliver(push, gamma.id);
    expect((await world.completedCheckRun(push.after)).conclusion).toBe('failure');
    const issues = () => world.github.state.issuesOf(world.github.state.repo('gamma', 'g1')!.id);
    await waitFor('the incident issue', () => (issues().length > 0 ? true : undefined));
    await jobCompleted('gamma', 'g1');
    expect(refused.hits).toBe(1);
    expect(issues()).toHaveLength(1);
    expect(world.checkRunsOn(push.after).filter((run) => run.name === 'Leakstop')).toHaveLength(1);
    const revocations = await world.withRegistry(async (registry) => (await registry.audit(key.record.id)).filter((entry) => entry.action === 'revoke').length);
    expect(revocations).toBe(1);
    expect(await metricTotal(world, /leakstop_github_rate_limits_total\{limit="secondary"\}/)).toBeGreaterThanOrEqual(1);
    expect(world.everythingSeen()).not.toContain(key.plaintext);
  }, 60_000);
});
