// `leakstop scan`: working-tree files, staged changes, stdin or git history.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { ConfigError, UsageError } from '../errors.js';
import { applyBaseline, baselineKeyFile, ownBaselineKey, readBaseline, renderBaseline } from '../pipeline/baseline.js';
import { FINGERPRINT_KEY_ENV, loadFingerprintKey } from '../pipeline/load-fingerprint-key.js';
import { FingerprintKey } from '../detect/fingerprint-key.js';
import { attachRegistry, detectFragments, prepareScan } from '../pipeline/run-scan.js';
import { parseMaxFileSize } from '../rules/max-file-size.js';
import { gitTopLevel } from '../sources/git-command.js';
import { emptyStats } from '../sources/scan-stats.js';
import { readStagedChanges } from '../sources/staged-changes.js';
import { decodeText } from '../sources/read-text.js';
import type { KeyRegistry, ScanResult, ScanStats } from '../types.js';
import { ReportRedactor } from '../report/report-redactor.js';
import { abandonScanTargets, openScanTargets, parseFormat, writeScanOutput } from './scan-output.js';
import { commitAdvice } from '../report/commit-advice.js';
import { ciContext } from './ci-environment.js';
import type { ScanRespondFlags } from './scan-respond.js';
import { REGISTRY_OPTION } from './registry-option.js';

interface ScanFlags extends ScanRespondFlags {
  staged?: boolean;
  stdin?: boolean;
  format: string;
  output?: string;
  config?: string;
  baseline?: string;
  writeBaseline?: string;
  registry?: string;
  reveal?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  gitignore: boolean;
  maxFileSize?: string;
  history?: boolean;
  since?: string;
  range?: string;
  branch?: string;
  cache: boolean;
  fullBlobs?: boolean;
  concurrency?: string;
  preReceive?: boolean;
  timeout?: string;
  auditFile?: string;
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Stdin as text, counted in `stats`; its bytes are not kept past decoding (a large input would be held twice). */
async function readStdinText(stats: ScanStats): Promise<string> {
  const bytes = await readStdin();
  stats.files = 1;
  stats.bytes = bytes.byteLength;
  return decodeText(bytes);
}

function chosenModes(flags: ScanFlags): string[] {
  return [flags.staged && '--staged', flags.stdin && '--stdin', flags.history && '--history', flags.preReceive && '--pre-receive']
    .filter((mode): mode is string => Boolean(mode));
}

/** History-only flags given without --history would silently scan something else. */
function checkHistoryFlags(paths: string[], flags: ScanFlags): void {
  const historyOnly = [flags.since && '--since', flags.range && '--range', flags.branch && '--branch', !flags.cache && !flags.preReceive && '--no-cache', flags.fullBlobs && '--full-blobs']
    .filter((flag): flag is string => Boolean(flag));
  if (!flags.history && historyOnly.length > 0) throw new UsageError(`${historyOnly[0]} needs --history`);
  const hookOnly = [flags.timeout && '--timeout', flags.auditFile && '--audit-file'].filter((flag): flag is string => Boolean(flag));
  if (!flags.preReceive && hookOnly.length > 0) throw new UsageError(`${hookOnly[0]} needs --pre-receive`);
  if (flags.history && paths.length > 1) throw new UsageError('--history scans one repository; give one path');
}

function concurrencyFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const threads = Number(value);
  if (!Number.isInteger(threads) || threads < 1 || threads > 256) throw new UsageError(`--concurrency must be a whole number from 1 to 256, not "${value}"`);
  return threads;
}

/** A scan of nothing but missing paths (a typo in a CI step) must fail, not pass with 0 files. */
function checkSomePathExists(paths: string[]): void {
  if (paths.some((file) => fs.existsSync(file))) return;
  throw new UsageError(`no such file or directory: ${paths.join(', ')}`);
}

/** The top of a work tree, or a bare repository's directory. */
function repositoryRoot(repoPath: string): string {
  try {
    return gitTopLevel(repoPath);
  } catch {
    return path.resolve(repoPath);
  }
}

/** The kept findings as they were before redaction: `--reveal` shows every field as git holds it. */
function revealed(kept: ScanResult, safe: ScanResult, raw: ScanResult): ScanResult {
  const rawOf = new Map(safe.findings.map((finding, i) => [finding, raw.findings[i]!]));
  return { stats: raw.stats, findings: kept.findings.map((finding) => rawOf.get(finding)!) };
}

function maxFileSizeFlag(value: string): number {
  const size = parseMaxFileSize(value);
  if (!size.ok) throw new UsageError(`--max-file-size: ${size.error}`);
  return size.bytes;
}

/**
 * A hook's key only names findings in the audit file: where the server account cannot keep a key
 * file (a read-only hook environment), a key for this push does, rather than refusing every push.
 */
function hookFingerprintKey(): FingerprintKey {
  try {
    return loadFingerprintKey();
  } catch (error) {
    if (error instanceof ConfigError && !process.env[FINGERPRINT_KEY_ENV]) return FingerprintKey.random();
    throw error;
  }
}

async function runPreReceiveHook(repoPath: string, flags: ScanFlags, fingerprintKey: FingerprintKey, concurrency: number | undefined): Promise<number> {
  const { runPreReceive } = await import('./pre-receive.js');
  const registrySpec = flags.registry ?? process.env.LEAKSTOP_REGISTRY;
  const registry = registrySpec ? await (await import('../registry/open-registry.js')).openRegistry(registrySpec) : undefined;
  try {
    return await runPreReceive({
      repoPath,
      updates: (await readStdin()).toString('utf8'),
      configPath: flags.config,
      registry,
      fingerprintKey,
      timeout: flags.timeout,
      auditFile: flags.auditFile,
      cache: flags.cache,
      concurrency,
      env: process.env,
    });
  } finally {
    await registry?.close();
  }
}

export function registerScan(program: Command): void {
  program
    .command('scan')
    .description('scan files (default), staged changes, stdin or git history for leaked secrets')
    .argument('[paths...]', 'files or directories to scan', ['.'])
    .option('--staged', 'scan only the lines added in the git index (pre-commit)')
    .option('--stdin', 'scan standard input')
    .option('--history', 'scan every blob reachable from all refs of the repository at PATH (default .)')
    .option('--since <rev>', 'with --history: only commits not reachable from REV')
    .option('--range <a..b>', 'with --history: only commits reachable from B and not from A')
    .option('--branch <name>', 'with --history: one branch instead of all refs')
    .option('--no-cache', 'with --history: read every blob, ignoring and not updating the scan cache')
    .option('--full-blobs', 'with --history: detect every blob version whole (the reference), not only where it differs from the last version of its file')
    .option('--pre-receive', 'a git pre-receive hook: scan the commits a push brings (`<old> <new> <ref>` lines on stdin) and refuse it when they hold a secret')
    .option('--timeout <seconds>', 'with --pre-receive: time budget; past it the push is let in with a warning (default 5)')
    .option('--audit-file <file>', 'with --pre-receive: where pushes let through by -o leakstop.allow are recorded (default leakstop-allow.log in the git directory)')
    .option('--concurrency <n>', 'detection threads (default: all cores for large scans)')
    .option('--format <format>', 'text, json, sarif, gitlab (secret-detection report), junit or markdown', 'text')
    .option('--output <file>', 'write the report to a file instead of stdout')
    .option('--config <file>', 'a Leakstop rules TOML or a gitleaks config')
    .option('--baseline <file>', 'ignore findings recorded in this baseline')
    .option('--write-baseline <file>', 'record the current findings as a baseline')
    .option(...REGISTRY_OPTION)
    .option('--max-file-size <size>', 'skip files larger than this, e.g. 10MB')
    .option('--no-gitignore', 'also scan files that .gitignore excludes')
    .option('--reveal', 'show secrets in plaintext (never in CI logs)')
    .option('--quiet', 'no summary or progress on stderr')
    .option('--verbose', 'list each skipped binary file in the summary')
    .option('--respond', 'revoke, replace and deliver registry hits, and open the incident issue')
    .option('--github-repo <owner/name>', 'with --respond: the GitHub repository scanned, where the incident issue goes')
    .option('--security-repo <owner/name>', 'with --respond: file incidents of public repositories here (default: $LEAKSTOP_SECURITY_REPO)')
    .option('--dry-run', 'with --respond: print what would be done, change nothing')
    .action(async (paths: string[], flags: ScanFlags) => {
      const modes = chosenModes(flags);
      if (modes.length > 1) throw new UsageError(`choose one of ${modes.join(' and ')}`);
      checkHistoryFlags(paths, flags);
      if (modes.length === 0) checkSomePathExists(paths);
      const concurrency = concurrencyFlag(flags.concurrency);
      const format = parseFormat(flags.format);
      if (flags.preReceive) {
        process.exitCode = await runPreReceiveHook(paths[0] ?? '.', flags, hookFingerprintKey(), concurrency);
        return;
      }
      const fingerprintKey = loadFingerprintKey();
      const baseline = flags.baseline ? readBaseline(flags.baseline, fingerprintKey) : undefined;
      if (baseline?.unkeyed) {
        process.stderr.write(`leakstop: baseline ${flags.baseline} holds unkeyed SHA-256 hashes, which give weak secrets away: ` +
          `rewrite it with --write-baseline ${flags.baseline}\n`);
      }
      // Opened now: an unwritable --output or --write-baseline fails before the scan, not after.
      const targets = openScanTargets(flags.output, flags.writeBaseline);
      const baselineKey = flags.writeBaseline ? ownBaselineKey(flags.writeBaseline) : undefined;
      const registrySpec = flags.registry ?? process.env.LEAKSTOP_REGISTRY;
      // The responder, the registry drivers and git load only when used: a pre-commit scan starts fast.
      const responder = flags.respond || flags.githubRepo || flags.securityRepo || flags.dryRun
        ? await import('./scan-respond.js')
        : undefined;
      let registry: KeyRegistry | undefined;
      try {
        const response = responder?.prepareScanResponse(flags, registrySpec);
        registry = registrySpec ? await (await import('../registry/open-registry.js')).openRegistry(registrySpec) : undefined;
        const prepared = await prepareScan({
          configPath: flags.config,
          maxFileSize: flags.maxFileSize === undefined ? undefined : maxFileSizeFlag(flags.maxFileSize),
          registry,
          fingerprintKey,
          onNotice: flags.quiet ? undefined : (notice) => process.stderr.write(`Note: ${notice}.\n`),
        });
        const { config, engine } = prepared;
        const stats = emptyStats();
        let result: ScanResult;
        if (flags.stdin) {
          result = detectFragments([{ text: await readStdinText(stats), origin: { path: '<stdin>' } }], engine, stats);
        } else if (flags.history) {
          const { scanHistory } = await import('../pipeline/scan-history.js');
          result = await scanHistory({
            repoPath: paths[0] ?? '.',
            since: flags.since,
            range: flags.range,
            branch: flags.branch,
            config,
            extraRules: prepared.registryRules,
            plan: prepared.plan,
            engine: prepared.engine,
            fingerprintKey,
            cache: flags.cache,
            fullBlobs: flags.fullBlobs,
            progress: !flags.quiet,
            concurrency,
          });
        } else if (flags.staged) {
          result = detectFragments(readStagedChanges(process.cwd(), config, stats), engine, stats);
        } else {
          // Loaded here, not at start-up: a pre-commit `--staged` scan needs no directory walk or worker pool.
          const [{ detectFiles }, { listWorkingTree }, { checkSomethingScanned }] = await Promise.all([
            import('../pipeline/detect-files.js'), import('../sources/working-tree.js'), import('./nothing-scanned.js')]);
          result = await detectFiles(listWorkingTree(paths, { gitignore: flags.gitignore }, stats), prepared, stats, concurrency);
          checkSomethingScanned(paths, stats);
        }
        result = await attachRegistry(result, prepared);
        // Every git text a report shows (messages, authors, paths) is redacted, except for --reveal's own output.
        const safe = new ReportRedactor(engine).scanResult(result);
        const filtered = baseline ? applyBaseline(safe.findings, baseline) : undefined;
        const kept = filtered ? { ...safe, findings: filtered.findings } : safe;
        const reported = flags.reveal ? revealed(kept, safe, result) : kept;
        const rules = [...config.rules, ...prepared.registryRules];
        // History paths are the repository's; every other path is relative to where the scan runs.
        const srcRoot = flags.history && format === 'sarif' ? repositoryRoot(paths[0] ?? '.') : process.cwd();
        const written = writeScanOutput(reported, rules, {
          format,
          srcRoot,
          ci: format === 'gitlab' || format === 'markdown' ? ciContext(process.env, flags.history ? repositoryRoot(paths[0] ?? '.') : process.cwd()) : undefined,
          targets,
          baseline: baselineKey ? renderBaseline(safe.findings, baselineKey) : undefined,
          reveal: Boolean(flags.reveal),
          quiet: Boolean(flags.quiet),
        }, {
          suppressed: filtered?.suppressed,
          // A staged scan sees only the lines a commit adds, so every other baseline entry would read as stale.
          staleBaseline: flags.staged ? undefined : filtered?.stale.length,
          verbose: Boolean(flags.verbose),
        });
        if (flags.staged && reported.findings.length > 0 && !flags.writeBaseline && !flags.quiet) {
          process.stderr.write(`${commitAdvice(reported.findings.length, process.env.PRE_COMMIT === '1').join('\n')}\n`);
        }
        if (baselineKey && written && !flags.quiet) {
          process.stderr.write(`Its fingerprint key ${baselineKey.id} is in ${baselineKeyFile(flags.writeBaseline!)}: commit both, or keep the key ` +
            `out of the repository and give it in ${FINGERPRINT_KEY_ENV}.\n`);
        }
        // Writing a baseline accepts the current findings, so it is not a failure; a lost write is.
        process.exitCode = !written ? 2 : reported.findings.length > 0 && !flags.writeBaseline ? 1 : 0;
        // A registered key is revoked even when a baseline hides its finding: a live key is a leak.
        if (response && registry) await responder!.respondAfterScan(response, safe.findings, registry, paths[0] ?? '.');
      } finally {
        abandonScanTargets(targets);
        await registry?.close();
      }
    });
}
