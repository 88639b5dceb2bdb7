// Detection of a file's next version through its lineage (the prefilter passed over the changed
// span only, line-local rules matched on the changed lines only, their other findings carried) is
// detection of the whole text: the same matches, for the real rule pack, whatever the edit.
import { describe, expect, it } from 'vitest';
import { compileEngine } from '../../src/detect/compile-engine.js';
import { detectContent } from '../../src/detect/detect-content.js';
import { FileLineage } from '../../src/detect/file-lineage.js';
import { isLineLocal } from '../../src/detect/line-local.js';
import { loadConfig } from '../../src/rules/load-config.js';
import { realisticExample } from '../helpers/realistic-example.js';
import { seededRandom } from '../helpers/seeded-random.js';

const engine = compileEngine(loadConfig());
const plain = (text: string, lineage?: FileLineage) =>
  detectContent(text, engine, { lineage }).map((match) => ({ ...match, secret: match.secret.reveal() }));

/** Every rule's positive examples, many lines long some of them (PEM blocks, YAML block scalars). */
const examples = engine.rules.flatMap(({ rule }) => rule.examples.match.map((example) => () => realisticExample(example.text, rule).text));

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

  it('tell line-local regexes from the others', () => {
    for (const source of ['(?<![A-Za-z0-9_-])ghp_[A-Za-z0-9]{36}', 'x(?=\\s)', '(?<=\\s\\w)x', 'a[^"\\n]{8,}b', '\\bkey\\b']) expect(isLineLocal(new RegExp(source)), source).toBe(true);
    for (const source of ['a\\s*b', 'a[^"]b', 'x(?=[\\s\\S]*y)', '(?<=\\s\\s)x', 'x(?=\\s\\s)', '[\\x00-\\x7f]', '[^]', '(?:^|[\\s"])tok', 'a\\r?\\nb', 'a(?:\\n|b)']) {
      expect(isLineLocal(new RegExp(source)), source).toBe(false);
    }
    expect(isLineLocal(/a.b/)).toBe(true);
    expect(isLineLocal(/a.b/s)).toBe(false);
  });
});
