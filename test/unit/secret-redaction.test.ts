import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { redact } from '../../src/redact.js';
import { expandTemplate } from '../../src/rules/example-template.js';
import { Secret } from '../../src/types.js';

describe('redact', () => {
  it('keeps a vendor prefix and a few characters of a long body', () => {
    const body = expandTemplate('{base62:40}');
    expect(redact(`sk_live_${body}`)).toBe(`sk_live_${body.slice(0, 4)}…${body.slice(-3)}`);
  });

  it('shows a key that ends in its own checksum as prefix and last four, none of its random part', () => {
    const key = expandTemplate('lk_live_{crc32:43}');
    expect(redact(key)).toBe(`lk_live_…${key.slice(-4)}`);
    const token = expandTemplate('ghp_{crc32:30}');
    expect(redact(token)).toBe(`ghp_…${token.slice(-4)}`);
  });

  it('shows less of a short secret, and nothing of a very short one', () => {
    expect(redact('abcdefghijklmnop')).toBe('ab…op');
    expect(redact('hunter2')).toBe('…');
  });
});

describe('Secret', () => {
  it('never turns into its plaintext by accident', () => {
    const plaintext = expandTemplate('ghp_{crc32:30}');
    const secret = new Secret(plaintext);
    const renderings = [String(secret), `${secret}`, JSON.stringify({ secret }), inspect(secret), inspect({ nested: { secret } })];
    for (const rendering of renderings) expect(rendering).not.toContain(plaintext);
    expect(secret.reveal()).toBe(plaintext);
    expect(secret.redacted).toBe(redact(plaintext));
  });
});
