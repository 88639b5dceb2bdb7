// Recall for registered keys is 100%: every registered key is found and marked as ours in every
// context a key turns up in — quoted, in URLs, encoded, escaped, minified, allowlisted — through
// the real scan pipeline (rules + registry shapes → detect → registry). Low-entropy legacy keys
// and keys without a prefix included: the registry's shapes, not entropy, pick what to hash.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FingerprintKey } from '../../src/detect/fingerprint-key.js';
import { secretHash } from '../../src/detect/secret-hash.js';
import { attachRegistry, detectFragments, prepareScan, type PreparedScan } from '../../src/pipeline/run-scan.js';
import { openRegistry } from '../../src/registry/open-registry.js';
import { expandTemplate } from '../../src/rules/example-template.js';
import type { Actor, Fragment, KeyRecord, KeyRegistry } from '../../src/types.js';
import { REGISTRY_BACKENDS, type TestRegistry } from '../helpers/registry-backends.js';

const actor: Actor = { kind: 'cli', name: 'recall-test' };
const b64 = (text: string) => Buffer.from(text).toString('base64');
const percentEncodeAll = (text: string) => [...Buffer.from(text)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');

/** A context: a file path and its text around a key, and the line the finding must be on. */
interface Context {
  name: string;
  path: string;
  text: (key: string) => string;
  line: number;
}

const CONTEXTS: Context[] = [
  { name: 'plain text', path: 'NOTES.txt', text: (k) => `The service key is ${k}.\n`, line: 1 },
  { name: 'quoted JSON', path: 'config.json', text: (k) => `{\n  "apiKey": "${k}",\n  "region": "eu"\n}\n`, line: 2 },
  { name: 'YAML', path: 'deploy.yml', text: (k) => `service:\n  api_key: ${k}\n  replicas: 2\n`, line: 2 },
  { name: '.env', path: '.env', text: (k) => `# production\nAPI_KEY=${k}\n`, line: 2 },
  { name: 'XML', path: 'settings.xml', text: (k) => `<settings>\n  <key>${k}</key>\n</settings>\n`, line: 2 },
  { name: 'URL query', path: 'client.py', text: (k) => `requests.get("https://api.example.test/v1/items?key=${k}&page=2")\n`, line: 1 },
  { name: 'URL-encoded URL', path: 'redirect.txt', text: (k) => `next=${encodeURIComponent(`https://api.example.test/?key=${k}&a=b`)}\n`, line: 1 },
  { name: 'every byte percent-encoded', path: 'trace.log', text: (k) => `token=${percentEncodeAll(k)}\n`, line: 1 },
  { name: 'base64 basic auth', path: 'curl.sh', text: (k) => `curl -H "Authorization: Basic ${b64(`svc:${k}`)}" https://api.example.test\n`, line: 1 },
  { name: 'base64 Kubernetes secret', path: 'k8s/secret.yaml', text: (k) => `kind: Secret\ndata:\n  API_KEY: ${b64(k)}\n`, line: 3 },
  { name: 'CRLF line endings', path: 'win.ini', text: (k) => `[api]\r\nkey=${k}\r\nretries=3\r\n`, line: 2 },
  { name: 'minified line', path: 'dist/app.min.js', text: (k) => `!function(){var a=${JSON.stringify('x'.repeat(3000))};const t="${k}";return a+t}();\n`, line: 1 },
  { name: 'markdown code block', path: 'README.md', text: (k) => `# Setup\n\n\`\`\`bash\nexport TOKEN=${k}\n\`\`\`\n`, line: 4 },
  { name: 'escaped newline in a JSON string', path: 'log.json', text: (k) => `{"msg":"request failed\\nkey=${k}\\n"}\n`, line: 1 },
  { name: 'right after an escaped newline', path: 'events.json', text: (k) => `{"body":"your new key:\\n${k}\\nkeep it safe"}\n`, line: 1 },
  { name: 'bearer header', path: 'request.http', text: (k) => `GET /v1/me HTTP/1.1\nAuthorization: Bearer ${k}\n`, line: 2 },
  { name: 'followed by punctuation', path: 'chat.txt', text: (k) => `try this one (${k}), it works!\n`, line: 1 },
  { name: 'inline allow marker', path: 'src/app.ts', text: (k) => `const key = '${k}'; // leakstop:allow\n`, line: 1 },
];

describe.each(REGISTRY_BACKENDS)('recall for registered keys on $name', (backend) => {
  let store: TestRegistry;
  let registry: KeyRegistry;
  let prepared: PreparedScan;
  const keys: { kind: string; plaintext: string; record: KeyRecord }[] = [];

  beforeAll(async () => {
    store = await backend.create();
    registry = await openRegistry(store.spec, { create: true });
    for (const environment of ['live', 'test']) {
      const issued = await registry.issue({ owner: 'acct_recall', label: environment, environment }, actor);
      keys.push({ kind: `issued ${environment} key`, plaintext: issued.key.reveal(), record: issued.record });
    }
    // Legacy keys, registered by hash: one of very low entropy, one with no prefix at all.
    const legacy = [
      { kind: 'low-entropy legacy key', plaintext: `acme_${'0'.repeat(24)}${randomBytes(4).toString('hex')}`, shape: { prefix: 'acme_', bodyLength: 32, alphabet: 'hex' as const } },
      { kind: 'prefix-less base32 legacy key', plaintext: expandTemplate('{base32:40}'), shape: { prefix: '', bodyLength: 40, alphabet: 'base32' as const } },
      { kind: 'prefix-less base62 legacy key', plaintext: expandTemplate('{base62:40}'), shape: { prefix: '', bodyLength: 40, alphabet: 'base62' as const } },
    ];
    await registry.importHashes(legacy.map(({ plaintext, shape, kind }) => ({ hash: secretHash(plaintext), shape, owner: 'acct_legacy', label: kind })), actor);
    const found = await registry.lookup(legacy.map(({ plaintext }) => secretHash(plaintext)));
    for (const { kind, plaintext } of legacy) keys.push({ kind, plaintext, record: found.get(secretHash(plaintext))! });
    prepared = await prepareScan({ registry, fingerprintKey: FingerprintKey.random() });
  });
  afterAll(async () => {
    try {
      await registry?.close();
    } finally {
      await store.remove();
    }
  });

  it('turns every registered shape into a rule that ignores entropy and allowlists', () => {
    expect(prepared.registryRules.map((rule) => rule.id).sort()).toEqual(['registry-acme', 'registry-base3240', 'registry-base6240', 'registry-lk_live', 'registry-lk_test']);
    expect(prepared.registryRules.every((rule) => rule.bypassAllowlists && rule.entropy === 0)).toBe(true);
  });

  it(`finds and marks every registered key in all ${CONTEXTS.length} contexts`, async () => {
    const fragments: Fragment[] = [];
    const expected: { key: (typeof keys)[number]; context: Context; path: string }[] = [];
    for (const [k, key] of keys.entries()) {
      for (const context of CONTEXTS) {
        const path = `${k}/${context.path}`;
        fragments.push({ text: context.text(key.plaintext), origin: { path } });
        expected.push({ key, context, path });
      }
    }
    const result = await attachRegistry(detectFragments(fragments, prepared.engine), prepared);

    const missed = expected.filter(({ key, path, context }) => !result.findings.some((finding) =>
      finding.path === path && finding.line === context.line && finding.registry.match && finding.registry.keyId === key.record.id))
      .map(({ key, context }) => `${key.kind} in ${context.name}`);
    expect(missed).toEqual([]);
    for (const finding of result.findings.filter((one) => one.registry.match)) {
      expect(JSON.stringify(finding)).not.toContain(finding.secret.reveal());
    }
  });

  it('does not mark strings of a registered shape that are not registered keys, nor report them as such', async () => {
    const strangers = [expandTemplate('lk_live_{crc32:43}'), `acme_${randomBytes(16).toString('hex')}`, expandTemplate('{base32:40}'), expandTemplate('{base62:40}')];
    const result = await attachRegistry(detectFragments([{ text: strangers.map((text) => `key=${text}`).join('\n'), origin: { path: 'x.env' } }], prepared.engine), prepared);
    expect(result.findings.filter((finding) => finding.registry.match)).toEqual([]);
    // Only what a rule of its own reports stays: the checksummed key of ours, once, by its built-in rule.
    expect(result.findings.filter((finding) => finding.tags.includes('registry'))).toEqual([]);
    expect(result.findings.filter((finding) => finding.line === 1).map((finding) => finding.ruleId)).toEqual(['leakstop-api-key']);
  });
});
