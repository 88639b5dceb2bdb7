// The WebAssembly DFA pass against a plain JavaScript run of the same automaton: every accepting
// state reached and every base64 run, over texts with more events than the module's buffer holds
// at once, scanned whole and from random offsets.
import { describe, expect, it } from 'vitest';
import { buildDfaScanner, type DfaPass } from '../../src/detect/dfa-scanner.js';
import { BASE64_ALPHABET, MIN_BASE64_RUN } from '../../src/detect/encoded-segments.js';
import { compilePrefilterTables } from '../../src/detect/keyword-prefilter.js';
import { seededRandom } from '../helpers/seeded-random.js';

const KEYWORDS = ['password', 'pass', 'sk_live_', 'ghp_', 'akia', 'token', 'a', 'xoxb-'];
const tables = compilePrefilterTables(KEYWORDS, new Set(KEYWORDS.keys()));
const classes = new Uint16Array(65536);
for (const [code, cls] of tables.classOf) classes[code] = cls;
const scanner = buildDfaScanner(classes, tables.table, tables.start, tables.acceptFrom);
const classCount = tables.rowBytes / 4;
const isBase64 = new Set(BASE64_ALPHABET);

function referencePass(text: string, from: number, to: number): DfaPass {
  const events: number[] = [];
  const runs: number[] = [];
  let state = tables.start;
  let run = 0;
  for (let i = from; i < to; i++) {
    state = tables.table[state / 4 + classes[text.charCodeAt(i)]!]!;
    const digit = isBase64.has(text[i]!);
    if (!digit && run >= MIN_BASE64_RUN) runs.push(i - run);
    run = digit ? run + 1 : 0;
    if (state >= tables.acceptFrom) events.push(i + 1, state);
  }
  if (run >= MIN_BASE64_RUN) runs.push(to - run);
  return { events: Int32Array.from(events), runs };
}

function text(random: () => number, length: number): string {
  const pieces: string[] = [];
  for (let size = 0; size < length;) {
    const pick = random();
    const piece = pick < 0.4 ? KEYWORDS[Math.floor(random() * KEYWORDS.length)]!.toUpperCase()
      : pick < 0.6 ? Array.from({ length: 1 + Math.floor(random() * 40) }, () => BASE64_ALPHABET[Math.floor(random() * 64)]).join('')
        : pick < 0.7 ? 'é€😀\n' : [' = "', '";', ' ', 'passw', 'ord', 'sk_', 'live'][Math.floor(random() * 7)]!;
    pieces.push(piece);
    size += piece.length;
  }
  return pieces.join('');
}

describe('the WebAssembly DFA pass', () => {
  it('finds what a plain run of the automaton finds, past its event buffer and from any offset', () => {
    expect(classCount).toBeGreaterThan(1);
    const draw = seededRandom(11);
    const random = () => draw.next();
    let most = 0;
    for (let round = 0; round < 40; round++) {
      const sample = text(random, round === 0 ? 100_000 : 1 + Math.floor(random() * 3_000));
      const units = scanner.load(sample);
      expect(units.length).toBe(sample.length);
      const from = round % 2 === 0 ? 0 : Math.floor(random() * sample.length);
      const to = from + Math.floor(random() * (sample.length - from + 1));
      const pass = scanner.scan(from, to);
      expect(pass).toEqual(referencePass(sample, from, to));
      most = Math.max(most, pass.events.length / 2);
    }
    // More accepting states in one text than the module's buffer of 4,096 events holds.
    expect(most).toBeGreaterThan(4_096);
  });
});
