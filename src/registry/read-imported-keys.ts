// `leakstop registry import`: legacy keys by hash, shape and metadata, from CSV (a header row
// names the columns) or JSON Lines (one ImportedKey object a line). Every row is checked; an
// error names the line and the field, never a value (a value may be a key pasted by mistake).
import { UsageError } from '../errors.js';
import type { ImportedKey, KeyAlphabet, KeyRestrictions, KeyShape, KeyStatus } from '../types.js';
import { parseCsv } from './parse-csv.js';

export type ImportFormat = 'csv' | 'jsonl';

const ALPHABETS: KeyAlphabet[] = ['base62', 'base64url', 'hex', 'base32'];
const STATUSES: KeyStatus[] = ['active', 'revoked'];
const HASH = /^[0-9a-fA-F]{64}$/;
/** Letters, digits and `_ - . :`: literal in a regex and in an example template. */
const PREFIX = /^[A-Za-z0-9_.:-]{0,32}$/;
const ID = /^[A-Za-z0-9_.:-]{1,64}$/;

/** CSV columns: snake_case names of ImportedKey's fields; the shape's fields are columns of their own. */
const CSV_COLUMNS = ['hash', 'prefix', 'body_length', 'alphabet', 'checksum', 'owner', 'label', 'id', 'environment', 'last_four', 'status',
  'created_at', 'restrictions'];
const REQUIRED_CSV_COLUMNS = ['hash', 'prefix', 'body_length', 'alphabet', 'owner', 'label'];
const FIELDS = ['hash', 'shape', 'owner', 'label', 'id', 'environment', 'lastFour', 'restrictions', 'status', 'createdAt'];
const SHAPE_FIELDS = ['prefix', 'bodyLength', 'alphabet', 'checksum'];

export function importFormatOf(file: string, format?: string): ImportFormat {
  const chosen = format ?? (/\.csv$/i.test(file) ? 'csv' : /\.jsonl$|\.ndjson$/i.test(file) ? 'jsonl' : undefined);
  if (chosen === 'csv' || chosen === 'jsonl') return chosen;
  throw new UsageError(format ? `--format must be csv or jsonl, not "${format}"` : `cannot tell the format of ${file}: name it .csv or .jsonl, or pass --format csv|jsonl`);
}

export function readImportedKeys(text: string, format: ImportFormat, file: string): ImportedKey[] {
  return format === 'csv' ? fromCsv(text, file) : fromJsonLines(text, file);
}

function fromJsonLines(text: string, file: string): ImportedKey[] {
  const keys: ImportedKey[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    const where = `${file} line ${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new UsageError(`${where}: not a JSON object`);
    }
    if (!isObject(value)) throw new UsageError(`${where}: not a JSON object`);
    keys.push(checkKey(value, where));
  });
  return keys;
}

function fromCsv(text: string, file: string): ImportedKey[] {
  const parsed = parseCsv(text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) throw new UsageError(`${file} line ${parsed.line}: ${parsed.error}`);
  const [header, ...rows] = parsed.records;
  if (!header) return [];
  const columns = header.fields.map((name) => name.trim().toLowerCase());
  const unknown = columns.find((name) => !CSV_COLUMNS.includes(name));
  if (unknown !== undefined) throw new UsageError(`${file} line ${header.line}: unknown column "${unknown}" (columns: ${CSV_COLUMNS.join(', ')})`);
  const missing = REQUIRED_CSV_COLUMNS.find((name) => !columns.includes(name));
  if (missing) throw new UsageError(`${file}: the header has no "${missing}" column (required: ${REQUIRED_CSV_COLUMNS.join(', ')})`);
  return rows.map((row) => {
    const where = `${file} line ${row.line}`;
    if (row.fields.length !== columns.length) throw new UsageError(`${where}: ${row.fields.length} fields where the header has ${columns.length}`);
    const cell = new Map(columns.map((name, i) => [name, row.fields[i]!.trim()]));
    const present = (name: string) => (cell.get(name) ? cell.get(name) : undefined);
    let restrictions: unknown;
    if (present('restrictions')) {
      try {
        restrictions = JSON.parse(present('restrictions')!);
      } catch {
        throw new UsageError(`${where}: restrictions must be a JSON object`);
      }
    }
    const bodyLength = present('body_length');
    return checkKey(withoutUndefined({
      hash: present('hash'),
      shape: withoutUndefined({ prefix: cell.get('prefix') ?? '', bodyLength: bodyLength === undefined ? undefined : Number(bodyLength),
        alphabet: present('alphabet'), checksum: present('checksum') }),
      owner: present('owner'),
      label: present('label'),
      id: present('id'),
      environment: present('environment'),
      lastFour: present('last_four'),
      restrictions,
      status: present('status'),
      createdAt: present('created_at'),
    }), where);
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withoutUndefined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

function checkKey(fields: Record<string, unknown>, where: string): ImportedKey {
  const fail = (field: string, rule: string) => new UsageError(`${where}: ${field} ${rule}`);
  const unknown = Object.keys(fields).find((name) => !FIELDS.includes(name));
  if (unknown) throw fail(unknown, `is not a field of an imported key (fields: ${FIELDS.join(', ')})`);
  if (typeof fields.hash !== 'string' || !HASH.test(fields.hash)) throw fail('hash', "must be the key's SHA-256 as 64 hex characters");
  const key: ImportedKey = { hash: fields.hash.toLowerCase(), shape: checkShape(fields.shape, fail), owner: text(fields.owner, 'owner', fail), label: text(fields.label, 'label', fail) };
  if (fields.id !== undefined) {
    if (typeof fields.id !== 'string' || !ID.test(fields.id)) throw fail('id', 'must be letters, digits and _ - . : (at most 64)');
    key.id = fields.id;
  }
  if (fields.environment !== undefined) key.environment = text(fields.environment, 'environment', fail);
  if (fields.lastFour !== undefined) {
    if (typeof fields.lastFour !== 'string' || fields.lastFour.length > 4) throw fail('lastFour', 'must be at most 4 characters');
    key.lastFour = fields.lastFour;
  }
  if (fields.restrictions !== undefined) {
    if (!isObject(fields.restrictions)) throw fail('restrictions', 'must be a JSON object');
    key.restrictions = fields.restrictions as KeyRestrictions;
  }
  if (fields.status !== undefined) {
    if (!STATUSES.includes(fields.status as KeyStatus)) throw fail('status', `must be ${STATUSES.join(' or ')}`);
    key.status = fields.status as KeyStatus;
  }
  if (fields.createdAt !== undefined) {
    const date = typeof fields.createdAt === 'string' ? new Date(fields.createdAt) : undefined;
    if (!date || Number.isNaN(date.getTime())) throw fail('createdAt', 'must be an ISO 8601 date');
    key.createdAt = date.toISOString();
  }
  return key;
}

function text(value: unknown, field: string, fail: (field: string, rule: string) => UsageError): string {
  if (typeof value !== 'string' || !value.trim() || value.length > 200) throw fail(field, 'must be a non-empty text of at most 200 characters');
  return value.trim();
}

function checkShape(value: unknown, fail: (field: string, rule: string) => UsageError): KeyShape {
  if (!isObject(value)) throw fail('shape', 'must be an object { prefix, bodyLength, alphabet, checksum? }');
  const unknown = Object.keys(value).find((name) => !SHAPE_FIELDS.includes(name));
  if (unknown) throw fail(`shape.${unknown}`, `is not a field of a shape (fields: ${SHAPE_FIELDS.join(', ')})`);
  const { prefix, bodyLength, alphabet, checksum } = value;
  if (typeof prefix !== 'string' || !PREFIX.test(prefix)) throw fail('prefix', 'must be at most 32 letters, digits and _ - . :');
  if (!ALPHABETS.includes(alphabet as KeyAlphabet)) throw fail('alphabet', `must be one of ${ALPHABETS.join(', ')}`);
  // Shorter bodies, or long ones without a prefix, would make every hash-like string a candidate.
  const shortest = prefix ? 8 : 20;
  if (typeof bodyLength !== 'number' || !Number.isInteger(bodyLength) || bodyLength < shortest || bodyLength > 256) {
    throw fail('bodyLength', `must be a whole number from ${shortest} to 256`);
  }
  const shape: KeyShape = { prefix, bodyLength, alphabet: alphabet as KeyAlphabet };
  if (checksum !== undefined) {
    if (checksum !== 'crc32-base62' || alphabet !== 'base62' || !prefix.endsWith('_')) {
      throw fail('checksum', 'can only be crc32-base62, for base62 keys whose prefix ends in "_"');
    }
    shape.checksum = checksum;
  }
  return shape;
}
