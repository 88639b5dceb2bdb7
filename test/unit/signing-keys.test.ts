// GitHub's secret-scanning signing keys as the partner endpoint reads them: read once and again once
// an hour old (a withdrawn key stops being accepted), asked again for an unknown identifier; each
// kind of fetch at most once in 10 s, failed fetches included.
import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { gitHubSigningKeys } from '../../src/app/partner/signing-keys.js';

const pem = () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
const [first, second] = [pem(), pem()];

let listed: { key_identifier: string; key: string }[] = [];
let failing = false;
let requests = 0;
const server = http.createServer((_request, response) => {
  requests++;
  if (failing) response.writeHead(500).end();
  else response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ public_keys: listed }));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const apiBaseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
afterAll(() => new Promise((resolve) => server.close(resolve)));
afterEach(() => vi.useRealTimers());

function fresh() {
  requests = 0;
  failing = false;
  listed = [{ key_identifier: 'k1', key: first }];
  const problems: string[] = [];
  return { keys: gitHubSigningKeys(apiBaseUrl, (line) => problems.push(line)), problems };
}

describe('GitHub signing keys', () => {
  it('fetch once, and once more for an unknown identifier, not again within 10 s', async () => {
    const { keys } = fresh();
    expect(await keys.get('k1')).toBeDefined();
    expect(await keys.get('k1')).toBeDefined();
    expect(requests).toBe(1);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 11_000 });
    listed = [{ key_identifier: 'k1', key: first }, { key_identifier: 'k2', key: second }];
    expect(await keys.get('k2')).toBeDefined();
    expect(await keys.get('forged')).toBeUndefined();
    expect(requests).toBe(2);
  });

  it('stop accepting a key GitHub withdrew once the keys are an hour old', async () => {
    const { keys } = fresh();
    expect(await keys.get('k1')).toBeDefined();
    listed = [{ key_identifier: 'k2', key: second }];
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61 * 60_000 });
    // Read again for being old, then asked once more for the identifier it no longer lists.
    expect(await keys.get('k1')).toBeUndefined();
    expect(await keys.get('k2')).toBeDefined();
    expect(await keys.get('k1')).toBeUndefined();
    expect(requests).toBe(3);
  });

  it('fetch no more than once in 10 s while GitHub fails, and keep the keys read before', async () => {
    const { keys, problems } = fresh();
    failing = true;
    // One reading and one asking for the identifier, then nothing for 10 s.
    for (let i = 0; i < 5; i++) expect(await keys.get('k1')).toBeUndefined();
    expect(requests).toBe(2);
    expect(new Set(problems)).toEqual(new Set(["cannot read GitHub's secret scanning public keys: GitHub answered 500"]));
    failing = false;
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 11_000 });
    expect(await keys.get('k1')).toBeDefined();
    failing = true;
    vi.setSystemTime(Date.now() + 61 * 60_000);
    expect(await keys.get('k1')).toBeDefined();
    expect(requests).toBe(4);
  });
});
