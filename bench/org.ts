// `npm run bench:org`: an installation of many small repositories (1,000 by default,
// LEAKSTOP_BENCH_ORG_REPOS) backfilled on the PostgreSQL queue by `leakstop app --no-worker`
// plus 1 and then 2 `leakstop worker` processes, while another installation receives a push
// every half second. Prints repositories backfilled per minute, webhook answer p50/p99, push →
// check run p50/p99 during the backfill, and the 2-worker/1-worker backfill ratio.
import { randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { sendWebhook } from '../test/github/send-webhook.js';
import { installationPayload, pushPayload } from '../test/github/webhook-payloads.js';
import { AppWorld, APP_ID } from '../test/helpers/app-world.js';
import { importCommit } from '../test/helpers/import-commit.js';
import { dropSchema, POSTGRES_URL } from '../test/helpers/registry-backends.js';

const REPOS = Number(process.env.LEAKSTOP_BENCH_ORG_REPOS ?? 1000);
const CONCURRENCY = Number(process.env.LEAKSTOP_BENCH_ORG_CONCURRENCY ?? 3);
/** Worker process counts compared, e.g. `1,2` (LEAKSTOP_BENCH_ORG_WORKERS). */
const WORKER_COUNTS = (process.env.LEAKSTOP_BENCH_ORG_WORKERS ?? '1,2').split(',').map(Number);
const PUSH_EVERY_MS = 500;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

interface RunResult {
  perMinute: number;
  answers: number[];
  installationAnswer: number;
  pushToCheck: number[];
  /** Of each push → check run: the part before its scan started (queue, poll, locks, the check-run lookup). */
  waited: number[];
}

/** How long each push's job ran, from the workers' `push handled` log lines (pino JSON), by delivery. */
function pushRunTimes(world: AppWorld): Map<string, number> {
  const times = new Map<string, number>();
  for (const line of world.workers.flatMap((worker) => worker.output().split('\n'))) {
    if (!line.includes('push handled')) continue;
    const entry = JSON.parse(line) as { delivery?: string; doneMs?: number };
    if (entry.delivery && entry.doneMs !== undefined) times.set(entry.delivery, entry.doneMs);
  }
  return times;
}

async function run(workers: number): Promise<RunResult> {
  const root = path.resolve('.');
  const world = await AppWorld.start({ cli: path.join(root, 'dist/cli/main.js'), cwd: root });
  const schema = `leakstop_bench_q_${randomBytes(6).toString('hex')}`;
  const env = { LEAKSTOP_QUEUE: `${POSTGRES_URL}?schema=${schema}`, LOG_LEVEL: 'info', LEAKSTOP_BACKFILL_WORKERS: String(CONCURRENCY * 2) };
  try {
    const owner = 'bigcorp';
    const names = Array.from({ length: REPOS }, (_, index) => `svc-${index}`);
    const heads: string[] = [];
    for (const [index, name] of names.entries()) {
      await world.github.createRepo(owner, name, { private: true, ownerType: 'Organization' });
      const body = `export const service${index} = ${index};\n// ${randomBytes(8).toString('hex')}\n`;
      heads.push(await importCommit(world.github.repoPath(owner, name), { 'README.md': `# service ${index}\n`, [`src/service-${index}.ts`]: body }, { message: `initial ${index}` }));
    }
    await world.github.createRepo('pushers', 'app', { private: true, ownerType: 'Organization' });
    const pushInstallation = world.github.createInstallation({ account: 'pushers', repos: ['app'] }).id;
    const work = world.workingCopy();
    work.commit('initial', { 'README.md': '# app\n' });
    await world.push(work, 'pushers', 'app', 'refs/heads/main');
    const big = world.github.createInstallation({ account: owner, repos: names });

    await world.startApp(env, ['--no-worker']);
    for (let i = 0; i < workers; i++) await world.startWorker(env, ['--concurrency', String(CONCURRENCY)]);

    const answers: number[] = [];
    const timed = async (send: () => Promise<number>) => {
      const started = performance.now();
      const status = await send();
      answers.push(performance.now() - started);
      if (status !== 202) throw new Error(`a webhook was answered ${status}`);
    };
    const started = Date.now();
    await timed(() => sendWebhook(world.app.webhookUrl, { event: 'installation', payload: installationPayload(world.github, { installationId: big.id }), secret: world.webhookSecret, appId: APP_ID }));
    const remaining = new Set(heads);
    const pushToCheck: number[] = [];
    const deliveries: string[] = [];
    let pushes = 0;
    while (remaining.size > 0) {
      work.commit(`push ${pushes}`, { [`src/change-${pushes}.ts`]: `export const change = ${pushes};\n` });
      const pushed = await world.push(work, 'pushers', 'app', 'refs/heads/main');
      const payload = await pushPayload(world.github, { owner: 'pushers', repo: 'app', ref: 'refs/heads/main', ...pushed, installationId: pushInstallation });
      const sentAt = Date.now();
      const deliveryId = randomUUID();
      deliveries.push(deliveryId);
      await timed(() => sendWebhook(world.app.webhookUrl, { event: 'push', payload, secret: world.webhookSecret, appId: APP_ID, deliveryId }));
      await world.completedCheckRun(pushed.after);
      const created = world.github.requests.find((r) => r.method === 'POST' && r.path.endsWith('/check-runs') && r.body.includes(pushed.after));
      pushToCheck.push((created?.at.getTime() ?? Date.now()) - sentAt);
      pushes++;
      await new Promise((resolve) => setTimeout(resolve, PUSH_EVERY_MS));
      for (const run of world.github.state.checkRuns) if (run.status === 'completed') remaining.delete(run.headSha);
    }
    const minutes = (Date.now() - started) / 60_000;
    const ran = pushRunTimes(world);
    const waited = deliveries.flatMap((delivery, index) => (ran.has(delivery) ? [pushToCheck[index]! - ran.get(delivery)!] : []));
    return { perMinute: REPOS / minutes, answers, installationAnswer: answers[0]!, pushToCheck, waited };
  } finally {
    await world.close();
    await dropSchema(schema);
  }
}

async function main(): Promise<void> {
  console.log(`leakstop bench:org — ${REPOS} small repositories in one installation, a push every ${PUSH_EVERY_MS} ms to another;`);
  console.log(`PostgreSQL queue, app --no-worker, workers at --concurrency ${CONCURRENCY}; machine: ${os.availableParallelism()} cores`);
  const results = [];
  for (const workers of WORKER_COUNTS) {
    const result = await run(workers);
    results.push(result);
    console.log(
      `${workers} worker(s): ${result.perMinute.toFixed(0)} repositories backfilled/min; webhook answer p50 ${percentile(result.answers, 50).toFixed(0)} ms, ` +
        `p99 ${percentile(result.answers, 99).toFixed(0)} ms (n=${result.answers.length}; the installation's own ${result.installationAnswer.toFixed(0)} ms); push → check run during the backfill p50 ` +
        `${percentile(result.pushToCheck, 50).toFixed(0)} ms, p99 ${percentile(result.pushToCheck, 99).toFixed(0)} ms (n=${result.pushToCheck.length}), ` +
        `of which before its scan started p50 ${percentile(result.waited, 50).toFixed(0)} ms, p99 ${percentile(result.waited, 99).toFixed(0)} ms`,
    );
  }
  if (results.length > 1) console.log(`${WORKER_COUNTS.at(-1)}-worker/${WORKER_COUNTS[0]}-worker backfill ratio: ${(results.at(-1)!.perMinute / results[0]!.perMinute).toFixed(2)}`);
  console.log(`load average at the end ${os.loadavg().map((n) => n.toFixed(1)).join(' ')} (1, 5, 15 min)`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
