// The registry's key shapes as scanner rules: every string of a registered shape becomes a
// candidate to hash, whatever its entropy and whatever allowlist it stands in — the registry,
// not a heuristic, decides whether it is one of our keys.
import type { KeyAlphabet, KeyShape, Rule } from '../types.js';

const CLASSES: Record<KeyAlphabet, string> = {
  base62: '0-9A-Za-z',
  base64url: '0-9A-Za-z_\\-',
  hex: '0-9a-fA-F',
  base32: 'A-Z2-7',
};

/** Example placeholders (src/rules/example-template.ts) of a body of each alphabet. */
const TEMPLATES: Record<KeyAlphabet, string> = { base62: 'base62', base64url: 'base64url', hex: 'hex', base32: 'base32' };

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The body may not run on into more characters of its alphabet (another, longer string). Before
 * a prefix anything may stand — `\n` in an escaped JSON string, `%3D` in a URL-encoded one — so
 * only a prefix-less shape needs a boundary there, one that still lets such an escape touch it.
 */
function shapeRegex(shape: KeyShape): RegExp {
  const body = CLASSES[shape.alphabet];
  const before = shape.prefix ? '' : `(?:(?<![${body}])|(?<=%[0-9A-Fa-f]{2}|\\\\[nrt]))`;
  return new RegExp(`${before}${shapePattern(shape)}(?![${body}])`);
}

/** The key itself, without boundaries: the prefix and the body's alphabet and length. */
export function shapePattern(shape: KeyShape): string {
  return `${escapeRegex(shape.prefix)}[${CLASSES[shape.alphabet]}]{${shape.bodyLength}}`;
}

/** The character class of the shape's body, for boundaries around it. */
export function shapeAlphabetClass(shape: KeyShape): string {
  return `[${CLASSES[shape.alphabet]}]`;
}

/** Whether a whole string has one of the shapes (a checksum is not asked for: the shape alone says "ours"). */
export function registeredShapeTest(shapes: readonly KeyShape[]): (text: string) => boolean {
  const whole = shapes.map((shape) => new RegExp(`^${shapePattern(shape)}$`));
  return (text) => whole.some((regex) => regex.test(text));
}

function exampleBody(shape: KeyShape): string {
  return shape.checksum ? `{crc32:${shape.bodyLength - 6}}` : `{${TEMPLATES[shape.alphabet]}:${shape.bodyLength}}`;
}

function baseId(shape: KeyShape): string {
  const name = shape.prefix.replace(/[^A-Za-z0-9._-]/g, '').replace(/[^A-Za-z0-9]+$/, '');
  return `registry-${name || `${shape.alphabet}${shape.bodyLength}`}`;
}

export function rulesFromShapes(shapes: readonly KeyShape[]): Rule[] {
  const ids = new Map<string, number>();
  return shapes.map((shape) => {
    const base = baseId(shape);
    const seen = ids.get(base) ?? 0;
    ids.set(base, seen + 1);
    const rule: Rule = {
      id: seen === 0 ? base : `${base}-${seen + 1}`,
      description: `Registered key (${shape.prefix ? `${shape.prefix} + ` : ''}${shape.bodyLength} ${shape.alphabet} characters)`,
      provider: 'Leakstop registry',
      regex: shapeRegex(shape),
      secretGroup: 0,
      keywords: shape.prefix ? [shape.prefix.toLowerCase()] : [],
      entropy: 0,
      paths: [],
      allowlists: [],
      tags: ['registry'],
      severity: 'critical',
      guidance: 'A key from our registry: `leakstop registry show KEY_ID` names its owner; revoke it with `leakstop revoke KEY_ID --reason … --replace`.',
      examples: { match: [{ text: `key = "«${shape.prefix}${exampleBody(shape)}»"` }], noMatch: [] },
      source: 'registry',
      bypassAllowlists: true,
    };
    if (shape.checksum) rule.checksum = shape.checksum;
    return rule;
  });
}
