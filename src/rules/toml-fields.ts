// Typed, validating access to one TOML table, so every config error names the file and the
// field it is about: `rules/github.toml: rules[3] (github-pat): regex: …`.
import { ConfigError } from '../errors.js';

type Table = Record<string, unknown>;

function isTable(value: unknown): value is Table {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}

export class TomlFields {
  constructor(
    readonly file: string,
    /** Where this table sits in the file, e.g. `rules[3] (github-pat)`; empty at top level. */
    readonly where: string,
    readonly table: Table,
  ) {}

  static root(file: string, document: unknown): TomlFields {
    if (!isTable(document)) throw new ConfigError(`${file}: not a TOML table`);
    return new TomlFields(file, '', document);
  }

  /** A ConfigError about one field of this table. */
  error(field: string, problem: string): ConfigError {
    const at = this.where ? `${this.where}: ` : '';
    return new ConfigError(`${this.file}: ${at}${field}: ${firstLine(problem)}`);
  }

  has(key: string): boolean {
    return this.table[key] !== undefined;
  }

  keys(): string[] {
    return Object.keys(this.table);
  }

  /** Rejects keys outside `allowed`: a misspelt field must not silently do nothing. */
  rejectUnknown(allowed: readonly string[], hint = ''): void {
    for (const key of Object.keys(this.table)) {
      if (!allowed.includes(key)) throw this.error(key, `unknown field${hint ? ` (${hint})` : ''}`);
    }
  }

  optionalString(key: string): string | undefined {
    const value = this.table[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw this.error(key, `must be a string, not ${describe(value)}`);
    return value;
  }

  string(key: string): string {
    const value = this.optionalString(key);
    if (value === undefined || value.trim() === '') throw this.error(key, 'is required (a non-empty string)');
    return value;
  }

  optionalNumber(key: string): number | undefined {
    const value = this.table[key];
    if (value === undefined) return undefined;
    const number = typeof value === 'bigint' ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isFinite(number)) {
      throw this.error(key, `must be a number, not ${describe(value)}`);
    }
    return number;
  }

  optionalBoolean(key: string): boolean | undefined {
    const value = this.table[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') throw this.error(key, `must be true or false, not ${describe(value)}`);
    return value;
  }

  stringArray(key: string): string[] {
    const value = this.table[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) throw this.error(key, `must be an array of strings, not ${describe(value)}`);
    return value.map((item, index) => {
      if (typeof item !== 'string') throw this.error(`${key}[${index}]`, `must be a string, not ${describe(item)}`);
      return item;
    });
  }

  optionalTable(key: string): TomlFields | undefined {
    const value = this.table[key];
    if (value === undefined) return undefined;
    if (!isTable(value)) throw this.error(key, `must be a table, not ${describe(value)}`);
    return new TomlFields(this.file, this.child(key), value);
  }

  /** An array of tables (`[[key]]`); `label` names each element, e.g. by its rule id. */
  tables(key: string, label?: (table: Table) => string | undefined): TomlFields[] {
    const value = this.table[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) throw this.error(key, `must be an array of tables ([[${key}]]), not ${describe(value)}`);
    return value.map((item, index) => {
      if (!isTable(item)) throw this.error(`${key}[${index}]`, `must be a table, not ${describe(item)}`);
      const name = label?.(item);
      return new TomlFields(this.file, this.child(`${key}[${index}]${name ? ` (${name})` : ''}`), item);
    });
  }

  private child(key: string): string {
    return this.where ? `${this.where}: ${key}` : key;
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (isTable(value)) return 'a table';
  if (value instanceof Date) return 'a date';
  return `a ${typeof value}`;
}

/** The rule id of a raw rule table, for labelling errors. */
export function ruleLabel(table: Table): string | undefined {
  return typeof table.id === 'string' ? table.id : undefined;
}
