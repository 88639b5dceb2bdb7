// One redaction for every report field that holds free text from git — a commit's message,
// author name and email, paths, ref names: each secret the engine finds in the text is replaced
// by its redacted form. Reports, check runs, incident issues and logs are given fields that
// went through here, so a key pasted into a commit message or a file name is shown nowhere.
import { detectContent } from '../detect/detect-content.js';
import type { Engine } from '../detect/engine.js';
import { LineIndex } from '../detect/line-index.js';
import { redact } from '../redact.js';
import type { Finding, ScanResult, ScanStats } from '../types.js';

/** Texts remembered per redactor: author names and paths repeat across findings. */
const MEMO_LIMIT = 10_000;
/** Lines of a secret shorter than this are not cut out of a subject on their own (they could be any word). */
const MIN_PIECE = 8;

export class ReportRedactor {
  readonly #engine: Engine;
  readonly #memo = new Map<string, string>();

  /** `engine`: the scan's rules (built-in, config and registry shapes). */
  constructor(engine: Engine) {
    this.#engine = engine;
  }

  /** The text with every secret the engine finds in it redacted (CRLF read as LF, as detection reads it). */
  text(value: string): string {
    const known = this.#memo.get(value);
    if (known !== undefined) return known;
    const source = value.includes('\r\n') ? value.replaceAll('\r\n', '\n') : value;
    const lines = new LineIndex(source);
    const spans = detectContent(source, this.#engine)
      .map((match) => [lines.offset(match), lines.offset({ line: match.endLine, column: match.endColumn })] as [number, number])
      .sort((a, b) => a[0] - b[0]);
    // Overlapping spans (a secret and the encoded segment around it) are redacted as one.
    const merged: [number, number][] = [];
    for (const span of spans) {
      const last = merged.at(-1);
      if (last && span[0] < last[1]) last[1] = Math.max(last[1], span[1]);
      else merged.push(span);
    }
    let redacted = '';
    let at = 0;
    for (const [start, end] of merged) {
      redacted += source.slice(at, start) + redact(source.slice(start, end));
      at = end;
    }
    redacted += source.slice(at);
    if (this.#memo.size >= MEMO_LIMIT) this.#memo.clear();
    this.#memo.set(value, redacted);
    return redacted;
  }

  /**
   * The result with every git text field of its findings and stats redacted; the secrets
   * themselves stay in memory as they were (`--reveal`, registry matching).
   */
  scanResult(result: ScanResult): ScanResult {
    return { findings: this.#findings(result.findings), stats: this.#stats(result.stats) };
  }

  #findings(findings: readonly Finding[]): Finding[] {
    const cutsOfCommit = commitTextCuts(findings);
    return findings.map((finding) => {
      const shown: Finding = { ...finding, path: this.text(finding.path) };
      if (finding.within !== undefined) shown.within = this.text(finding.within);
      if (finding.author !== undefined) shown.author = this.text(finding.author);
      if (finding.email !== undefined) shown.email = this.text(finding.email);
      if (finding.message !== undefined) shown.message = cutOut(this.text(finding.message), cutsOfCommit.get(finding.commit ?? ''));
      return shown;
    });
  }

  #stats(stats: ScanStats): ScanStats {
    const shown: ScanStats = {
      ...stats,
      skippedLarge: stats.skippedLarge.map((skipped) => ({ ...skipped, path: this.text(skipped.path) })),
      unreadable: stats.unreadable.map((unreadable) => ({ ...unreadable, path: this.text(unreadable.path), reason: this.text(unreadable.reason) })),
      skippedBinary: stats.skippedBinary.map((path) => this.text(path)),
      skippedSpecial: stats.skippedSpecial.map((special) => ({ ...special, path: this.text(special.path) })),
    };
    if (stats.submodules) shown.submodules = stats.submodules.map((submodule) => this.text(submodule));
    if (stats.rulesStopped) shown.rulesStopped = stats.rulesStopped.map((stopped) => ({ ...stopped, path: this.text(stopped.path) }));
    return shown;
  }
}

/** A text to cut out of a commit's subject, and what stands in its place. */
interface Cut {
  text: string;
  shown: string;
}

/**
 * What to cut out of each commit's subject: the secrets found in the commit's own texts. The
 * subject joins the message's first paragraph into one line with spaces, where a multi-line key
 * may no longer match its rule: so a key is cut out whole and joined, and any line of it left
 * over (the paragraph broke within the key) is cut out too, showing nothing of it.
 */
function commitTextCuts(findings: readonly Finding[]): Map<string, Cut[]> {
  const cuts = new Map<string, Map<string, string>>();
  for (const finding of findings) {
    if (finding.within === undefined || finding.commit === undefined) continue;
    const ofCommit = cuts.get(finding.commit) ?? new Map<string, string>();
    const secret = finding.secret.reveal();
    const lines = secret.split('\n').map((line) => line.trim()).filter((line) => line.length >= MIN_PIECE);
    ofCommit.set(secret, finding.secretRedacted);
    if (lines.length > 1) {
      ofCommit.set(lines.join(' '), finding.secretRedacted);
      for (const line of lines) if (!ofCommit.has(line)) ofCommit.set(line, '…');
    }
    cuts.set(finding.commit, ofCommit);
  }
  // Longest first: a whole key goes before any line of it.
  return new Map([...cuts].map(([commit, ofCommit]) => [commit, [...ofCommit].map(([text, shown]) => ({ text, shown })).sort((a, b) => b.text.length - a.text.length)]));
}

function cutOut(text: string, cuts: readonly Cut[] | undefined): string {
  let shown = text;
  for (const cut of cuts ?? []) if (shown.includes(cut.text)) shown = shown.replaceAll(cut.text, cut.shown);
  return shown;
}
