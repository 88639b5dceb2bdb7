// `leakstop respond --resume` on a key GitHub found in public whose worker died before filing
// its issue: without LEAKSTOP_SECURITY_REPO the issue waits (it is never filed where the key
// was found, nor given up); with it, the issue goes to the security repository, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicLeakRuleId, publicSighting, PUBLIC_LEAK_REPO } from '../../src/public-leak.js';
import { keyHint } from '../../src/redact.js';
import { RespondWorld } from '../helpers/respond-world.js';

let world: RespondWorld;

beforeAll(async () => {
  world = await RespondWorld.start();
  await world.createRepo('acme', 'security');
});

afterAll(async () => {
  await world?.close();
});

describe('resuming the response to a key found in public', () => {
  it('leaves the issue waiting without a security repository, then files it there', async () => {
    const issued = await world.issueKey({ owner: 'acct_8', label: 'search' });
    const url = 'https://gist.github.com/someone/0123456789abcdef';
    // What a partner-alert job records before it responds (the app's worker died right after).
    await world.withRegistry((registry) =>
      registry.responses.recordSighting(
        { repo: PUBLIC_LEAK_REPO, keyId: issued.record.id, keyHashPrefix: issued.record.hash.slice(0, 12), secretRedacted: keyHint(issued.record), severity: 'critical', ruleId: publicLeakRuleId('lk_live_key'), actor: { kind: 'app', name: 'test' } },
        publicSighting({ url, source: 'gist' }),
      ),
    );

    // Settled, but not complete: the command says so (exit 2), and the issue step is not recorded at all.
    const without = await world.cli(['respond', '--resume']);
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(/1 incident\(s\) not complete/);
    expect((await world.key(issued.record.id))?.status).toBe('revoked');
    const steps = await world.withRegistry(async (registry) => registry.responses.steps((await registry.responses.incidents())[0]!.id));
    expect(steps.find((step) => step.step === 'issue')).toBeUndefined();

    const withRepo = await world.cli(['respond', '--resume'], { env: { LEAKSTOP_SECURITY_REPO: 'acme/security' } });
    expect(withRepo.code, withRepo.stderr).toBe(0);
    const [issue, ...more] = world.issuesOf('acme', 'security');
    expect(more).toEqual([]);
    expect(issue!.body).toContain(url);
    expect(issue!.body).toContain('`gist`');
    expect((await world.cli(['respond', '--resume'], { env: { LEAKSTOP_SECURITY_REPO: 'acme/security' } })).code).toBe(0);
    expect(world.issuesOf('acme', 'security')).toHaveLength(1);
    expect(world.everythingSeen()).not.toContain(issued.plaintext);
  });
});
