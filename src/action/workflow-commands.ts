// GitHub Actions' side channels: workflow commands on stdout (annotations, stop-commands), the
// GITHUB_OUTPUT file for step outputs and the GITHUB_STEP_SUMMARY file for the job summary.
// Everything written is redacted text; escaping keeps a file name from forging a command.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';

const escapeData = (text: string): string => text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (text: string): string => escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  title?: string;
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
}

export function annotationCommand(annotation: Annotation): string {
  const { level, message, ...properties } = annotation;
  const shown = Object.entries(properties)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${level}${shown ? ` ${shown}` : ''}::${escapeData(message)}\n`;
}

/** Text the runner must not read as commands (a report quoting the repository's paths and messages). */
export function withoutCommands(text: string): string {
  const token = randomBytes(16).toString('hex');
  return `::stop-commands::${token}\n${text}${text.endsWith('\n') ? '' : '\n'}::${token}::\n`;
}

/** Appends `name=value` (or a delimited block for multi-line values) to the GITHUB_OUTPUT file. */
export function setOutput(file: string | undefined, name: string, value: string): void {
  if (!file) return;
  const delimiter = `leakstop_${randomBytes(8).toString('hex')}`;
  fs.appendFileSync(file, value.includes('\n') ? `${name}<<${delimiter}\n${value}\n${delimiter}\n` : `${name}=${value}\n`);
}

export function appendSummary(file: string | undefined, markdown: string): void {
  if (file) fs.appendFileSync(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
}
