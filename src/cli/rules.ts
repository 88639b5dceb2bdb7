// `leakstop rules`: what the rules are (`list`) and how they judge one file (`test`): every
// candidate the engine considered, kept or dropped, and why — secrets always redacted.
import fs from 'node:fs';
import type { Command } from 'commander';
import { compileEngine } from '../detect/compile-engine.js';
import { detectContent } from '../detect/detect-content.js';
import { placeMatches } from '../detect/place-matches.js';
import { SourceError, UsageError } from '../errors.js';
import { loadConfig } from '../rules/load-config.js';
import { decodeText } from '../sources/read-text.js';
import type { Rule } from '../types.js';
import { textTable } from './text-table.js';

interface ListFlags {
  format: string;
  tag?: string;
  config?: string;
}

interface TestFlags {
  format: string;
  config?: string;
}

/** One candidate of `rules test`: a finding, or a match the engine dropped and why. */
interface Verdict {
  line: number;
  ruleId: string;
  verdict: 'found' | 'dropped';
  reason?: string;
  secretRedacted?: string;
}

function parseListFormat(format: string): 'text' | 'json' {
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
  return format;
}

function listRules(flags: ListFlags): void {
  const format = parseListFormat(flags.format);
  const config = loadConfig({ configPath: flags.config });
  const rules = flags.tag === undefined ? config.rules : config.rules.filter((rule) => rule.tags.includes(flags.tag!));
  if (format === 'json') {
    const rows = rules.map((rule) => ({ id: rule.id, provider: rule.provider, severity: rule.severity, tags: rule.tags, keywords: rule.keywords, description: rule.description }));
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    process.stdout.write(textTable(['ID', 'PROVIDER', 'SEVERITY', 'TAGS', 'KEYWORDS'],
      rules.map((rule) => [rule.id, rule.provider, rule.severity, rule.tags.join(','), rule.keywords.join(',')])));
  }
  process.stderr.write(`${rules.length} rules, ${providerCount(rules)} providers.\n`);
}

function providerCount(rules: readonly Rule[]): number {
  return new Set(rules.map((rule) => rule.provider)).size;
}

function readFileText(file: string): string {
  try {
    return decodeText(fs.readFileSync(file));
  } catch (error) {
    throw new SourceError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function testFile(file: string, flags: TestFlags): void {
  const format = parseListFormat(flags.format);
  const config = loadConfig({ configPath: flags.config });
  const engine = compileEngine(config);
  const verdicts: Verdict[] = [];
  const matches = detectContent(readFileText(file), engine, { onDrop: (dropped) => {
    const verdict: Verdict = { line: dropped.line, ruleId: dropped.ruleId, verdict: 'dropped', reason: dropped.reason };
    if (dropped.secret) verdict.secretRedacted = dropped.secret.redacted;
    verdicts.push(verdict);
  } });
  // Rule paths and path or commit allowlists are judged once a match has a place: this file.
  const findings = new Set(placeMatches(matches, { path: file }, engine).map((finding) => `${finding.ruleId}:${finding.line}:${finding.column}`));
  for (const match of matches) {
    const placed = findings.has(`${match.ruleId}:${match.line}:${match.column}`);
    verdicts.push({ line: match.line, ruleId: match.ruleId, verdict: placed ? 'found' : 'dropped', ...(placed ? {} : { reason: 'path' }), secretRedacted: match.secret.redacted });
  }
  verdicts.sort((a, b) => a.line - b.line || a.ruleId.localeCompare(b.ruleId));
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(verdicts, null, 2)}\n`);
  } else {
    process.stdout.write(textTable(['LINE', 'RULE', 'VERDICT', 'SECRET'], verdicts.map((verdict) =>
      [String(verdict.line), verdict.ruleId, verdict.reason ? `${verdict.verdict}: ${verdict.reason}` : verdict.verdict, verdict.secretRedacted ?? ''])));
  }
  const found = verdicts.filter((verdict) => verdict.verdict === 'found').length;
  process.stderr.write(`${verdicts.length} candidate(s) in ${file}: ${found} found, ${verdicts.length - found} dropped.\n`);
  process.exitCode = found > 0 ? 1 : 0;
}

export function registerRules(program: Command): void {
  const rules = program.command('rules').description('list the detection rules, or show how they judge one file');
  rules
    .command('list')
    .description('print id, provider, severity, tags and keywords of every built-in and configured rule')
    .option('--format <format>', 'text or json', 'text')
    .option('--tag <tag>', 'only rules with this tag')
    .option('--config <file>', 'a Leakstop rules TOML or a gitleaks config')
    .action((flags: ListFlags) => listRules(flags));
  rules
    .command('test')
    .description('show every candidate in FILE and why each was found or dropped (secrets redacted)')
    .argument('<file>', 'the file to judge')
    .option('--format <format>', 'text or json', 'text')
    .option('--config <file>', 'a Leakstop rules TOML or a gitleaks config')
    .action((file: string, flags: TestFlags) => testFile(file, flags));
}
