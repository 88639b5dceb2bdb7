// `npm run demo:partner`: GitHub's secret scanning partner program, narrated. A customer's key
// of ours is pasted into a public repository somewhere on GitHub — not one where our app is
// installed. GitHub (the emulator, with a signing key pair made here) finds it and POSTs a signed
// alert to the real app server; Leakstop answers GitHub at once, revokes the key from its queue,
// tells our own systems so they can e-mail the customer, and files the incident in our
// security repository — printed here as it was filed.
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { keyHint, redact } from '../src/redact.js';
import { generateKey } from '../src/registry/key-format.js';
import { partnerSigningKey, sendPartnerAlert, type ReportedToken } from '../test/github/send-partner-alert.js';
import { AppWorld, waitFor } from '../test/helpers/app-world.js';
import { signedWith, startNotifyReceiver } from '../test/helpers/notify-receiver.js';
import { indent, say, step } from './narrate.js';

const SECURITY_REPO = 'acme-payments/security';
const NOTIFY_SECRET = randomBytes(16).toString('hex');

async function main(): Promise<void> {
  const root = path.resolve('.');
  say('Leakstop partner demo — GitHub finds our key in public, Leakstop closes it.');
  step(1, 'Starting a GitHub emulator on loopback; GitHub signs partner alerts with a P-256 key it publishes.');
  const world = await AppWorld.start({ cli: path.join(root, 'dist/cli/main.js'), cwd: root });
  const receiver = await startNotifyReceiver();
  try {
    const signing = partnerSigningKey();
    world.github.addSecretScanningKey(signing);
    const [owner, repo] = SECURITY_REPO.split('/') as [string, string];
    await world.github.createRepo(owner, repo, { private: true, ownerType: 'Organization' });
    world.github.createInstallation({ account: owner, repos: [repo] });
    say(`   ${world.github.url}/meta/public_keys/secret_scanning lists key ${signing.keyIdentifier.slice(0, 12)}…`);
    say(`   Our private security repository ${SECURITY_REPO} has the Leakstop app installed.`);

    step(2, 'Our key registry issues a live key to a customer.');
    const issued = await world.issueKey({ owner: 'acct_4711', label: 'checkout-service production' });
    say(`   Key ${issued.record.id} (${keyHint(issued.record)}), owner acct_4711. The registry keeps only its SHA-256.`);

    step(3, 'Starting the Leakstop app with the partner endpoint on (LEAKSTOP_PARTNER=1) and an owner-notification hook…');
    const app = await world.startApp({ LOG_LEVEL: 'warn', LEAKSTOP_PARTNER: '1', LEAKSTOP_SECURITY_REPO: SECURITY_REPO, LEAKSTOP_NOTIFY_URL: receiver.url, LEAKSTOP_NOTIFY_SECRET: NOTIFY_SECRET });
    const partnerUrl = /GitHub partner alerts at (\S+)/.exec(app.output())![1]!;
    say(`   GitHub posts alerts to ${partnerUrl}; revocations are announced to ${receiver.url}`);

    step(4, "The customer's developer pastes the key into a public dotfiles repository. GitHub's secret scanning finds it,");
    say('   along with a string of our shape that we never issued and some other provider\'s token, and POSTs them, signed:');
    const url = `https://github.com/jdoe/dotfiles/blob/${randomBytes(20).toString('hex')}/.bashrc`;
    const tokens: ReportedToken[] = [
      { token: issued.plaintext, type: 'lk_live_key', url, source: 'content' },
      { token: generateKey('lk_live_').reveal(), type: 'lk_live_key', url: `https://gist.github.com/jdoe/${randomBytes(16).toString('hex')}`, source: 'gist' },
      { token: `ghp${'_'}${randomBytes(18).toString('hex')}`, type: 'lk_live_key', url: 'https://www.npmjs.com/package/left-padded', source: 'npm' },
    ];
    for (const token of tokens) say(`   { token: ${redact(token.token)}, source: ${token.source}, url: ${token.url} }`);
    const started = performance.now();
    const answered = await sendPartnerAlert(partnerUrl, signing, tokens);
    const ms = performance.now() - started;
    say(`   Leakstop answered ${answered.status} in ${ms.toFixed(0)} ms (GitHub allows 30 s) with its feedback:`);
    say(indent(JSON.stringify(answered.body, null, 2)));
    say('   The other provider\'s token is left out: it is not ours to judge.');

    step(5, 'A forged alert (signed by someone else) is refused before anything is looked up:');
    const forged = await sendPartnerAlert(partnerUrl, partnerSigningKey(), tokens);
    say(`   ${forged.status} ${JSON.stringify(forged.body)}`);

    step(6, 'From the queue, the worker revokes the key and reserves its replacement. The registry now says:');
    const issue = await waitFor('the incident issue', () => world.github.state.issues[0], 30_000);
    const key = await world.key(issued.record.id);
    say(`   ${key?.id}: ${key?.status} at ${key?.revokedAt} — "${key?.revocationReason}"`);
    if (key?.replacedBy) say(`   replaced by ${key.replacedBy}, reserved for acct_4711 to claim (\`leakstop registry claim ${key.replacedBy}\`)`);

    step(7, 'Our own systems were told, so they can e-mail the customer (HMAC-SHA256 signed, no secret in it):');
    const event = await waitFor('the owner notification', () => receiver.events[0], 30_000);
    say(`   signature ${signedWith(event, NOTIFY_SECRET) ? 'valid' : 'INVALID'}: ${event.headers['x-leakstop-signature-256']?.toString().slice(0, 20)}…`);
    say(indent(JSON.stringify(JSON.parse(event.body), null, 2)));

    step(8, `The incident issue in ${SECURITY_REPO} (never in the stranger's public repository):`);
    const labels = issue.labelIds.map((id) => world.github.state.labels.find((label) => label.id === id)?.name).join(', ');
    say(`   #${issue.number} ${issue.title}   [${labels}]`);
    say(indent(issue.body ?? ''));

    const seen = `${world.everythingSeen()}\n${receiver.events.map((received) => received.body).join('\n')}`;
    const leaked = tokens.filter((token) => seen.includes(token.token)).length;
    say(`\nOf the ${tokens.length} reported tokens, ${leaked === 0 ? 'none appears' : `${leaked} appear`} in the ${world.github.requests.length} requests GitHub received, the app's log or the notification.`);
    say(`(The key's SHA-256, ${createHash('sha256').update(issued.plaintext).digest('hex').slice(0, 12)}…, is all GitHub heard back.)`);
  } finally {
    await world.close();
    await receiver.close();
  }
}

main().catch((error: unknown) => {
  console.error(`demo failed: ${(error as Error).message}`);
  process.exit(1);
});
