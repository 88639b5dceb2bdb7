// The automatic response end to end: a registry with issued keys, a git repository that
// leaks them, the GitHub emulator, and the responder CLI run as a subprocess against it.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { IssueKeySpec, KeyRecord, KeyRegistry } from '../../src/types.js';
import { startGitHubEmulator, type GitHubEmulator } from '../github/emulator.js';
import type { IssueRecord, RepoRecord } from '../github/state.js';
import { TestRepo, tempDir } from './git-repo.js';
import { createRegistry, issueKey, withRegistry, type IssuedKey } from './registry-keys.js';
import { CLI, PROJECT_ROOT, runCli, type CliOptions, type CliResult } from './run-cli.js';

export type { IssuedKey } from './registry-keys.js';

export class RespondWorld {
  readonly dirs: string[] = [];
  readonly token = `gho_${randomBytes(18).toString('hex')}`;
  /** Every CLI run's output, to search for plaintext. */
  readonly outputs: CliResult[] = [];

  private constructor(
    readonly github: GitHubEmulator,
    /** SQLite file path or postgres:// URL. */
    readonly registrySpec: string,
  ) {}

  /** A world on a new SQLite registry (or the given spec, e.g. a PostgreSQL schema URL), created as `registry init` does. */
  static async start(registrySpec?: string): Promise<RespondWorld> {
    const dir = tempDir('leakstop-respond-');
    const world = new RespondWorld(await startGitHubEmulator(), registrySpec ?? path.join(dir, 'registry.db'));
    world.dirs.push(dir);
    await createRegistry(world.registrySpec);
    world.github.addUserToken(world.token, { login: 'leakstop-bot' });
    return world;
  }

  get dir(): string {
    return this.dirs[0]!;
  }

  withRegistry<T>(work: (registry: KeyRegistry) => Promise<T>, spec = this.registrySpec): Promise<T> {
    return withRegistry(spec, work);
  }

  issueKey(spec: IssueKeySpec): Promise<IssuedKey> {
    return issueKey(this.registrySpec, spec);
  }

  key(id: string): Promise<KeyRecord | undefined> {
    return this.withRegistry((registry) => registry.get(id));
  }

  repo(): TestRepo {
    const repo = TestRepo.init();
    this.dirs.push(repo.dir);
    return repo;
  }

  createRepo(owner: string, name: string, options: { private?: boolean; hasIssues?: boolean } = {}): Promise<RepoRecord> {
    return this.github.createRepo(owner, name, { private: true, ...options });
  }

  /** The environment the responder runs with: the emulator as GitHub, its waits made short. */
  env(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
    return {
      GITHUB_TOKEN: this.token,
      GITHUB_API_URL: this.github.url,
      LEAKSTOP_GITHUB_TIME_SCALE: '0.01',
      LEAKSTOP_REGISTRY: this.registrySpec,
      LEAKSTOP_SECURITY_REPO: undefined,
      LEAKSTOP_TEST_STEP_DELAY_MS: undefined,
      ...extra,
    };
  }

  async cli(args: string[], options: CliOptions = {}): Promise<CliResult> {
    const result = await runCli(args, { ...options, env: this.env(options.env) });
    this.outputs.push(result);
    return result;
  }

  /** `scan --history REPO --respond --github-repo OWNER/NAME` */
  respond(repo: TestRepo, githubRepo: string, extra: string[] = [], options: CliOptions = {}): Promise<CliResult> {
    return this.cli(['scan', '--history', repo.dir, '--format', 'json', '--respond', '--github-repo', githubRepo, ...extra], options);
  }

  /** Starts the responder without waiting, so a test can kill it mid-way. */
  spawnResponder(repo: TestRepo, githubRepo: string, env: Record<string, string> = {}): { child: ChildProcess; done: Promise<CliResult> } {
    const args = ['scan', '--history', repo.dir, '--format', 'json', '--respond', '--github-repo', githubRepo];
    const child = spawn(process.execPath, [CLI, ...args], { cwd: PROJECT_ROOT, env: { ...process.env, LEAKSTOP_DEBUG: undefined, ...this.env(env) }, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout!.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk));
    // A responder that never finishes must not outlive the test.
    const limit = setTimeout(() => child.kill('SIGKILL'), 90_000);
    const done = new Promise<CliResult>((resolve) =>
      child.on('close', (code, signal) => {
        clearTimeout(limit);
        const result = { code: code ?? (signal ? 128 : -1), stdout: Buffer.concat(stdout).toString(), stderr: Buffer.concat(stderr).toString() };
        this.outputs.push(result);
        resolve(result);
      }),
    );
    return { child, done };
  }

  issuesOf(owner: string, name: string): IssueRecord[] {
    const repo = this.github.state.repo(owner, name);
    return repo ? this.github.state.issuesOf(repo.id) : [];
  }

  commentsOn(owner: string, name: string, issueNumber: number): string[] {
    const repo = this.github.state.repo(owner, name)!;
    return this.github.state.commentsOf(repo.id, issueNumber).map((comment) => comment.body);
  }

  /** Successful creates the emulator answered for this path pattern. */
  created(method: string, pathPattern: RegExp): number {
    return this.github.requests.filter((request) => request.method === method && pathPattern.test(request.path) && request.status === 201).length;
  }

  /**
   * Everything that left Leakstop or was kept by it: every request the emulator received and
   * answered, every issue and comment, every CLI output, and the registry's bytes on disk.
   */
  everythingSeen(extra: string[] = []): string {
    const requests = this.github.requests.map((request) => `${request.method} ${request.url}\n${JSON.stringify(request.headers)}\n${request.body}\n${request.response ?? ''}`);
    const issues = this.github.state.issues.map((issue) => `${issue.title}\n${issue.body ?? ''}`);
    const comments = this.github.state.comments.map((comment) => comment.body);
    const outputs = this.outputs.map((output) => `${output.stdout}\n${output.stderr}`);
    // Every SQLite registry of the world, with its WAL and shared-memory files.
    const files = fs.readdirSync(this.dir).filter((file) => /\.db(-wal|-shm)?$/.test(file)).map((file) => fs.readFileSync(path.join(this.dir, file), 'latin1'));
    return [...requests, ...issues, ...comments, ...outputs, ...files, ...extra].join('\n');
  }

  async close(): Promise<void> {
    await this.github.close();
    for (const dir of this.dirs) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The kill tests' schedule: runs 0…count-1, `parallel` at a time, each told to kill its
 * responder at a random moment within `fullRunMs` (how long an uninterrupted run takes).
 */
export async function killAtRandom(count: number, parallel: number, fullRunMs: number, runOnce: (run: number, killAfterMs: number) => Promise<void>): Promise<void> {
  const queue = Array.from({ length: count }, (_, run) => run);
  const worker = async () => {
    for (let run = queue.shift(); run !== undefined; run = queue.shift()) await runOnce(run, Math.random() * fullRunMs);
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}
