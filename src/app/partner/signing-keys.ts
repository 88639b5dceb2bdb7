// The public keys GitHub signs secret-scanning partner alerts with, from
// `GET /meta/public_keys/secret_scanning`. Kept in memory and read again once they are KEYS_TTL_MS
// old (a key GitHub withdraws stops being accepted within that time); an identifier not among them
// makes one fresh fetch (GitHub rotates its keys). Fetches come at most one every REFETCH_MS, failed
// ones included, so a stream of forged identifiers cannot turn this endpoint into a flood of
// requests to GitHub.
import { createPublicKey, type KeyObject } from 'node:crypto';
import { gitHubFetch } from '../../respond/github-fetch.js';

const REFETCH_MS = 10_000;
const KEYS_TTL_MS = 60 * 60_000;

interface PublicKeysBody {
  public_keys?: { key_identifier?: unknown; key?: unknown }[];
}

export interface SigningKeys {
  /** The key GitHub names by this identifier; undefined when GitHub does not list it (or cannot be asked). */
  get(identifier: string): Promise<KeyObject | undefined>;
}

export function gitHubSigningKeys(apiBaseUrl: string, onProblem: (line: string) => void): SigningKeys {
  let keys = new Map<string, KeyObject>();
  let fetchedAt = -Infinity;
  let inFlight: Promise<void> | undefined;

  const fetchKeys = async () => {
    try {
      const response = await gitHubFetch(`${apiBaseUrl}/meta/public_keys/secret_scanning`, {
        headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new Error(`GitHub answered ${response.status}`);
      const body = (await response.json()) as PublicKeysBody;
      const next = new Map<string, KeyObject>();
      for (const entry of body.public_keys ?? []) {
        if (typeof entry.key_identifier !== 'string' || typeof entry.key !== 'string') continue;
        try {
          next.set(entry.key_identifier, createPublicKey(entry.key));
        } catch {
          onProblem(`GitHub listed secret scanning key ${entry.key_identifier.slice(0, 80)} that is not a public key: skipped`);
        }
      }
      keys = next;
      fetchedAt = Date.now();
    } catch (error) {
      // The keys read before stay in use: GitHub being unreachable for a while must not refuse every alert.
      onProblem(`cannot read GitHub's secret scanning public keys: ${(error as Error).message.split('\n')[0]}`);
    }
  };

  /** A fetch, unless this kind of fetch ran less than REFETCH_MS ago; a caller arriving during one waits for it. */
  const fetchAtMostEvery = (kind: { at: number }) => {
    if (!inFlight && Date.now() - kind.at >= REFETCH_MS) {
      kind.at = Date.now();
      inFlight = fetchKeys().finally(() => (inFlight = undefined));
    }
    return inFlight;
  };
  // Reading the keys (first or once stale), and asking again for an unknown identifier: each at most once in REFETCH_MS.
  const reading = { at: -Infinity };
  const asking = { at: -Infinity };

  return {
    async get(identifier) {
      if (Date.now() - fetchedAt >= KEYS_TTL_MS) await fetchAtMostEvery(reading);
      const known = keys.get(identifier);
      if (known) return known;
      await fetchAtMostEvery(asking);
      return keys.get(identifier);
    },
  };
}
