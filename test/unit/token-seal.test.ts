// Installation tokens are sealed under a key derived from the app's private key: only the same
// private key opens them, and only for the cache key they were sealed for.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TokenSeal } from '../../src/app/token-seal.js';

const privateKey = () => generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;

describe('TokenSeal', () => {
  const pem = privateKey();
  // Built at run time: the shape of an installation token, not one GitHub issued.
  const token = `${['g', 'h', 's'].join('')}_${randomBytes(18).toString('hex')}|2026-01-01T00:00:00Z|2026-01-01T01:00:00Z|all|contents`;

  it('opens what it sealed, in another process with the same private key', () => {
    const sealed = new TokenSeal(pem).seal(token, '42');
    expect(sealed).not.toContain(token.split('|')[0]);
    expect(new TokenSeal(pem).open(sealed, '42')).toBe(token);
  });

  it('does not open under another private key, for another cache key, or altered', () => {
    const sealed = new TokenSeal(pem).seal(token, '42');
    expect(new TokenSeal(privateKey()).open(sealed, '42')).toBeUndefined();
    expect(new TokenSeal(pem).open(sealed, '43')).toBeUndefined();
    const [version, iv, body, tag] = sealed.split('.');
    const flipped = Buffer.from(body!, 'base64');
    flipped[0]! ^= 1;
    expect(new TokenSeal(pem).open([version, iv, flipped.toString('base64'), tag].join('.'), '42')).toBeUndefined();
    expect(new TokenSeal(pem).open('not sealed', '42')).toBeUndefined();
  });

  it('seals the same token differently each time', () => {
    const seal = new TokenSeal(pem);
    expect(seal.seal(token, '42')).not.toBe(seal.seal(token, '42'));
  });
});
