import { describe, expect, it } from 'vitest';
import { commentBatches, incidentState } from '../../src/respond/incident-state.js';
import type { ResponseStep, ResponseStepName, Sighting } from '../../src/types.js';

const sightings: Sighting[] = [1, 2, 3, 4].map((id) => ({ id, incidentId: 1, path: `f${id}`, line: id, seenAt: '2025-01-01T00:00:00Z' }));

function step(name: ResponseStepName, state: ResponseStep['state'], intent: Record<string, unknown> = {}, outcome?: Record<string, unknown>): ResponseStep {
  return { incidentId: 1, step: name, state, intent, outcome, attempts: 1, startedAt: '2025-01-01T00:00:00Z' };
}

const settled = [step('revoke', 'done', {}, {}), step('replace', 'done', {}, {}), step('deliver', 'done', {}, {})];

describe('incident state', () => {
  it('is pending on the first step not done, and failed when a step failed', () => {
    expect(incidentState([], sightings)).toEqual({ state: 'pending', waitingFor: 'revoke' });
    expect(incidentState([step('revoke', 'started')], sightings)).toEqual({ state: 'pending', waitingFor: 'revoke (interrupted)' });
    expect(incidentState([...settled, { ...step('issue', 'failed'), error: 'HTTP 502' }], sightings)).toEqual({ state: 'failed', step: 'issue', error: 'HTTP 502' });
  });

  it('is complete when the issue filed every sighting', () => {
    const issue = step('issue', 'done', { sightingIds: [1, 2, 3, 4] }, { created: true });
    expect(incidentState([...settled, issue], sightings)).toEqual({ state: 'complete' });
  });

  it('waits for comments on sightings the issue did not file', () => {
    const issue = step('issue', 'done', { sightingIds: [1, 2] }, { created: true });
    expect(incidentState([...settled, issue], sightings)).toEqual({ state: 'pending', waitingFor: 'a comment on 2 new sighting(s)' });
    expect(commentBatches([...settled, issue], sightings)).toEqual([[sightings[2], sightings[3]]]);
  });

  it("keeps a batch together: an unfinished comment's, and the issue's own when the issue already existed", () => {
    const issue = step('issue', 'done', { sightingIds: [1] }, { created: false });
    const comment = step('comment:2', 'started', { sightingIds: [2, 3] });
    expect(commentBatches([...settled, issue, comment], sightings)).toEqual([[sightings[0]], [sightings[1], sightings[2]], [sightings[3]]]);
    const done = step('comment:1', 'done', { sightingIds: [1] });
    expect(commentBatches([...settled, issue, done, { ...comment, state: 'done' }], sightings)).toEqual([[sightings[3]]]);
  });

  it('has nothing to comment on for a repository without issues', () => {
    const skipped = step('issue', 'done', {}, { skipped: 'not a GitHub repository' });
    expect(incidentState([...settled, skipped], sightings)).toEqual({ state: 'complete' });
  });
});
