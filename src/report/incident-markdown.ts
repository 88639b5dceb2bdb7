// The incident issue and its follow-up comments, as GitHub markdown. Only redacted forms,
// key ids and hash prefixes go in: the markdown is built without access to any plaintext.
import { createHash } from 'node:crypto';
import { isPublicLeak, publicPlaceOf, tokenTypeOf } from '../public-leak.js';
import type { Incident, KeyRecord, Severity, Sighting } from '../types.js';

/** Everything the issue states, gathered from the registry and the response log. */
export interface IncidentFacts {
  incident: Incident;
  key: Pick<KeyRecord, 'id' | 'label' | 'owner' | 'environment'>;
  /** The repository's web address (`https://github.com/owner/name`), for commit and file links. */
  repoUrl?: string;
  sightings: Sighting[];
  revocation: { outcome: 'revoked' | 'already-revoked'; at?: string; reason?: string };
  /** `actions-secret`: written only to the Actions secret (the owner has no public key). */
  replacement?: { keyId: string; delivery: 'sealed' | 'claim' | 'actions-secret'; actionsSecret?: ActionsSecretDelivery };
  /** Why there is no replacement, when there is none. */
  noReplacement?: string;
}

/** The Actions secret a replacement was written to (a zero-downtime rotation), or why not. */
export interface ActionsSecretDelivery {
  repo: string;
  name: string;
  written?: boolean;
  skipped?: string;
  error?: string;
}

export const INCIDENT_LABELS = ['security', 'leaked-secret'] as const;

export function incidentMarker(keyHashPrefix: string): string {
  return `<!-- leakstop:incident:${keyHashPrefix} -->`;
}

/**
 * Marks the issue or comment that reported a batch of sightings (by its first), so a resumed
 * response finds it. Derived from the place, not from a database id, so it holds across registries.
 */
export function sightingMarker(repo: string, sighting: Pick<Sighting, 'commit' | 'path' | 'line'>): string {
  const place = [repo, sighting.commit ?? '', sighting.path, String(sighting.line)].join('\0');
  return `<!-- leakstop:sighting:${createHash('sha256').update(place).digest('hex').slice(0, 12)} -->`;
}

export function incidentTitle(facts: Pick<IncidentFacts, 'incident' | 'key'>): string {
  return `Leaked key: ${facts.key.label} (${facts.incident.secretRedacted})`;
}

const SEVERITY_BADGE: Record<Severity, string> = {
  critical: '🔴 critical',
  high: '🟠 high',
  medium: '🟡 medium',
  low: '🔵 low',
  info: '⚪ info',
};

/** `2025-11-20 14:02 UTC`: to the minute, which is what a person compares. */
function when(iso: string | undefined): string {
  if (!iso) return 'unknown';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function duration(fromIso: string | undefined, toIso: string | undefined): string | undefined {
  if (!fromIso || !toIso) return undefined;
  const ms = new Date(toIso).getTime() - new Date(fromIso).getTime();
  if (!(ms >= 0)) return undefined;
  const minutes = Math.floor(ms / 60_000);
  const parts = [[Math.floor(minutes / 1440), 'd'], [Math.floor(minutes / 60) % 24, 'h'], [minutes % 60, 'min']] as const;
  const shown = parts.filter(([count]) => count > 0).map(([count, unit]) => `${count} ${unit}`);
  return shown.length > 0 ? shown.join(' ') : 'under a minute';
}

/** Markdown-safe inline code: backticks in a path cannot break out. */
function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text.replace(/\r?\n/g, ' ')}${fence}`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function sightingRows(sightings: Sighting[], repoUrl: string | undefined): string[] {
  const rows = ['| commit | path | line | committed by | commit time |', '| --- | --- | --- | --- | --- |'];
  for (const sighting of sightings) {
    const sha = sighting.commit;
    const commit = sha ? (repoUrl ? `[${code(sha.slice(0, 10))}](${repoUrl}/commit/${sha})` : code(sha.slice(0, 10))) : 'working tree';
    const encodedPath = sighting.path.split('/').map(encodeURIComponent).join('/');
    // `commit:<sha>`: the commit's own text (message, tag, note), which has no file to link to.
    const inFile = sha && repoUrl && !sighting.path.startsWith('commit:');
    const path = inFile ? `[${code(sighting.path)}](${repoUrl}/blob/${sha}/${encodedPath}#L${sighting.line})` : code(sighting.path);
    const who = sighting.author ? `${sighting.author}${sighting.email ? ` (${sighting.email})` : ''}` : 'unknown';
    rows.push(`| ${commit} | ${escapeCell(path)} | ${sighting.line} | ${escapeCell(who)} | ${when(sighting.committedAt)} |`);
  }
  return rows;
}

/** Public places GitHub reported: linked only when the address is a plain https URL. */
function publicSightingRows(incident: Incident, sightings: Sighting[]): string[] {
  const rows = ['| found at | source | token type | reported |', '| --- | --- | --- | --- |'];
  for (const sighting of sightings) {
    const { url, source } = publicPlaceOf(sighting);
    const shown = /^https:\/\/[^\s()<>\[\]]+$/.test(url) ? `[${code(url)}](${url})` : code(url);
    rows.push(`| ${escapeCell(shown)} | ${escapeCell(code(source))} | ${escapeCell(code(tokenTypeOf(incident)))} | ${when(sighting.seenAt)} |`);
  }
  return rows;
}

function whereRows(incident: Incident, sightings: Sighting[], repoUrl: string | undefined): string[] {
  return isPublicLeak(incident) ? publicSightingRows(incident, sightings) : sightingRows(sightings, repoUrl);
}

function firstCommitTime(sightings: Sighting[]): string | undefined {
  const times = sightings.map((sighting) => sighting.committedAt).filter((time): time is string => Boolean(time));
  return times.sort()[0];
}

function whatLeakstopDid(facts: IncidentFacts): string[] {
  const { revocation, replacement, key } = facts;
  const lines =
    revocation.outcome === 'revoked'
      ? [`- [x] Revoked key ${code(key.id)} at ${when(revocation.at)} — reason: ${code(revocation.reason ?? 'leaked')}`]
      : [`- [x] Found key ${code(key.id)} already revoked${revocation.at ? ` (at ${when(revocation.at)})` : ''}: not revoked again`];
  if (replacement) {
    lines.push(`- [x] Reserved replacement ${code(replacement.keyId)} with the same owner, label, environment and restrictions`);
    const secret = replacement.actionsSecret;
    if (secret?.written) lines.push(`- [x] Wrote the replacement to the Actions secret ${code(secret.name)} in ${code(secret.repo)}, so its workflows keep working`);
    else if (secret) lines.push(`- [ ] Did not write the replacement to the Actions secret ${code(secret.name)} in ${code(secret.repo)}: ${secret.error ?? secret.skipped ?? 'not written'}`);
    if (replacement.delivery === 'sealed') {
      lines.push(`- [x] Sealed the replacement to the owner's public key: the owner opens it once with \`leakstop registry claim ${replacement.keyId} --secret-key FILE\``);
    } else if (replacement.delivery === 'claim') {
      lines.push(`- [x] The replacement is minted when it is claimed and shown once: \`leakstop registry claim ${replacement.keyId}\` (needs registry access)`);
    }
  } else {
    lines.push(`- [ ] No replacement: ${facts.noReplacement ?? 'none was reserved'}`);
  }
  lines.push('- [x] Opened this issue; later sightings of the key are added as comments');
  return lines;
}

const PURGE_FROM_HISTORY =
  '- [ ] Purge the key from history with [git filter-repo](https://github.com/newren/git-filter-repo) (`git filter-repo --replace-text FILE`) or [BFG](https://rtyley.github.io/bfg-repo-cleaner/) (`bfg --replace-text FILE`) — FILE lists the key, kept outside the repository — then force-push every branch and tag and ask collaborators to re-clone';

/** What differs between a key committed to a repository and one GitHub found in public. */
function wording(incident: Incident, sightings: Sighting[]) {
  if (isPublicLeak(incident)) {
    return {
      place: 'Found',
      intro: "GitHub's secret scanning found a key issued by us in public and reported it to us (secret scanning partner program). Leakstop recognised it by its hash in the key registry and revoked it without waiting for a person. The key itself is never shown here.",
      // When it was published GitHub does not say: the window starts, at the latest, with its report.
      start: { label: 'reported by GitHub', at: sightings.map((sighting) => sighting.seenAt).sort()[0], from: "GitHub's report" },
      cleanUp: "- [ ] Ask the key's owner to have it taken down from the places above (it stays revoked either way)",
    };
  }
  return {
    place: 'Repository',
    intro: `A key issued by us was committed to ${code(incident.repo)}. Leakstop recognised it by its hash in the key registry and revoked it without waiting for a person. The key itself is never shown here.`,
    start: { label: 'committed', at: firstCommitTime(sightings), from: 'first commit' },
    cleanUp: PURGE_FROM_HISTORY,
  };
}

export function incidentBody(facts: IncidentFacts): string {
  const { incident, key, sightings } = facts;
  const words = wording(incident, sightings);
  const started = words.start.at;
  const revokedAt = facts.revocation.at;
  const exposed = duration(started, revokedAt);
  const replacementId = facts.replacement?.keyId;
  return [
    incidentMarker(incident.keyHashPrefix),
    sightingMarker(incident.repo, sightings[0]!),
    `## Leaked key: ${code(key.label)} (${code(incident.secretRedacted)})`,
    '',
    `**Severity:** ${SEVERITY_BADGE[incident.severity]} · **${words.place}:** ${code(incident.repo)} · **Key:** ${code(key.id)} (owner ${code(key.owner)}, environment ${code(key.environment)})`,
    '',
    words.intro,
    '',
    '### Where',
    ...whereRows(incident, sightings, facts.repoUrl),
    '',
    '### Exposure window',
    `| ${words.start.label} | detected | revoked |`,
    '| --- | --- | --- |',
    `| ${when(started)} | ${when(incident.detectedAt)} | ${when(revokedAt)} |`,
    '',
    exposed ? `Exposed for **${exposed}** (${words.start.from} → revocation).` : `Treat the key as exposed from its ${words.start.from} until its revocation.`,
    '',
    '### What Leakstop did',
    ...whatLeakstopDid(facts),
    '',
    '### Remediation checklist',
    `- [ ] Confirm every client of this key now uses the replacement${replacementId ? ` ${code(replacementId)}` : ''}, and nothing fails with the revoked one`,
    words.cleanUp,
    `- [ ] Review the key's usage logs for the exposure window (${when(started)} → ${when(revokedAt)}) for any use you do not recognise`,
    '',
    '<sub>Filed by Leakstop. Close this issue when the checklist is done.</sub>',
  ].join('\n');
}

/** A later sighting of an already reported key: added to the existing issue. */
export function sightingComment(incident: Incident, sightings: Sighting[], repoUrl: string | undefined): string {
  return [
    sightingMarker(incident.repo, sightings[0]!),
    isPublicLeak(incident) ? 'GitHub secret scanning reported this key again, in public:' : `Leakstop found this key again in ${code(incident.repo)}:`,
    '',
    ...whereRows(incident, sightings, repoUrl),
    '',
    'The key stays revoked. Purge these commits from history too (see the checklist above).',
  ].join('\n');
}
