// `leakstop scan`: working-tree files, staged changes, stdin or git history.
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { applyBaseline, readBaseline, writeBaseline } from '../pipeline/baseline.js';
import { attachRegistry, detectFragments, prepareScan } from '../pipeline/run-scan.js';
import { parseMaxFileSize } from '../rules/load-config.js';
import { openRegistry } from '../registry/open-registry.js';
import { emptyStats } from '../sources/scan-stats.js';
import { readStagedChanges } from '../sources/staged-changes.js';
import { readWorkingTree } from '../sources/working-tree.js';
import { decodeText } from '../sources/read-text.js';
import type { ScanResult } from '../types.js';
import { parseFormat, writeScanOutput } from './scan-output.js';

interface ScanFlags {
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
  gitignore: boolean;
  maxFileSize?: string;
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function chosenModes(flags: ScanFlags): string[] {
  return [flags.staged && '--staged', flags.stdin && '--stdin'].filter((mode): mode is string => Boolean(mode));
}

export function registerScan(program: Command): void {
  program
    .command('scan')
    .description('scan files (default), staged changes, stdin or git history for leaked secrets')
    .argument('[paths...]', 'files or directories to scan', ['.'])
    .option('--staged', 'scan only the lines added in the git index (pre-commit)')
    .option('--stdin', 'scan standard input')
    .option('--format <format>', 'text, json or sarif', 'text')
    .option('--output <file>', 'write the report to a file instead of stdout')
    .option('--config <file>', 'a Leakstop rules TOML or a gitleaks config')
    .option('--baseline <file>', 'ignore findings recorded in this baseline')
    .option('--write-baseline <file>', 'record the current findings as a baseline')
    .option('--registry <url>', 'key registry: SQLite file or postgres:// URL (default: $LEAKSTOP_REGISTRY)')
    .option('--max-file-size <size>', 'skip files larger than this, e.g. 10MB')
    .option('--no-gitignore', 'also scan files that .gitignore excludes')
    .option('--reveal', 'show secrets in plaintext (never in CI logs)')
    .option('--quiet', 'no summary or progress on stderr')
    .action(async (paths: string[], flags: ScanFlags) => {
      const modes = chosenModes(flags);
      if (modes.length > 1) throw new UsageError(`choose one of ${modes.join(' and ')}`);
      const format = parseFormat(flags.format);
      const baseline = flags.baseline ? readBaseline(flags.baseline) : undefined;
      const registrySpec = flags.registry ?? process.env.LEAKSTOP_REGISTRY;
      const registry = registrySpec ? await openRegistry(registrySpec) : undefined;
      try {
        const prepared = await prepareScan({
          configPath: flags.config,
          maxFileSize: flags.maxFileSize === undefined ? undefined : parseMaxFileSize(flags.maxFileSize),
          registry,
        });
        const { config, engine } = prepared;
        const stats = emptyStats();
        let result: ScanResult;
        if (flags.stdin) {
          const bytes = await readStdin();
          stats.files = 1;
          stats.bytes = bytes.byteLength;
          result = detectFragments([{ text: decodeText(bytes), origin: { path: '<stdin>' } }], engine, stats);
        } else if (flags.staged) {
          result = detectFragments(readStagedChanges(process.cwd(), config, stats), engine, stats);
        } else {
          result = detectFragments(readWorkingTree(paths, { gitignore: flags.gitignore, maxFileSize: config.maxFileSize }, stats), engine, stats);
        }
        await attachRegistry(result, prepared);
        if (flags.writeBaseline) writeBaseline(flags.writeBaseline, result.findings);
        const filtered = baseline ? applyBaseline(result.findings, baseline) : undefined;
        const reported = filtered ? { ...result, findings: filtered.findings } : result;
        const rules = [...config.rules, ...prepared.registryRules];
        writeScanOutput(reported, rules, { format, output: flags.output, reveal: Boolean(flags.reveal), quiet: Boolean(flags.quiet) }, {
          suppressed: filtered?.suppressed,
          staleBaseline: filtered?.stale.length,
        });
        if (flags.writeBaseline && !flags.quiet) {
          process.stderr.write(`Baseline written to ${flags.writeBaseline}: future scans with --baseline ignore these findings.\n`);
        }
        // Writing a baseline accepts the current findings, so it is not a failure.
        process.exitCode = reported.findings.length > 0 && !flags.writeBaseline ? 1 : 0;
      } finally {
        await registry?.close();
      }
    });
}
