// `leakstop scan --pre-receive`: a git pre-receive hook for self-hosted servers. Scans exactly the
// commits a push introduces and refuses the push when they hold a secret (exit 1); a pusher may
// override with `-o leakstop.allow="reason"`, which is printed and appended to an audit file. A scan
// that overruns its time budget lets the push through with a warning: a hook must not stall the server.
import fs from 'node:fs';
import path from 'node:path';
import { SourceError, UsageError } from '../errors.js';
import type { FingerprintKey } from '../detect/fingerprint-key.js';
import { prepareScan, attachRegistry } from '../pipeline/run-scan.js';
import { scanHistory } from '../pipeline/scan-history.js';
import { ReportRedactor } from '../report/report-redactor.js';
import { renderPushRejection } from '../report/push-rejection.js';
import { runGit } from '../sources/git-command.js';
import { parseReceivedUpdates, receivedRevs } from '../sources/history/received-push.js';
import type { Finding, KeyRegistry } from '../types.js';

export const DEFAULT_BUDGET_SECONDS = 5;
const ALLOW_OPTION = 'leakstop.allow';

export interface PreReceiveOptions {
  repoPath: string;
  /** The hook's stdin: `<old> <new> <ref>` lines. */
  updates: string;
  configPath?: string;
  registry?: KeyRegistry;
  fingerprintKey: FingerprintKey;
  timeout?: string;
  auditFile?: string;
  cache: boolean;
  concurrency?: number;
  env: NodeJS.ProcessEnv;
}

export function parseTimeout(value: string | undefined): number {
  if (value === undefined) return DEFAULT_BUDGET_SECONDS;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--timeout must be a number of seconds above 0, not "${value}"`);
  return seconds;
}

/** The push options git hands the hook (`git push -o …`; the server needs `receive.advertisePushOptions`). */
function pushOptions(env: NodeJS.ProcessEnv): string[] {
  const count = Number(env.GIT_PUSH_OPTION_COUNT ?? 0);
  return Array.from({ length: Number.isInteger(count) && count > 0 ? count : 0 }, (_, i) => env[`GIT_PUSH_OPTION_${i}`] ?? '');
}

/** The reason given with `-o leakstop.allow=…`; undefined when the option was not given. */
function allowReason(env: NodeJS.ProcessEnv): string | undefined {
  const option = pushOptions(env).findLast((value) => value === ALLOW_OPTION || value.startsWith(`${ALLOW_OPTION}=`));
  if (option === undefined) return undefined;
  return option.slice(ALLOW_OPTION.length + 1).trim() || 'no reason given';
}

/** Who pushed, as the server knows it: GitLab, GitHub Enterprise Server, an HTTP server, or the SSH account. */
function pusher(env: NodeJS.ProcessEnv): string {
  return env.GL_USERNAME || env.GITHUB_USER_LOGIN || env.REMOTE_USER || env.USER || 'unknown';
}

function gitDir(repoPath: string): string {
  return runGit(repoPath, ['rev-parse', '--absolute-git-dir']).toString('utf8').trim();
}

const oneLine = (text: string): string => text.replace(/[\r\n]+/g, ' ');

/** Runs the hook; resolves to its exit code (0 lets the push in, 1 refuses it). */
export async function runPreReceive(options: PreReceiveOptions): Promise<number> {
  const budget = parseTimeout(options.timeout);
  // The budget covers the hook's whole work, from here.
  const deadline = AbortSignal.timeout(budget * 1000);
  const updates = parseReceivedUpdates(options.updates);
  const revs = receivedRevs(options.repoPath, updates);
  if (revs.length === 0) return 0;
  const prepared = await prepareScan({ configPath: options.configPath, registry: options.registry, fingerprintKey: options.fingerprintKey });
  let found: Finding[];
  try {
    const result = await scanHistory({
      repoPath: options.repoPath,
      revs,
      config: prepared.config,
      extraRules: prepared.registryRules,
      plan: prepared.plan,
      engine: prepared.engine,
      fingerprintKey: options.fingerprintKey,
      cache: options.cache,
      progress: false,
      concurrency: options.concurrency,
      signal: deadline,
    });
    deadline.throwIfAborted();
    found = new ReportRedactor(prepared.engine).scanResult(await attachRegistry(result, prepared)).findings;
  } catch (error) {
    if (!deadline.aborted) throw error;
    process.stderr.write(`Leakstop: warning: the scan did not finish within its ${budget}s budget, so this push was let in unscanned. ` +
      'Scan the repository with `leakstop scan --history`.\n');
    return 0;
  }
  if (found.length === 0) return 0;

  const reason = allowReason(options.env);
  if (reason === undefined) {
    process.stderr.write(renderPushRejection(found));
    return 1;
  }
  const who = pusher(options.env);
  const auditFile = options.auditFile ?? path.join(gitDir(options.repoPath), 'leakstop-allow.log');
  const entry = {
    at: new Date().toISOString(),
    pusher: who,
    reason,
    refs: updates,
    findings: found.map((finding) => ({
      ruleId: finding.ruleId,
      path: finding.path,
      line: finding.line,
      commit: finding.commit,
      secretRedacted: finding.secretRedacted,
      secretFingerprint: finding.secretFingerprint,
    })),
  };
  try {
    fs.appendFileSync(auditFile, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
  } catch (error) {
    // An override nobody can trace is refused: the audit line is the price of the way through.
    throw new SourceError(`cannot append to the audit file ${auditFile} (${(error as Error).message}), so leakstop.allow cannot be recorded; the push is refused`);
  }
  process.stderr.write(`Leakstop: ${found.length} secret${found.length === 1 ? '' : 's'} let through by ${oneLine(who)}: "${oneLine(reason)}" ` +
    `(recorded in ${auditFile}).\n` + found.map((finding) => `  ${finding.path}:${finding.line}  ${finding.ruleId}  ${finding.secretRedacted}\n`).join(''));
  return 0;
}
