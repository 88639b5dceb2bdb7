// Writing a scan's result where the user asked, in the format asked; the summary goes to stderr.
// Output files are opened before the scan (an unwritable path fails at once) and are
// owner-only; a write that fails after the scan never loses its findings.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderJson } from '../report/finding-json.js';
import { renderGitlab } from '../report/gitlab-secret-detection.js';
import { renderJunit } from '../report/junit.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderSarif } from '../report/sarif.js';
import { summaryLines, type SummaryExtra } from '../report/summary.js';
import { renderText } from '../report/text.js';
import type { Rule, ScanResult } from '../types.js';
import { OutputError, UsageError } from '../errors.js';
import { PrivateFile, writePrivateFile } from '../private-file.js';
import type { CiContext } from './ci-environment.js';

export const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'gitlab', 'junit', 'markdown'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** A report file's extension, for a rescued copy. */
const EXTENSION: Record<OutputFormat, string> = { text: 'txt', json: 'json', sarif: 'sarif', gitlab: 'json', junit: 'xml', markdown: 'md' };

export function parseFormat(value: string): OutputFormat {
  const format = OUTPUT_FORMATS.find((known) => known === value);
  if (format) return format;
  throw new UsageError(`--format must be ${OUTPUT_FORMATS.slice(0, -1).join(', ')} or ${OUTPUT_FORMATS.at(-1)}, not "${value}"`);
}

/** The files a scan writes; the report goes to stdout when there is no `report`. */
export interface ScanTargets {
  report?: PrivateFile;
  baseline?: PrivateFile;
}

export function openScanTargets(output: string | undefined, baseline: string | undefined): ScanTargets {
  const report = output === undefined ? undefined : PrivateFile.open(output);
  try {
    return { report, baseline: baseline === undefined ? undefined : PrivateFile.open(baseline) };
  } catch (error) {
    report?.abandon();
    throw error;
  }
}

/** The scan failed: files opened for it and never written are removed again. */
export function abandonScanTargets(targets: ScanTargets): void {
  targets.report?.abandon();
  targets.baseline?.abandon();
}

export interface OutputOptions {
  format: OutputFormat;
  targets: ScanTargets;
  /** The content of the baseline file, when one is to be written. */
  baseline?: string;
  reveal: boolean;
  quiet: boolean;
  /** What SARIF's relative URIs are relative to. */
  srcRoot: string;
  /** The repository's web address and checkout, for the gitlab and markdown formats. */
  ci?: CiContext;
}

/** The report's text in the format asked. */
export function renderReport(result: ScanResult, rules: Rule[], options: Pick<OutputOptions, 'format' | 'reveal' | 'srcRoot' | 'ci'>): string {
  const { reveal } = options;
  switch (options.format) {
    case 'json':
      return renderJson(result.findings, reveal);
    case 'sarif':
      return renderSarif(result.findings, rules, result.stats, reveal, options.srcRoot);
    case 'gitlab':
      return renderGitlab(result.findings, result.stats, new Date(), options.ci?.commit, reveal);
    case 'junit':
      return renderJunit(result, new Date(), reveal);
    case 'markdown':
      return renderMarkdown(result, options.ci?.web, reveal);
    case 'text':
      return renderText(result.findings, reveal);
  }
}

/** Where content goes that its file would not take: stdout while nothing else went there, else a temp file. */
class Rescue {
  readonly failures: string[] = [];
  #stdoutTaken: boolean;

  constructor(stdoutTaken: boolean) {
    this.#stdoutTaken = stdoutTaken;
  }

  /** Writes `content` to `target`; false when it had to go elsewhere. */
  put(target: PrivateFile, content: string, what: string, tempName: string): boolean {
    try {
      target.write(content);
      return true;
    } catch (error) {
      if (!(error instanceof OutputError)) throw error;
      this.failures.push(`${error.message}; ${what} was written to ${this.#elsewhere(content, tempName)} instead`);
      return false;
    }
  }

  #elsewhere(content: string, tempName: string): string {
    if (!this.#stdoutTaken) {
      this.#stdoutTaken = true;
      process.stdout.write(content);
      return 'stdout';
    }
    try {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'leakstop-')), tempName);
      writePrivateFile(file, content);
      return file;
    } catch {
      process.stdout.write(content);
      return 'stdout';
    }
  }
}

/** Writes the report (and baseline) and the summary; false when a file could not be written. */
export function writeScanOutput(result: ScanResult, rules: Rule[], options: OutputOptions, extra: SummaryExtra = {}): boolean {
  const body = renderReport(result, rules, options);
  const { report, baseline } = options.targets;
  const rescue = new Rescue(!report);
  // The baseline first: while the report goes to a file, stdout is free to take either.
  const baselineWritten = baseline && options.baseline !== undefined && rescue.put(baseline, options.baseline, 'the baseline', 'baseline.json');
  if (report) rescue.put(report, body, 'the report', `report.${EXTENSION[options.format]}`);
  else process.stdout.write(body);
  if (!options.quiet) {
    process.stderr.write(`${summaryLines(result, extra).join('\n')}\n`);
    if (baselineWritten) process.stderr.write(`Baseline written to ${baseline.path}: future scans with --baseline ignore these findings.\n`);
  }
  for (const failure of rescue.failures) process.stderr.write(`leakstop: ${failure}\n`);
  return rescue.failures.length === 0;
}
