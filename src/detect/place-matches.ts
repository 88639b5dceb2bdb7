// Ties content matches to a place (path, commit, author): applies rule path globs, path and
// commit allowlists, and builds redacted Findings.
import { createHash } from 'node:crypto';
import type { Finding, Match, Origin, Secret } from '../types.js';
import { hasPlaceCriteria, placeAllows } from './allowlist.js';
import type { Engine, EngineRule } from './engine.js';
import { summaryDescription } from './list-cap.js';
import { normalizePath } from './path-matcher.js';
import { secretHash } from './secret-hash.js';

/** Hash and fingerprint per secret: a cached blob's matches are placed once per path that holds the blob. */
const identities = new WeakMap<Secret, { hash: string; fingerprint: string }>();

export function placeMatches(matches: Match[], origin: Origin, engine: Engine): Finding[] {
  const path = normalizePath(origin.path);
  const findings: Finding[] = [];
  for (const match of matches) {
    const rule = engine.ruleById.get(match.ruleId);
    if (!rule) continue; // a match cached under rules that no longer exist
    if (rule.paths && !rule.paths(path)) continue;
    if (!rule.bypass && allowedHere(engine, rule, match, path, origin.commit)) continue;
    findings.push(toFinding(match, rule, origin, path, engine));
  }
  return withoutGenericTwins(findings, engine);
}

/**
 * A path-limited rule (a Maven settings.xml, a .pypirc) can supersede a generic match of the
 * same secret only here, once the path is known: detection cannot, or a `<password>` in any
 * other XML file would be reported by neither rule.
 */
function withoutGenericTwins(findings: Finding[], engine: Engine): Finding[] {
  const ruleOf = (finding: Finding) => engine.ruleById.get(finding.ruleId)!;
  const where = (finding: Finding) => `${finding.line}:${finding.column}:${finding.secretHash}`;
  const placed = new Set(findings.filter((finding) => ruleOf(finding).paths).map(where));
  if (placed.size === 0) return findings;
  return findings.filter((finding) => ruleOf(finding).specificity > 0 || ruleOf(finding).paths !== undefined || !placed.has(where(finding)));
}

function allowedHere(engine: Engine, rule: EngineRule, match: Match, path: string, commit: string | undefined): boolean {
  for (const allowlist of engine.allowlists) {
    if (!allowlist.and && hasPlaceCriteria(allowlist) && placeAllows(allowlist, path, commit)) return true;
  }
  for (const allowlist of rule.allowlists) {
    if (!allowlist.and && hasPlaceCriteria(allowlist) && placeAllows(allowlist, path, commit)) return true;
  }
  for (const key of match.pendingAllowlists ?? []) {
    const allowlist = engine.allowlistByKey.get(key);
    if (allowlist && placeAllows(allowlist, path, commit)) return true;
  }
  return false;
}

function identityOf(secret: Secret, engine: Engine): { hash: string; fingerprint: string } {
  let identity = identities.get(secret);
  if (identity === undefined) {
    const plaintext = secret.reveal();
    identity = { hash: secretHash(plaintext), fingerprint: engine.fingerprintKey.fingerprint(plaintext) };
    identities.set(secret, identity);
  }
  return identity;
}

function toFinding(match: Match, rule: EngineRule, origin: Origin, path: string, engine: Engine): Finding {
  const { hash, fingerprint } = identityOf(match.secret, engine);
  const { id, description, severity, tags, guidance } = rule.rule;
  const finding: Finding = {
    ruleId: id,
    description: match.notListed === undefined ? description : summaryDescription(description, match.notListed),
    severity,
    tags,
    path,
    line: match.line,
    column: match.column,
    endLine: match.endLine,
    endColumn: match.endColumn,
    secret: match.secret,
    secretRedacted: match.secret.redacted,
    secretHash: hash,
    secretFingerprint: fingerprint,
    entropy: match.entropy,
    checksumValid: match.checksumValid,
    decodedFrom: match.decodedFrom,
    fingerprint: createHash('sha256').update(`${id}:${path}:${fingerprint}`).digest('hex'),
    registry: { match: false },
  };
  if (guidance !== undefined) finding.guidance = guidance;
  if (match.notListed !== undefined) finding.notListed = match.notListed;
  for (const key of ['repo', 'commit', 'within', 'author', 'email', 'date', 'message'] as const) {
    if (origin[key] !== undefined) finding[key] = origin[key];
  }
  return finding;
}
