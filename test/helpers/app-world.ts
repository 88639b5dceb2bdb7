// The GitHub App end to end: the emulator, a registered app whose key pair the test made, and
// the real app server started as `npm start` starts it (`node dist/cli/main.js app`).
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { IssueKeySpec, KeyRecord, KeyRegistry } from '../../src/types.js';
import { startGitHubEmulator, type GitHubEmulator } from '../github/emulator.js';
import { gitCommand, gitTokenArgs } from '../github/git-client.js';
import { ZERO_SHA } from '../github/push-commits.js';
import { sendWebhook } from '../github/send-webhook.js';
import { pushPayload } from '../github/webhook-payloads.js';
import type { CheckRunRecord } from '../github/state.js';
import { TestRepo, tempDir } from './git-repo.js';
import { createRegistry, issueKey, withRegistry, type IssuedKey } from './registry-keys.js';
import { CLI, PROJECT_ROOT } from './run-cli.js';

export const APP_ID = 31337;

export interface AppProcess {
  child: ChildProcess;
  webhookUrl: string;
  /** Everything the app wrote to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

/** How to run the CLI: the built one of this checkout by default (bench scripts run from dist/ pass theirs). */
export interface CliLocation {
  cli: string;
  cwd: string;
}

/** Starts `leakstop app` with `env`; resolves once it says where it listens, rejects if it exits first. */
export function startAppProcess(env: Record<string, string | undefined>, location: CliLocation = { cli: CLI, cwd: PROJECT_ROOT }, timeoutMs = 60_000, args: string[] = []): Promise<AppProcess> {
  return startLongRunning(['app', ...args], /leakstop app: listening on .*; webhooks at (\S+)/, env, location, timeoutMs);
}

/** Starts `leakstop worker` with `env`; resolves once it runs. */
export function startWorkerProcess(env: Record<string, string | undefined>, args: string[] = [], location: CliLocation = { cli: CLI, cwd: PROJECT_ROOT }): Promise<AppProcess> {
  return startLongRunning(['worker', ...args], /leakstop worker: running ()/, env, location, 60_000);
}

function startLongRunning(args: string[], ready: RegExp, env: Record<string, string | undefined>, location: CliLocation, timeoutMs: number): Promise<AppProcess> {
  const child = spawn(process.execPath, [location.cli, ...args], {
    cwd: location.cwd,
    env: { ...process.env, LEAKSTOP_DEBUG: undefined, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`leakstop ${args[0]} did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = ready.exec(output);
      if (!listening) return;
      clearTimeout(timer);
      resolve({
        child,
        webhookUrl: listening[1]!,
        output: () => output,
        stop: async () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`leakstop ${args[0]} exited with ${code} before it was ready:\n${output}`));
    });
  });
}

/** Polls until `check` returns a value (not a timed assertion: it waits for an event, generously). */
export async function waitFor<T>(what: string, check: () => T | undefined, timeoutMs = 50_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export class AppWorld {
  readonly dirs: string[] = [];
  readonly userToken = `ghp_${randomBytes(18).toString('hex')}`;
  readonly webhookSecret = randomBytes(16).toString('hex');
  readonly keys = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  readonly registryPath: string;
  readonly cacheDir: string;
  app!: AppProcess;
  readonly workers: AppProcess[] = [];

  private constructor(
    readonly github: GitHubEmulator,
    readonly location: CliLocation,
  ) {
    const dir = tempDir('leakstop-app-');
    this.dirs.push(dir);
    this.registryPath = path.join(dir, 'registry.db');
    this.cacheDir = path.join(dir, 'cache');
  }

  static async start(location: CliLocation = { cli: CLI, cwd: PROJECT_ROOT }): Promise<AppWorld> {
    const world = new AppWorld(await startGitHubEmulator(), location);
    await createRegistry(world.registryPath);
    world.github.addUserToken(world.userToken, { login: 'ada' });
    world.github.registerApp({ id: APP_ID, publicKey: world.keys.publicKey });
    return world;
  }

  /** The environment `npm start` would be given, pointed at the emulator as a GitHub Enterprise Server. */
  appEnv(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
    return {
      APP_ID: String(APP_ID),
      PRIVATE_KEY: this.keys.privateKey,
      WEBHOOK_SECRET: this.webhookSecret,
      PORT: '0',
      HOST: '127.0.0.1',
      GHE_HOST: new URL(this.github.url).host,
      GHE_PROTOCOL: 'http',
      LEAKSTOP_REGISTRY: this.registryPath,
      LEAKSTOP_CACHE_DIR: this.cacheDir,
      LOG_LEVEL: 'info',
      ...extra,
    };
  }

  async startApp(extra: Record<string, string | undefined> = {}, args: string[] = []): Promise<AppProcess> {
    this.app = await startAppProcess(this.appEnv(extra), this.location, 60_000, args);
    return this.app;
  }

  /** A `leakstop worker` process on the app's environment. */
  async startWorker(extra: Record<string, string | undefined> = {}, args: string[] = []): Promise<AppProcess> {
    const worker = await startWorkerProcess(this.appEnv(extra), args, this.location);
    this.workers.push(worker);
    return worker;
  }

  withRegistry<T>(work: (registry: KeyRegistry) => Promise<T>): Promise<T> {
    return withRegistry(this.registryPath, work);
  }

  /** Issues a key of ours; the plaintext is for committing it, and for searching outputs. */
  issueKey(spec: IssueKeySpec): Promise<IssuedKey> {
    return issueKey(this.registryPath, spec);
  }

  key(id: string): Promise<KeyRecord | undefined> {
    return this.withRegistry((registry) => registry.get(id));
  }

  /** A working copy of an emulated repository (empty at first). */
  workingCopy(): TestRepo {
    const work = TestRepo.init();
    this.dirs.push(work.dir);
    return work;
  }

  /** Pushes `source` (e.g. `HEAD`) to `ref` of the emulated repository; returns the ref's old tip. */
  async push(work: TestRepo, owner: string, repo: string, ref: string, options: { force?: boolean; source?: string } = {}): Promise<{ before: string; after: string }> {
    const before = (await gitCommand(['--git-dir', this.github.repoPath(owner, repo), 'rev-parse', '--verify', '--quiet', ref])).stdout.trim() || ZERO_SHA;
    const after = work.git(['rev-parse', options.source ?? 'HEAD']).trim();
    const args = [...gitTokenArgs(this.userToken), 'push', '-q', ...(options.force ? ['--force'] : []), this.github.gitUrl(owner, repo), `${options.source ?? 'HEAD'}:${ref}`];
    const pushed = await gitCommand(args, { cwd: work.dir });
    if (pushed.code !== 0) throw new Error(`push failed: ${pushed.stderr}`);
    return { before, after };
  }

  /** Delivers the push webhook for a push already made, signed as GitHub signs it. */
  async deliverPush(input: { owner: string; repo: string; ref: string; before: string; after: string; installationId: number }, deliveryId?: string): Promise<{ status: number; payload: unknown }> {
    const payload = await pushPayload(this.github, input);
    const status = await sendWebhook(this.app.webhookUrl, { event: 'push', payload, secret: this.webhookSecret, deliveryId, appId: APP_ID });
    return { status, payload };
  }

  /** Pushes to `ref`, delivers the push webhook and waits for the completed check run on what was pushed. */
  async pushAndDeliver(work: TestRepo, input: { owner: string; repo: string; ref: string; installationId: number; force?: boolean }) {
    const pushed = await this.push(work, input.owner, input.repo, input.ref, { force: input.force });
    const delivered = await this.deliverPush({ owner: input.owner, repo: input.repo, ref: input.ref, ...pushed, installationId: input.installationId });
    if (delivered.status >= 300) throw new Error(`the push webhook was answered ${delivered.status}`);
    return { ...pushed, run: await this.completedCheckRun(pushed.after) };
  }

  checkRunsOn(sha: string): CheckRunRecord[] {
    return this.github.state.checkRuns.filter((run) => run.headSha === sha);
  }

  /** The completed `Leakstop` check run on `sha`. */
  completedCheckRun(sha: string): Promise<CheckRunRecord> {
    return waitFor(`a completed check run on ${sha.slice(0, 7)}`, () =>
      this.checkRunsOn(sha).find((run) => run.name === 'Leakstop' && run.status === 'completed'),
    );
  }

  /** Everything the emulator received and the app logged, to search for plaintext. */
  everythingSeen(): string {
    const requests = this.github.requests.map((request) => `${request.method} ${request.url}\n${JSON.stringify(request.headers)}\n${request.body}\n${request.response ?? ''}`);
    return `${requests.join('\n')}\n${this.app?.output() ?? ''}\n${this.workers.map((worker) => worker.output()).join('\n')}`;
  }

  async close(): Promise<void> {
    for (const worker of this.workers) await worker.stop();
    await this.app?.stop();
    await this.github.close();
    for (const dir of this.dirs) fs.rmSync(dir, { recursive: true, force: true });
  }
}
