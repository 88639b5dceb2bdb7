// Git paths are bytes. The history walk keeps them as latin1 strings (one char per byte,
// lossless); reports show them as UTF-8 or, for a path that is not valid UTF-8, with every
// non-ASCII byte %-escaped (not `\xNN`: path handling downstream reads `\` as a separator).

/** A raw path (latin1: one char per byte) as a report shows it, e.g. `caf%E9.txt`. */
export function displayPath(raw: string): string {
  // Pure ASCII, the common case, is the same in every encoding.
  if (!/[^\x00-\x7f]/.test(raw)) return raw;
  const bytes = Buffer.from(raw, 'latin1');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    let shown = '';
    for (const byte of bytes) shown += byte < 0x80 ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    return shown;
  }
}
