// Column values read back from either backend: SQLite gives text and numbers, PostgreSQL gives
// Dates, parsed JSON and bigints as strings. One reading for both keeps them identical.

export function iso(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

export function optionalIso(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : iso(value);
}

export function optionalText(value: unknown): string | undefined {
  return value === null || value === undefined || value === '' ? undefined : String(value);
}

export function json(value: unknown): Record<string, unknown> | undefined {
  if (value === null || value === undefined) return undefined;
  return (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;
}
