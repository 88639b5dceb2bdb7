// Writing a scan's result where the user asked, in the format asked; the summary goes to stderr.
import fs from 'node:fs';
import { renderJson } from '../report/finding-json.js';
import { renderSarif } from '../report/sarif.js';
import { summaryLines } from '../report/summary.js';
import { renderText } from '../report/text.js';
import type { Rule, ScanResult } from '../types.js';
import { UsageError } from '../errors.js';

export type OutputFormat = 'text' | 'json' | 'sarif';

export function parseFormat(value: string): OutputFormat {
  if (value === 'text' || value === 'json' || value === 'sarif') return value;
  throw new UsageError(`--format must be text, json or sarif, not "${value}"`);
}

export interface OutputOptions {
  format: OutputFormat;
  output?: string;
  reveal: boolean;
  quiet: boolean;
  /** What SARIF's relative URIs are relative to. */
  srcRoot: string;
}

export function writeScanOutput(
  result: ScanResult,
  rules: Rule[],
  options: OutputOptions,
  extra: { suppressed?: number; staleBaseline?: number } = {},
): void {
  const body =
    options.format === 'json'
      ? renderJson(result.findings, options.reveal)
      : options.format === 'sarif'
        ? renderSarif(result.findings, rules, result.stats, options.reveal, options.srcRoot)
        : renderText(result.findings, options.reveal);
  if (options.output) fs.writeFileSync(options.output, body);
  else process.stdout.write(body);
  if (!options.quiet) process.stderr.write(`${summaryLines(result, extra).join('\n')}\n`);
}
