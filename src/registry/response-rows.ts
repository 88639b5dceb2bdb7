// Rows of the response-log tables as domain objects: one mapping for both backends (SQLite
// gives text and numbers, PostgreSQL gives Dates and parsed JSON).
import type { Incident, OwnerKey, Replacement, ResponseStep, ResponseStepName, Severity, Sighting } from '../types.js';
import { iso, json, optionalIso, optionalText } from './row-values.js';

type Row = Record<string, unknown>;

export function incidentFromRow(row: Row): Incident {
  return {
    id: Number(row.id),
    repo: String(row.repo),
    keyId: String(row.key_id),
    keyHashPrefix: String(row.key_hash_prefix),
    secretRedacted: String(row.secret_redacted),
    severity: String(row.severity) as Severity,
    ruleId: String(row.rule_id),
    detectedAt: iso(row.detected_at),
    actor: { kind: row.actor_kind === 'app' ? 'app' : 'cli', name: String(row.actor_name) },
  };
}

export function sightingFromRow(row: Row): Sighting {
  return {
    id: Number(row.id),
    incidentId: Number(row.incident_id),
    commit: optionalText(row.commit_sha),
    path: String(row.path),
    line: Number(row.line),
    author: optionalText(row.author),
    email: optionalText(row.email),
    committedAt: optionalText(row.committed_at),
    seenAt: iso(row.seen_at),
  };
}

export function stepFromRow(row: Row): ResponseStep {
  return {
    incidentId: Number(row.incident_id),
    step: String(row.step) as ResponseStepName,
    state: String(row.state) as ResponseStep['state'],
    intent: json(row.intent) ?? {},
    outcome: json(row.outcome),
    error: optionalText(row.error),
    attempts: Number(row.attempts),
    startedAt: iso(row.started_at),
    finishedAt: optionalIso(row.finished_at),
  };
}

export function replacementFromRow(row: Row): Replacement {
  return {
    id: String(row.id),
    replaces: String(row.replaces),
    owner: String(row.owner),
    state: String(row.state) as Replacement['state'],
    sealedBox: optionalText(row.sealed_box),
    reservedAt: iso(row.reserved_at),
    sealedAt: optionalIso(row.sealed_at),
    claimedAt: optionalIso(row.claimed_at),
  };
}

export function ownerKeyFromRow(row: Row): OwnerKey {
  return { owner: String(row.owner), publicKey: String(row.public_key), addedAt: iso(row.added_at) };
}

/** Steps in the order they run: the registry's three, the issue, then its comments. */
export const STEP_ORDER = "CASE step WHEN 'revoke' THEN 0 WHEN 'replace' THEN 1 WHEN 'deliver' THEN 2 WHEN 'issue' THEN 3 ELSE 4 END, started_at";
