// The text a history scan detects in a git object: a blob whole; of a commit or an annotated
// tag, its message — the headers (tree, parents, author, tagger, gpgsig) are git's, not the
// author's, and a tag's signature, appended to its message, is no text of the author's either.

const HEADER_END = Buffer.from('\n\n');
/** Where git appends a tag's signature (PGP, SSH, X.509) to its message. */
const TAG_SIGNATURE = /\n-----BEGIN (?:PGP SIGNATURE|SSH SIGNATURE|SIGNED MESSAGE)-----\n/;

export function objectText(type: string, content: Uint8Array): Uint8Array {
  if (type !== 'commit' && type !== 'tag') return content;
  const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  const end = bytes.indexOf(HEADER_END);
  if (end < 0) return new Uint8Array(0);
  const message = bytes.subarray(end + HEADER_END.length);
  if (type === 'commit') return message;
  // latin1 keeps one char per byte, so the signature's offset is a byte offset.
  const signature = TAG_SIGNATURE.exec(`\n${message.toString('latin1')}`);
  return signature ? message.subarray(0, Math.max(0, signature.index)) : message;
}
