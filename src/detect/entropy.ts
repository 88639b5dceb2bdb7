// Shannon entropy of a secret, in bits per character: how unpredictable its characters are.
// A rule's floor is set for its key's alphabet (hex tops out at 4, base62 near 5.95).

const counts = new Uint32Array(65536);

export function shannonEntropy(text: string): number {
  const length = text.length;
  if (length === 0) return 0;
  for (let i = 0; i < length; i++) counts[text.charCodeAt(i)]!++;
  let entropy = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    const count = counts[code]!;
    if (count === 0) continue; // already counted
    const p = count / length;
    entropy -= p * Math.log2(p);
    counts[code] = 0;
  }
  return entropy;
}
