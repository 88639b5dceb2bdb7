// `leakstop app` start-up: every missing or invalid setting is one clear line and exit 2;
// the private key is accepted the ways probot accepts it.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppWorld, startAppProcess } from '../helpers/app-world.js';
import { runCli } from '../helpers/run-cli.js';

let world: AppWorld;

beforeAll(async () => {
  world = await AppWorld.start();
});

afterAll(async () => {
  await world?.close();
});

/** The app's environment with `changes` applied (undefined removes a variable). */
function env(changes: Record<string, string | undefined>): Record<string, string | undefined> {
  return { ...world.appEnv(), ...changes };
}

async function startFails(changes: Record<string, string | undefined>): Promise<string> {
  const result = await runCli(['app'], { env: env(changes), timeoutMs: 60_000 });
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

describe('leakstop app settings', () => {
  it.each([
    [{ APP_ID: undefined }, /^leakstop: APP_ID is not set/],
    [{ APP_ID: 'my-app' }, /^leakstop: APP_ID must be the app's numeric id, not "my-app"$/],
    [{ PRIVATE_KEY: undefined }, /^leakstop: PRIVATE_KEY or PRIVATE_KEY_PATH must be set/],
    [{ PRIVATE_KEY: 'not a key' }, /^leakstop: PRIVATE_KEY is not a PEM private key/],
    [{ PRIVATE_KEY: undefined, PRIVATE_KEY_PATH: '/nonexistent/app.pem' }, /^leakstop: PRIVATE_KEY_PATH: cannot read \/nonexistent\/app.pem: no such file or directory$/],
    [{ WEBHOOK_SECRET: '' }, /^leakstop: WEBHOOK_SECRET is not set/],
    [{ PORT: '70000' }, /^leakstop: PORT must be a port number/],
    [{ GHE_PROTOCOL: 'ftp' }, /^leakstop: GHE_PROTOCOL must be https or http, not "ftp"$/],
    [{ GHE_HOST: 'https://ghe.example.com/' }, /^leakstop: GHE_HOST must be a host name/],
    [{ LEAKSTOP_SCAN_CONCURRENCY: '0' }, /^leakstop: LEAKSTOP_SCAN_CONCURRENCY must be a whole number from 1 to 64/],
    [{ LEAKSTOP_JOB_RETRY_DELAY_SECONDS: '-1' }, /^leakstop: LEAKSTOP_JOB_RETRY_DELAY_SECONDS must be a whole number from 0 to 3600, not "-1"$/],
    [{ LOG_LEVEL: 'loud' }, /^leakstop: LOG_LEVEL must be one of/],
    [{ LEAKSTOP_PARTNER: '1' }, /^leakstop: LEAKSTOP_SECURITY_REPO is not set: .*\(LEAKSTOP_PARTNER=1\)$/],
    [{ LEAKSTOP_PARTNER: '1', LEAKSTOP_SECURITY_REPO: 'acme' }, /^leakstop: LEAKSTOP_SECURITY_REPO must be owner\/name, not "acme"$/],
    [{ LEAKSTOP_PARTNER: '1', LEAKSTOP_SECURITY_REPO: 'acme/security', LEAKSTOP_PARTNER_PATH: '/api/github/webhooks' }, /^leakstop: LEAKSTOP_PARTNER_PATH must differ from WEBHOOK_PATH/],
    [{ LEAKSTOP_NOTIFY_URL: 'mailto:security@example.test' }, /^leakstop: LEAKSTOP_NOTIFY_URL must be an http\(s\) URL/],
    [{ LEAKSTOP_NOTIFY_URL: 'https://hooks.example.test/leakstop' }, /^leakstop: LEAKSTOP_NOTIFY_SECRET is not set/],
  ])('refuses %o in one line', async (changes, expected) => {
    expect(await startFails(changes)).toMatch(expected);
  });

  it('refuses to start on a registry that does not exist, creating none', async () => {
    const home = path.join(world.dirs[0]!, 'fresh-home');
    fs.mkdirSync(home);
    const missing = path.join(world.dirs[0]!, 'missing', 'registry.db');
    const noRegistry = (location: string) => `leakstop: no Leakstop registry at ${location}; create one with \`leakstop registry init\``;
    expect(await startFails({ LEAKSTOP_REGISTRY: missing })).toBe(noRegistry(missing));
    expect(await startFails({ LEAKSTOP_REGISTRY: undefined, HOME: home, XDG_DATA_HOME: undefined })).toBe(noRegistry(path.join(home, '.local/share/leakstop/registry.db')));
    expect(fs.existsSync(path.dirname(missing))).toBe(false);
    expect(fs.readdirSync(home)).toEqual([]);
  });

  it('refuses a private key that is PEM-shaped but broken', async () => {
    const broken = world.keys.privateKey.replace(/[A-Za-z]{8}\n/, 'AAAAAAAA\n').split('\n').slice(0, 6).join('\n') + '\n-----END PRIVATE KEY-----\n';
    expect(await startFails({ PRIVATE_KEY: broken })).toMatch(/^leakstop: PRIVATE_KEY is not a valid RSA private key/);
  });

  it('says which port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      expect(await startFails({ PORT: String(port) })).toBe(`leakstop: the app could not start: port ${port} is already in use; set PORT to a free one`);
    } finally {
      blocker.close();
    }
  });

  it('refuses a cache directory it cannot write to, in one line', async () => {
    // Root writes anywhere, except under a regular file.
    const file = path.join(world.dirs[0]!, 'not-a-directory');
    fs.writeFileSync(file, 'x');
    const line = await startFails({ LEAKSTOP_CACHE_DIR: path.join(file, 'cache') });
    expect(line).toBe(`leakstop: LEAKSTOP_CACHE_DIR: cannot write to ${path.join(file, 'cache')}: not a directory`);
  });

  it('names the address it really bound, with the port the system chose for PORT=0', async () => {
    const all = await startAppProcess(env({ HOST: undefined, PORT: '0' }));
    try {
      const line = all.output().split('\n').find((text) => text.startsWith('leakstop app: listening on'))!;
      const [, host, port] = /^leakstop app: listening on (\[::\]|0\.0\.0\.0):(\d+) \(every interface\)/.exec(line) ?? [];
      expect(host, line).toBeDefined();
      expect(Number(port)).toBeGreaterThan(0);
      expect(new URL(all.webhookUrl).port).toBe(port);
      expect(await (await fetch(`http://127.0.0.1:${port}/ping`)).text()).toBe('PONG');
    } finally {
      await all.stop();
    }
    const loopback = await startAppProcess(env({ HOST: 'localhost', PORT: '0' }));
    try {
      const [, bound] = /leakstop app: listening on ([^\s;]+)/.exec(loopback.output()) ?? [];
      expect(bound).toMatch(/^(127\.0\.0\.1|\[::1\]):\d+$/);
      expect(bound).not.toMatch(/:0$/);
      expect(await (await fetch(new URL('/ping', loopback.webhookUrl))).text()).toBe('PONG');
    } finally {
      await loopback.stop();
    }
  });

  it('takes the key from PRIVATE_KEY_PATH or as base64, and stops cleanly on SIGTERM', async () => {
    const keyFile = path.join(world.dirs[0]!, 'app.pem');
    fs.writeFileSync(keyFile, world.keys.privateKey, { mode: 0o600 });
    for (const changes of [
      { PRIVATE_KEY: undefined, PRIVATE_KEY_PATH: keyFile },
      { PRIVATE_KEY: Buffer.from(world.keys.privateKey).toString('base64') },
      { PRIVATE_KEY: world.keys.privateKey.replace(/\n/g, '\\n') },
    ]) {
      const app = await startAppProcess(env(changes));
      const ping = await fetch(new URL('/ping', app.webhookUrl));
      expect(await ping.text()).toBe('PONG');
      await app.stop();
      expect(app.child.exitCode).toBe(0);
    }
  });
});
