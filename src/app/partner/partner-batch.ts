// What GitHub's secret scanning partner program POSTs: a JSON array of the tokens it found,
// each `{ token, type, url, source }`. A reason for refusing never quotes the body.
export interface ReportedToken {
  token: string;
  /** The secret type, as the provider named it when joining the program. */
  type: string;
  /** Where GitHub found it (a public commit, gist, issue, package …). */
  url: string;
  /** What kind of place: `content`, `commit`, `gist`, `npm` … */
  source: string;
}

const FIELDS = ['token', 'type', 'url', 'source'] as const;

export function parsePartnerBatch(body: Buffer): { ok: true; tokens: ReportedToken[] } | { ok: false; error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, error: 'the body is not JSON' };
  }
  if (!Array.isArray(parsed)) return { ok: false, error: 'the body is not a JSON array of { token, type, url, source }' };
  for (const [index, entry] of parsed.entries()) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return { ok: false, error: `entry ${index} is not an object` };
    const missing = FIELDS.find((field) => typeof (entry as Record<string, unknown>)[field] !== 'string');
    if (missing) return { ok: false, error: `entry ${index} has no string "${missing}"` };
    if ((entry as ReportedToken).token === '') return { ok: false, error: `entry ${index} has an empty "token"` };
  }
  return { ok: true, tokens: (parsed as ReportedToken[]).map(({ token, type, url, source }) => ({ token, type, url, source })) };
}
