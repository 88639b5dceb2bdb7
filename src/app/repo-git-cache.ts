// One bare git repository per GitHub repository, kept between webhooks: each fetch brings
// only the objects the cache lacks, so a push costs what it pushed, not a clone. With a size
// limit, the caches of repositories not being worked on are removed, least recently used first,
// once the total is over it; a removed cache is fetched in full at its repository's next event.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from 'pino';
import { SourceError } from '../errors.js';
import { gitAuthEnv } from './git-credentials.js';

const execFileAsync = promisify(execFile);

export interface RepoRef {
  id: number;
  /** `owner/name`. */
  fullName: string;
}

export interface FetchOptions {
  token: string;
  /** Commits that must be present afterwards even if no ref names them any more (a push's `after`). */
  wants?: string[];
  signal?: AbortSignal;
}

// Branches and tags mirror GitHub's; --prune drops deleted ones, so "the other refs" of a push
// are the repository's refs as they stand now.
const MIRROR_REFSPECS = ['+refs/heads/*:refs/heads/*', '+refs/tags/*:refs/tags/*'];

/** A fetch does what a scan needs and nothing else: no forced-update report, no gc, no FETCH_HEAD. */
const FETCH = ['-c', 'gc.auto=0', '-c', 'fetch.writeCommitGraph=false', 'fetch', '--quiet', '--no-tags', '--no-write-fetch-head', '--no-show-forced-updates'];

/**
 * git (libcurl) reads `http_proxy` in lower case only; the API client takes `HTTP_PROXY` too, so
 * git is given it the same way: one setting sends both through the proxy.
 */
function withLowercaseHttpProxy(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return env.http_proxy === undefined && env.HTTP_PROXY ? { ...env, http_proxy: env.HTTP_PROXY } : env;
}

export interface CacheLimit {
  /** The caches' total size in bytes above which unused ones are removed. */
  maxBytes: number;
  log: Logger;
}

/** Bytes of the files under `dir`. */
async function treeBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await fs.promises.readdir(dir, { withFileTypes: true })) {
    const entryPath = path.join(dir, entry.name);
    if (entry.isDirectory()) total += await treeBytes(entryPath);
    else total += (await fs.promises.lstat(entryPath)).size;
  }
  return total;
}

export class RepoGitCache {
  /** Serialises the work on each repository: a fetch moves refs under a scan's feet. */
  readonly #queues = new Map<number, Promise<unknown>>();
  #trimming = false;

  constructor(
    readonly root: string,
    /** Web and git base of GitHub: https://github.com or the GHES host. */
    readonly gitBaseUrl: string,
    private readonly limit?: CacheLimit,
  ) {}

  dir(repo: RepoRef): string {
    return path.join(this.root, 'repos', `${repo.id}.git`);
  }

  remoteUrl(repo: RepoRef): string {
    return `${this.gitBaseUrl}/${repo.fullName}.git`;
  }

  /** Runs `work` when earlier work on the same repository has finished. */
  exclusive<T>(repo: RepoRef, work: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(repo.id) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.#queues.set(repo.id, next);
    void next.finally(() => {
      if (this.#queues.get(repo.id) === next) this.#queues.delete(repo.id);
    }).catch(() => undefined);
    return next;
  }

  /** Brings the cache up to date with GitHub's branches and tags, plus any `wants`. */
  async fetch(repo: RepoRef, options: FetchOptions): Promise<string> {
    const gitDir = this.dir(repo);
    if (!fs.existsSync(path.join(gitDir, 'HEAD'))) {
      fs.mkdirSync(gitDir, { recursive: true });
      await this.#git(gitDir, ['init', '--bare', '--quiet'], process.env, options.signal);
    }
    const env = gitAuthEnv(this.gitBaseUrl, options.token, withLowercaseHttpProxy(process.env));
    const url = this.remoteUrl(repo);
    await this.#git(gitDir, [...FETCH, '--prune', url, ...MIRROR_REFSPECS], env, options.signal);
    const missing = [];
    for (const want of options.wants ?? []) if (!(await this.hasCommit(repo, want))) missing.push(want);
    // A commit no ref names any more (pushed, then force-pushed away): protocol v2 serves any object by id.
    if (missing.length > 0) await this.#git(gitDir, [...FETCH, url, ...missing], env, options.signal);
    const now = new Date();
    fs.utimesSync(gitDir, now, now);
    await this.#trim();
    return gitDir;
  }

  /** Removes the least recently used caches no work holds until the total is under the limit. */
  async #trim(): Promise<void> {
    if (!this.limit || this.#trimming) return;
    this.#trimming = true;
    try {
      const reposDir = path.join(this.root, 'repos');
      const names = (await fs.promises.readdir(reposDir)).filter((name) => /^\d+\.git$/.test(name));
      const caches = await Promise.all(
        names.map(async (name) => {
          const dir = path.join(reposDir, name);
          return { id: Number.parseInt(name, 10), dir, bytes: await treeBytes(dir), usedAt: (await fs.promises.stat(dir)).mtimeMs };
        }),
      );
      let total = caches.reduce((sum, cache) => sum + cache.bytes, 0);
      const removed: number[] = [];
      for (const cache of caches.sort((a, b) => a.usedAt - b.usedAt)) {
        if (total <= this.limit.maxBytes) break;
        if (this.#queues.has(cache.id)) continue;
        // Moved aside in the same turn as the check, so no work can start in a half-removed cache.
        const doomed = path.join(this.root, `.removing-${cache.id}-${process.pid}-${Date.now()}`);
        fs.renameSync(cache.dir, doomed);
        await fs.promises.rm(doomed, { recursive: true, force: true });
        total -= cache.bytes;
        removed.push(cache.id);
      }
      if (removed.length > 0) {
        this.limit.log.info({ repositoryIds: removed, cacheBytes: total }, `removed ${removed.length} repository cache(s) to stay under LEAKSTOP_CACHE_MAX_BYTES`);
      }
    } finally {
      this.#trimming = false;
    }
  }

  async hasCommit(repo: RepoRef, sha: string): Promise<boolean> {
    try {
      await this.#git(this.dir(repo), ['cat-file', '-e', `${sha}^{commit}`]);
      return true;
    } catch {
      return false;
    }
  }

  /** The commit a branch points at in the cache, if it exists. */
  async branchHead(repo: RepoRef, branch: string): Promise<string | undefined> {
    try {
      return (await this.#git(this.dir(repo), ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`])).trim() || undefined;
    } catch {
      return undefined;
    }
  }

  /** A file's content on a branch, or undefined when the branch or file does not exist. */
  async readFile(repo: RepoRef, branch: string, file: string): Promise<string | undefined> {
    try {
      return await this.#git(this.dir(repo), ['cat-file', 'blob', `refs/heads/${branch}:${file}`]);
    } catch {
      return undefined;
    }
  }

  async #git(gitDir: string, args: string[], env: NodeJS.ProcessEnv = process.env, signal?: AbortSignal): Promise<string> {
    try {
      const { stdout } = await execFileAsync('git', ['--git-dir', gitDir, ...args], { env, signal, maxBuffer: 64 * 1024 * 1024 });
      return stdout;
    } catch (error) {
      if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new SourceError('cancelled');
      // git's stderr names the URL (never the header); its first line is the useful part.
      const stderr = String((error as { stderr?: string }).stderr ?? '').trim().split('\n')[0];
      const command = args.find((arg) => !arg.startsWith('-') && !arg.includes('='));
      throw new SourceError(`git ${command} failed: ${stderr || (error as Error).message.split('\n')[0]}`);
    }
  }
}
