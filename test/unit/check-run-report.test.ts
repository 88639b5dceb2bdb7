// The check run a commit gets: conclusion, a summary that states what was scanned, and one
// annotation per finding with the redacted secret — never the plaintext.
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderCheckRun } from '../../src/report/check-run.js';
import { emptyStats } from '../../src/sources/scan-stats.js';
import { Secret, type Finding, type RegistryMatch } from '../../src/types.js';

function finding(line: number, registry: RegistryMatch = { match: false }): Finding {
  const plaintext = `tok_${randomBytes(20).toString('hex')}`;
  const secret = new Secret(plaintext);
  return {
    ruleId: registry.match ? 'leakstop-key' : 'demo-token',
    description: 'Demo token',
    severity: 'high',
    tags: [],
    guidance: 'Rotate it in the demo console.',
    path: `src/file-${line}.ts`,
    line,
    column: 7,
    endLine: line,
    endColumn: 7 + plaintext.length,
    commit: 'a'.repeat(40),
    author: 'Ada Tester',
    secret,
    secretRedacted: secret.redacted,
    secretHash: createHash('sha256').update(plaintext).digest('hex'),
    secretFingerprint: createHash('sha256').update(`keyed ${plaintext}`).digest('hex'),
    entropy: 4,
    checksumValid: false,
    decodedFrom: [],
    fingerprint: `fp-${line}`,
    registry,
  };
}

function result(findings: Finding[]) {
  return { findings, stats: { ...emptyStats(), commits: 2, blobs: 5, bytes: 2048 } };
}

const base = { scope: 'push 1234567..89abcde to main', annotateThirdParty: true, responses: new Map<string, string>(), notes: [] };

describe('check run report', () => {
  it('succeeds when nothing is found and says what was scanned', () => {
    const report = renderCheckRun({ ...base, result: result([]) });
    expect(report.conclusion).toBe('success');
    expect(report.title).toBe('No secrets found');
    expect(report.summary).toContain('Leakstop scanned push 1234567..89abcde to main.');
    expect(report.summary).toContain('Scanned 2 commits, 5 blobs, 2.0 KB');
    expect(report.annotations).toEqual([]);
  });

  it('fails with one annotation per finding, at its place, redacted, with guidance', () => {
    const findings = Array.from({ length: 120 }, (_, index) => finding(index + 1));
    const report = renderCheckRun({ ...base, result: result(findings) });
    expect(report.conclusion).toBe('failure');
    expect(report.annotations).toHaveLength(120);
    const first = report.annotations[0]!;
    expect(first).toMatchObject({ path: 'src/file-1.ts', start_line: 1, end_line: 1, start_column: 7, annotation_level: 'failure' });
    expect(first.message).toContain(findings[0]!.secretRedacted);
    expect(first.message).toContain('Rotate it in the demo console.');
    const everything = JSON.stringify(report);
    for (const f of findings) expect(everything).not.toContain(f.secret.reveal());
  });

  it('says what the response did for a registered key', () => {
    const hit = finding(3, { match: true, keyId: 'key_1', owner: 'acct_9', label: 'billing', status: 'active' });
    const responses = new Map([['key_1', 'revoked; incident http://example.test/acme/api/issues/1.']]);
    const report = renderCheckRun({ ...base, result: result([hit]), responses });
    expect(report.title).toBe('1 secret found (1 registered key revoked)');
    expect(report.annotations[0]!.message).toContain('Registered key key_1 (owner acct_9, "billing")');
    expect(report.annotations[0]!.message).toContain('revoked; incident http://example.test/acme/api/issues/1.');
    expect(report.summary).toContain('Key key_1: revoked; incident');
  });

  it('lists but does not annotate third-party keys when the repository says so', () => {
    const hit = finding(3, { match: true, keyId: 'key_1', owner: 'acct_9', label: 'billing', status: 'active' });
    const report = renderCheckRun({ ...base, annotateThirdParty: false, result: result([finding(1), hit]) });
    expect(report.annotations.map((a) => a.start_line)).toEqual([3]);
    expect(report.summary).toContain('1 third-party finding not annotated');
    const onlyThirdParty = renderCheckRun({ ...base, annotateThirdParty: false, result: result([finding(1)]) });
    expect(onlyThirdParty.conclusion).toBe('neutral');
    expect(onlyThirdParty.annotations).toEqual([]);
  });
});
