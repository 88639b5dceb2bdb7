// `npm run bench:app`: 200 push webhooks (clean pushes and leaks of registered keys, 1–10
// commits each) at the real app server running against the GitHub emulator on loopback.
// Prints p50/p99 of webhook sent → check run completed and → key revoked, beside two floors
// measured in the same run: the webhook round trip of a push the app has nothing to do for
// (a deleted branch), and a bare `git fetch` of one new commit from the emulator.
import os from 'node:os';
import path from 'node:path';
import { ZERO_SHA } from '../test/github/push-commits.js';
import { gitCommand, gitTokenArgs } from '../test/github/git-client.js';
import { sendWebhook } from '../test/github/send-webhook.js';
import { pushPayload } from '../test/github/webhook-payloads.js';
import { AppWorld, APP_ID } from '../test/helpers/app-world.js';
import type { TestRepo } from '../test/helpers/git-repo.js';

const PUSHES = Number(process.env.LEAKSTOP_BENCH_PUSHES ?? 200);
const LANES = 4; // installations pushing at the same time (one repository each)
const LEAK_EVERY = 4; // every 4th push leaks a registered key
/**
 * Each installation receives a push at most this often (start to start). GitHub asks apps to
 * space writes a second apart per installation, and the app does: pushes arriving faster than
 * that to one installation queue behind each other's writes, which measures the arrival rate,
 * not the app.
 */
const PUSH_INTERVAL_MS = 1_500;

interface Sample {
  checkRunMs: number;
  revokedMs?: number;
  commits: number;
}

/**
 * Commits without blocking: the emulator shares this process, and a synchronous git call would
 * hold up its answers to the app (and so the latencies measured).
 */
async function commit(work: TestRepo, message: string, files: Record<string, string>): Promise<void> {
  for (const [file, content] of Object.entries(files)) work.write(file, content);
  for (const args of [['add', '-A'], ['commit', '-q', '-m', message]]) {
    const result = await gitCommand(args, { cwd: work.dir });
    if (result.code !== 0) throw new Error(`git ${args[0]} failed: ${result.stderr}`);
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const row = (name: string, values: number[]) =>
  `${name.padEnd(44)} ${String(values.length).padStart(5)} ${percentile(values, 50).toFixed(0).padStart(7)} ${percentile(values, 99).toFixed(0).padStart(7)} ${Math.max(...values).toFixed(0).padStart(7)}`;

/** A small source file, different each time, so each commit adds real blobs. */
function sourceFile(lane: number, push: number, commit: number): string {
  const lines = [`// service ${lane}, change ${push}.${commit}`, `export function handler${push}_${commit}(input: string): string {`];
  for (let i = 0; i < 40; i++) lines.push(`  const step${i} = input.length * ${i + commit} + ${push}; // ${'x'.repeat(i % 17)}`);
  lines.push('  return String(step0);', '}', '');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const root = path.resolve('.');
  const world = await AppWorld.start({ cli: path.join(root, 'dist/cli/main.js'), cwd: root });
  try {
    const lanes: { owner: string; installationId: number; work: TestRepo; keys: { id: string; plaintext: string }[] }[] = [];
    for (let lane = 0; lane < LANES; lane++) {
      const owner = `org${lane}`;
      await world.github.createRepo(owner, 'service', { private: true, ownerType: 'Organization' });
      const installationId = world.github.createInstallation({ account: owner, repos: ['service'] }).id;
      const work = world.workingCopy();
      work.commit('initial', { 'README.md': `# service ${lane}\n` });
      await world.push(work, owner, 'service', 'refs/heads/main');
      const keys = [];
      for (let n = 0; n < Math.ceil(PUSHES / LANES / LEAK_EVERY); n++) {
        const issued = await world.issueKey({ owner: `acct_${lane}_${n}`, label: `bench ${lane}.${n}` });
        keys.push({ id: issued.record.id, plaintext: issued.plaintext });
      }
      lanes.push({ owner, installationId, work, keys });
    }
    await world.startApp({ LOG_LEVEL: 'warn' });

    // Floors, same run: a webhook the app answers without work, and git's own fetch.
    const floors: number[] = [];
    const fetches: number[] = [];
    const probe = lanes[0]!;
    probe.work.git(['branch', '-f', 'gone']);
    await world.push(probe.work, probe.owner, 'service', 'refs/heads/gone', { source: 'gone' });
    const mirror = world.workingCopy();
    const token = world.github.createInstallationToken(probe.installationId);
    for (let i = 0; i < 20; i++) {
      let started = performance.now();
      await world.deliverPush({ owner: probe.owner, repo: 'service', ref: 'refs/heads/gone', before: probe.work.git(['rev-parse', 'gone']).trim(), after: ZERO_SHA, installationId: probe.installationId });
      floors.push(performance.now() - started);
      await commit(probe.work, `floor ${i}`, { [`floor/${i}.ts`]: sourceFile(0, 1000 + i, 0) });
      await world.push(probe.work, probe.owner, 'service', 'refs/heads/floor');
      started = performance.now();
      await gitCommand([...gitTokenArgs(token), 'fetch', '-q', world.github.gitUrl(probe.owner, 'service'), '+refs/heads/floor:refs/heads/floor'], { cwd: mirror.dir });
      fetches.push(performance.now() - started);
    }
    probe.work.git(['reset', '-q', '--hard', 'main']);

    const samples: Sample[] = [];
    const perLane = Math.ceil(PUSHES / LANES);
    let sent = 0;
    await Promise.all(
      lanes.map(async (lane, laneIndex) => {
        // Installations' pushes are not synchronised: each lane starts a fraction of an interval later.
        let previous = Date.now() - PUSH_INTERVAL_MS + (laneIndex * PUSH_INTERVAL_MS) / LANES;
        for (let push = 0; push < perLane && sent < PUSHES; push++) {
          sent++;
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, previous + PUSH_INTERVAL_MS - Date.now())));
          previous = Date.now();
          const commits = 1 + ((push * 7 + laneIndex * 3) % 10);
          const leak = push % LEAK_EVERY === LEAK_EVERY - 1 ? lane.keys[Math.floor(push / LEAK_EVERY)] : undefined;
          for (let c = 0; c < commits; c++) {
            const files: Record<string, string> = { [`src/handler-${push}-${c}.ts`]: sourceFile(laneIndex, push, c) };
            if (leak && c === commits - 1) files['config/settings.env'] = `SERVICE_KEY=${leak.plaintext}\n`;
            await commit(lane.work, `change ${push}.${c}`, files);
          }
          const pushed = await world.push(lane.work, lane.owner, 'service', 'refs/heads/main');
          // The payload is built first: the clock starts when GitHub would send it.
          const payload = await pushPayload(world.github, { owner: lane.owner, repo: 'service', ref: 'refs/heads/main', ...pushed, installationId: lane.installationId });
          const started = Date.now();
          await sendWebhook(world.app.webhookUrl, { event: 'push', payload, secret: world.webhookSecret, appId: APP_ID });
          const run = await world.completedCheckRun(pushed.after);
          const created = world.github.requests.find((r) => r.method === 'POST' && r.path.endsWith('/check-runs') && r.body.includes(pushed.after));
          const sample: Sample = { checkRunMs: (created?.at.getTime() ?? Date.now()) - started, commits };
          if (leak) {
            if (run.conclusion !== 'failure') throw new Error(`push ${laneIndex}.${push}: the leak was not reported`);
            const record = await world.key(leak.id);
            if (record?.status !== 'revoked' || !record.revokedAt) throw new Error(`push ${laneIndex}.${push}: key ${leak.id} not revoked`);
            sample.revokedMs = Date.parse(record.revokedAt) - started;
          } else if (run.conclusion !== 'success') {
            throw new Error(`push ${laneIndex}.${push}: a clean push was reported as ${run.conclusion}`);
          }
          samples.push(sample);
        }
      }),
    );

    const leaks = samples.filter((sample) => sample.revokedMs !== undefined);
    console.log(`leakstop bench:app — ${samples.length} pushes (${leaks.length} leaking a registered key), 1–10 commits each;`);
    console.log(`${LANES} installations pushing at once, each at most one push per ${PUSH_INTERVAL_MS / 1000} s; app and GitHub emulator on loopback`);
    console.log(`machine: ${os.availableParallelism()} cores, load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')} (1, 5, 15 min) at the end`);
    console.log(`${'measure (ms)'.padEnd(44)} ${'n'.padStart(5)} ${'p50'.padStart(7)} ${'p99'.padStart(7)} ${'max'.padStart(7)}`);
    console.log(row('floor: webhook round trip, nothing to do', floors));
    console.log(row('floor: git fetch of one new commit', fetches));
    console.log(row('webhook → check run completed (all)', samples.map((s) => s.checkRunMs)));
    console.log(row('webhook → check run completed (clean)', samples.filter((s) => s.revokedMs === undefined).map((s) => s.checkRunMs)));
    console.log(row('webhook → check run completed (leak)', leaks.map((s) => s.checkRunMs)));
    console.log(row('webhook → key revoked', leaks.map((s) => s.revokedMs!)));
  } finally {
    await world.close();
  }
}

main().catch((error: unknown) => {
  console.error(`bench:app failed: ${(error as Error).message}`);
  process.exit(1);
});
