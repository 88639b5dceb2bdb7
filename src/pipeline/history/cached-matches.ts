// A blob's matches as the scan cache may keep them: everything but the secret, which is kept
// only as its fingerprint under the user's key (an unsalted hash would give a weak secret away
// to anyone who copies the cache file). A later scan reads the blob again, cuts each secret out
// at its recorded place and checks it against the fingerprint — no detection run — so a key
// that stays in a file through many versions costs a read. Under another key nothing checks
// out and the blob is simply detected again.
import type { FingerprintKey } from '../../detect/fingerprint-key.js';
import { decodeText } from '../../sources/read-text.js';
import type { PlainMatch } from '../detect-blob.js';

export type CachedMatch = Omit<PlainMatch, 'secret'> & { secretFingerprint: string };

/** What to cache for a blob's matches, or undefined when a secret cannot be cut back out of the text. */
export function toCachedMatches(matches: readonly PlainMatch[], key: FingerprintKey): CachedMatch[] | undefined {
  // A decoded secret (base64 …) is not in the text as it stands; such blobs are detected again.
  if (matches.some((match) => match.decodedFrom.length > 0)) return undefined;
  return matches.map(({ secret, ...place }) => ({ ...place, secretFingerprint: key.fingerprint(secret) }));
}

/** Offsets of the starts of lines 1..n of `text`. */
function lineStarts(text: string, lines: number): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0 && starts.length < lines; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** The matches again, with their secrets cut from the blob; undefined if any does not check out. */
export function rebuildMatches(bytes: Uint8Array, cached: readonly CachedMatch[], key: FingerprintKey): PlainMatch[] | undefined {
  const decoded = decodeText(bytes);
  // Detection places secrets in the text with CRLF read as LF.
  const text = decoded.includes('\r\n') ? decoded.replaceAll('\r\n', '\n') : decoded;
  const starts = lineStarts(text, cached.reduce((last, match) => Math.max(last, match.endLine), 0));
  const rebuilt: PlainMatch[] = [];
  for (const { secretFingerprint, ...place } of cached) {
    const from = starts[place.line - 1];
    const to = starts[place.endLine - 1];
    if (from === undefined || to === undefined) return undefined;
    const secret = text.slice(from + place.column - 1, to + place.endColumn - 1);
    if (key.fingerprint(secret) !== secretFingerprint) return undefined;
    rebuilt.push({ ...place, secret });
  }
  return rebuilt;
}
