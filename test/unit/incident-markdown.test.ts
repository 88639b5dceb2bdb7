import { describe, expect, it } from 'vitest';
import { incidentBody, incidentMarker, incidentTitle, sightingComment, sightingMarker, type IncidentFacts } from '../../src/report/incident-markdown.js';
import type { Incident, Sighting } from '../../src/types.js';

const incident: Incident = {
  id: 3,
  repo: 'acme/shop',
  keyId: 'key_fake1',
  keyHashPrefix: '0123456789ab',
  secretRedacted: 'lk_live_AbCd…xyz',
  severity: 'critical',
  ruleId: 'leakstop-registry',
  detectedAt: '2025-01-03T10:00:30Z',
  actor: { kind: 'cli', name: 'ada' },
};

const sighting = (id: number, path: string, line: number, commit = 'c0ffee'.padEnd(40, '0')): Sighting => ({
  id,
  incidentId: 3,
  commit,
  path,
  line,
  author: 'Ada Tester',
  email: 'ada@example.test',
  committedAt: '2025-01-01T08:00:00Z',
  seenAt: '2025-01-03T10:00:30Z',
});

const facts = (extra: Partial<IncidentFacts> = {}): IncidentFacts => ({
  incident,
  key: { id: 'key_fake1', label: 'payments', owner: 'acct_1', environment: 'live' },
  repoUrl: 'https://github.example/acme/shop',
  sightings: [sighting(1, 'config/a b.env', 4)],
  revocation: { outcome: 'revoked', at: '2025-01-03T10:01:00Z', reason: 'leaked in acme/shop@c0ffee:config/a b.env:4' },
  replacement: { keyId: 'key_fake2', delivery: 'claim' },
  ...extra,
});

describe('the incident issue', () => {
  it('has the label and redacted key in its title, and the hidden marker first', () => {
    expect(incidentTitle(facts())).toBe('Leaked key: payments (lk_live_AbCd…xyz)');
    expect(incidentBody(facts()).startsWith(`${incidentMarker('0123456789ab')}\n<!-- leakstop:sighting:`)).toBe(true);
  });

  it('links the commit and the line, with the path encoded', () => {
    const body = incidentBody(facts());
    const sha = 'c0ffee'.padEnd(40, '0');
    expect(body).toContain(`(https://github.example/acme/shop/commit/${sha})`);
    expect(body).toContain(`(https://github.example/acme/shop/blob/${sha}/config/a%20b.env#L4) | 4 | Ada Tester (ada@example.test) |`);
  });

  it('states the exposure window and what was done', () => {
    const body = incidentBody(facts());
    expect(body).toContain('| 2025-01-01 08:00 UTC | 2025-01-03 10:00 UTC | 2025-01-03 10:01 UTC |');
    expect(body).toContain('Exposed for **2 d 2 h 1 min**');
    expect(body).toContain('`leakstop registry claim key_fake2`');
    expect(body).toContain('- [ ] Confirm every client of this key now uses the replacement `key_fake2`');
  });

  it('says so when the key was already revoked and not replaced', () => {
    const body = incidentBody(facts({ revocation: { outcome: 'already-revoked', at: '2024-12-01T00:00:00Z' }, replacement: undefined, noReplacement: 'the key was already revoked before this incident' }));
    expect(body).toContain('already revoked (at 2024-12-01 00:00 UTC): not revoked again');
    expect(body).toContain('- [ ] No replacement: the key was already revoked before this incident');
  });

  it('keeps a path with a pipe or backtick inside its table cell', () => {
    const body = incidentBody(facts({ sightings: [sighting(1, 'odd|na`me.txt', 1)] }));
    const row = body.split('\n').find((line) => line.includes('odd'))!;
    expect(row.split(' | ')).toHaveLength(5);
    expect(row).toContain('``odd\\|na`me.txt``');
  });
});

describe('a later sighting comment', () => {
  it('carries the marker of its first sighting, which depends on the place only', () => {
    const later = [sighting(7, 'b.txt', 2, 'f'.repeat(40))];
    const comment = sightingComment(incident, later, 'https://github.example/acme/shop');
    expect(comment.startsWith(sightingMarker('acme/shop', { commit: 'f'.repeat(40), path: 'b.txt', line: 2 }))).toBe(true);
    expect(sightingMarker('acme/shop', later[0]!)).not.toBe(sightingMarker('acme/shop', { ...later[0]!, line: 3 }));
    expect(comment).toContain('#L2');
  });
});
