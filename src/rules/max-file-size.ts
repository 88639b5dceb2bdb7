// `maxFileSize` as bytes or a size with a unit: "10MB", "512 KiB", "1.5G". Units are binary
// (1 KB = 1024 bytes), as file managers and `du` count.

export type MaxFileSizeResult = { ok: true; bytes: number } | { ok: false; error: string };

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };
const SIZE = /^(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?$/i;

export function parseMaxFileSize(value: string | number): MaxFileSizeResult {
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value > 0) return { ok: true, bytes: value };
    return { ok: false, error: `${value} is not a positive whole number of bytes` };
  }
  const size = SIZE.exec(value.trim());
  if (!size) return { ok: false, error: `"${value}" is not a size; write bytes or a size like "10MB"` };
  const bytes = Math.round(Number(size[1]) * UNITS[size[2]!.toLowerCase()]!);
  if (bytes <= 0) return { ok: false, error: `"${value}" must be more than 0 bytes` };
  return { ok: true, bytes };
}
