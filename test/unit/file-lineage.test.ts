// Detection of a file's next version through its lineage (the prefilter passed over the changed
// span only, rules matched near the changed lines only, their other findings carried) is
// detection of the whole text: the same matches, for the real rule pack, whatever the edit.
import { afterAll, describe, expect, it } from 'vitest';
import { compileEngine } from '../../src/detect/compile-engine.js';
import { detectContent } from '../../src/detect/detect-content.js';
import { FileLineage } from '../../src/detect/file-lineage.js';
import { isLineLocal, lineReach } from '../../src/detect/line-local.js';
import { loadConfig } from '../../src/rules/load-config.js';
import { realisticExample } from '../helpers/realistic-example.js';
import { ruleFixture } from '../helpers/rule-fixtures.js';
import { expandTemplate } from '../../src/rules/example-template.js';
import { seededRandom } from '../helpers/seeded-random.js';

const engine = compileEngine(loadConfig());
const plain = (text: string, lineage?: FileLineage) =>
  detectContent(text, engine, { lineage }).map((match) => ({ ...match, secret: match.secret.reveal() }));

/** Every rule's positive examples, many lines long some of them (PEM blocks, YAML block scalars). */
const examples = engine.rules.flatMap(({ rule }) => rule.examples.match.map((example) => () => realisticExample(example.text, rule).text));

// Rules reading several lines. A chain of up to four kb_ lines is one match: a line breaking the chain moves where every later match starts.
// A lb_ token counts only two lines below an lbmark line: its lookbehind reads back past an edit.
const reaching = ruleFixture({
  'reach.toml': `provider = "Demo"

[[rules]]
id = "demo-chain"
description = "Demo chain of tokens"
regex = '''kb_[A-Za-z0-9]{16}(?:\\nkb_[A-Za-z0-9]{16}){0,3}'''
keywords = ["kb_"]

[[rules]]
id = "demo-marked"
description = "Demo token two lines below its mark"
regex = '''lb_[A-Za-z0-9]{16}(?<=lbmark\\n[^\\n]{0,20}\\n[^\\n]{19})'''
keywords = ["lb_"]
`,
});
afterAll(() => reaching.remove());

describe('file lineages', () => {
  it('detect each version as detecting it whole does, over random edits of texts full of secrets', () => {
    const draw = seededRandom();
    const random = () => draw.next();
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const piece = (): string => (random() < 0.5 ? pick(examples)() : pick(['const a = 1;', '', '  x = y', 'café', 'password = "', '";', 'token: ', 'AKIA', '-----END', 'eyJ']));
    for (let round = 0; round < 60; round++) {
      const lineage = new FileLineage();
      let lines = Array.from({ length: 30 + Math.floor(random() * 60) }, piece);
      for (let version = 0; version < 8; version++) {
        const text = lines.join(random() < 0.1 ? '\r\n' : '\n');
        expect(plain(text, lineage), `seed ${draw.seed}`).toEqual(plain(text));
        // Lines inserted, deleted or replaced, or a line edited inside, at one to three places.
        for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
          const at = Math.floor(random() * (lines.length + 1));
          const kind = random();
          if (kind < 0.3) lines.splice(at, 0, piece());
          else if (kind < 0.5) lines.splice(at, 1 + Math.floor(random() * 4));
          else if (kind < 0.8) lines[at] = piece();
          else if (lines[at] !== undefined) {
            const line = lines[at]!;
            const cut = Math.floor(random() * (line.length + 1));
            lines[at] = line.slice(0, cut) + pick(['x', '"', ' ', '\n', '=']) + line.slice(cut + (random() < 0.5 ? 1 : 0));
          }
        }
        lines = lines.join('\n').split('\n');
      }
    }
  });

  it('carry a rule reading several lines only where its tries fall in step with the earlier version again', () => {
    expect(reaching.engine.rules.map((rule) => [lineReach(rule.scanner), rule.anchor !== undefined])).toEqual([
      [{ forward: 3, backward: 0 }, true],
      [{ forward: 0, backward: 2 }, true],
    ]);
    const found = (text: string, lineage?: FileLineage) =>
      detectContent(text, reaching.engine, { lineage }).map(({ ruleId, line, secret }) => ({ ruleId, line, secret: secret.reveal() }));
    const chain = Array.from({ length: 24 }, () => expandTemplate('kb_{base62:16}'));
    const marked = ['lbmark', 'x = 1', expandTemplate('lb_{base62:16}')];
    // Long unchanged ends: the versions compose (a short text is passed over whole).
    const filler = Array.from({ length: 200 }, (_, i) => `const value${i} = compute(${i});`);
    const versions = [
      [...chain, ...marked],
      [...chain.slice(0, 3), 'break', ...chain.slice(3), ...marked], // every later chain starts a line later
      [...chain.slice(0, 3), 'break', ...chain.slice(3), 'unmarked', ...marked.slice(1)], // the mark gone, two lines above the token
      [...chain.slice(0, 2), ...chain.slice(3), 'lbmark', ...marked.slice(1)],
      [...chain.slice(0, 2), ...chain.slice(3, 12), 'break', ...chain.slice(12), 'lbmark', ...marked.slice(1)],
    ].map((lines) => [...filler, ...lines, ...filler].join('\n'));
    const lineage = new FileLineage();
    for (const text of versions) expect(found(text, lineage)).toEqual(found(text));
    expect(found(versions[1]!).filter((match) => match.ruleId === 'demo-chain').map((match) => match.line)).toEqual([201, 205, 209, 213, 217, 221, 225]);
    expect(found(versions[2]!).filter((match) => match.ruleId === 'demo-marked')).toEqual([]);
  });

  it('tell line-local regexes from the others', () => {
    for (const source of ['(?<![A-Za-z0-9_-])ghp_[A-Za-z0-9]{36}', 'x(?=\\s)', '(?<=\\s\\w)x', 'a[^"\\n]{8,}b', '\\bkey\\b']) expect(isLineLocal(new RegExp(source)), source).toBe(true);
    for (const source of ['a\\s*b', 'a[^"]b', 'x(?=[\\s\\S]*y)', '(?<=\\s\\s)x', 'x(?=\\s\\s)', '[\\x00-\\x7f]', '[^]', '(?:^|[\\s"])tok', 'a\\r?\\nb', 'a(?:\\n|b)']) {
      expect(isLineLocal(new RegExp(source)), source).toBe(false);
    }
    expect(isLineLocal(/a.b/)).toBe(true);
    expect(isLineLocal(/a.b/s)).toBe(false);
    expect(lineReach(/a\s{0,64}b(?<=[\s"]b)/)).toEqual({ forward: 64, backward: 1 });
    expect(lineReach(/(?:x|\n{2}y)?z(?=\s?\n)/)).toEqual({ forward: 4, backward: 0 });
    for (const source of ['a\\s*b', 'a[^"]+b', 'x(?=[\\s\\S]*y)', 'a\\s{0,300}b']) expect(lineReach(new RegExp(source)), source).toBeUndefined();
  });
});
