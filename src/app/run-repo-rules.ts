// Runs a repository's extra rules over the same commits as the main scan, in a worker thread
// under a time budget: a hostile pattern costs the app at most the budget, never a stall.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { rulesetVersion } from '../rules/ruleset-version.js';
import { Secret, type Allowlist, type Finding, type Pattern } from '../types.js';

export interface RepoRulesTask {
  repoPath: string;
  repo: string;
  /** Revisions to walk; undefined: every ref. */
  revs?: string[];
  /** The raw rule tables of `.github/leakstop.yml`, validated. */
  rules: Record<string, unknown>[];
  allowlists: Allowlist[];
  maxFileSize: number;
  rulesetVersion: string;
  cacheDir: string;
  /** The app's fingerprint key, hex: a key object cannot cross threads. */
  fingerprintKey: string;
}

export type RepoRulesResult = { ok: true; findings: Finding[] } | { ok: false; error: string };

type PlainFinding = Omit<Finding, 'secret'> & { secret: string };

const WORKER_FILE = new URL('./repo-rules-worker.js', import.meta.url);

export function runRepoRules(task: Omit<RepoRulesTask, 'rulesetVersion'>, budgetMs: number): Promise<RepoRulesResult> {
  if (!fs.existsSync(fileURLToPath(WORKER_FILE))) {
    return Promise.resolve({ ok: false, error: 'repository rules need the built app (dist/); they were skipped' });
  }
  const version = rulesetVersion([{ name: 'repository-rules', text: JSON.stringify([task.rules, task.allowlists.map(describeAllowlist)]) }]);
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_FILE, { workerData: { ...task, rulesetVersion: version } satisfies RepoRulesTask });
    let settled = false;
    const settle = (result: RepoRulesResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(
      () => settle({ ok: false, error: `the repository's rules did not finish within ${budgetMs / 1000}s and were stopped; simplify their regexes` }),
      budgetMs,
    );
    worker.once('message', (findings: PlainFinding[]) =>
      settle({ ok: true, findings: findings.map((finding) => ({ ...finding, secret: new Secret(finding.secret) })) }),
    );
    // The worker's errors are about the rules or the repository, never a secret.
    worker.once('error', (error) => settle({ ok: false, error: `the repository's rules failed: ${error.message.split('\n')[0]}` }));
    worker.once('exit', (code) => settle({ ok: false, error: `the repository's rules stopped early (exit ${code})` }));
  });
}

/** An allowlist's patterns as `/source/flags`: JSON shows a RegExp as `{}`. */
function describeAllowlist(allowlist: Allowlist): unknown {
  return { ...allowlist, regexes: allowlist.regexes.map(regexText), pathRegexes: allowlist.pathRegexes?.map(regexText) };
}

const regexText = ({ source, flags }: Pattern) => `/${source}/${flags}`;
