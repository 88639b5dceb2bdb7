// Reading request bodies the way GitHub validates them: a required field that is absent is
// "<field> wasn't supplied", a field of the wrong type names the type it must be.
import { invalidRequest } from './api.js';

export function requiredString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (value === undefined) throw invalidRequest(`"${field}" wasn't supplied.`);
  if (typeof value !== 'string') throw invalidRequest(`For 'properties/${field}', ${JSON.stringify(value)} is not a string.`);
  return value;
}

export function optionalString(body: Record<string, unknown>, field: string): string | null | undefined {
  const value = body[field];
  if (value === undefined || value === null || typeof value === 'string') return value;
  throw invalidRequest(`For 'properties/${field}', ${JSON.stringify(value)} is not a string or null.`);
}

export function optionalStringList(body: Record<string, unknown>, field: string): string[] | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw invalidRequest(`For 'properties/${field}', ${JSON.stringify(value)} is not an array.`);
  return value.map((item) => {
    // GitHub accepts labels as names or as `{ name }` objects.
    if (typeof item === 'string') return item;
    if (item && typeof item === 'object' && typeof (item as { name?: unknown }).name === 'string') {
      return (item as { name: string }).name;
    }
    throw invalidRequest(`For 'items', ${JSON.stringify(item)} is not a string.`);
  });
}

export function optionalEnum<T extends string>(body: Record<string, unknown>, field: string, allowed: readonly T[]): T | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw invalidRequest(
    `For 'properties/${field}', ${JSON.stringify(value)} is not a member of [${allowed.map((a) => JSON.stringify(a)).join(', ')}].`,
  );
}

export function requiredEnum<T extends string>(body: Record<string, unknown>, field: string, allowed: readonly T[]): T {
  if (body[field] === undefined) throw invalidRequest(`"${field}" wasn't supplied.`);
  return optionalEnum(body, field, allowed)!;
}

export function requiredInteger(body: Record<string, unknown>, field: string): number {
  const value = body[field];
  if (value === undefined) throw invalidRequest(`"${field}" wasn't supplied.`);
  if (!Number.isInteger(value)) throw invalidRequest(`For 'properties/${field}', ${JSON.stringify(value)} is not an integer.`);
  return value as number;
}
