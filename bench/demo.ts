// `npm run demo`: the whole loop in one command, narrated. A GitHub emulator stands in for
// github.com; the real app server (`npm start`) runs against it; a developer pushes a live key
// of ours; Leakstop revokes it, rotates the Actions secret, reports on the commit and files
// the incident issue — printed here as it was filed.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { keyHint } from '../src/redact.js';
import { sendWebhook } from '../test/github/send-webhook.js';
import { pushPayload } from '../test/github/webhook-payloads.js';
import { AppWorld, APP_ID, waitFor } from '../test/helpers/app-world.js';
import { indent, say, step } from './narrate.js';

const OWNER = 'acme';
const REPO = 'payments';
const SECRET_NAME = 'PAYMENTS_API_KEY';

async function main(): Promise<void> {
  const root = path.resolve('.');
  say('Leakstop demo — from a leaked key to a closed incident, on your machine.');
  step(1, 'Starting a GitHub emulator on loopback (REST API, git over HTTP, webhooks, Actions secrets)…');
  const world = await AppWorld.start({ cli: path.join(root, 'dist/cli/main.js'), cwd: root });
  try {
    await world.github.createRepo(OWNER, REPO, { private: true, ownerType: 'Organization' });
    const installation = world.github.createInstallation({ account: OWNER, repos: [REPO] });
    say(`   GitHub is at ${world.github.url}; repository ${OWNER}/${REPO} exists and the Leakstop app is installed on it.`);

    step(2, 'Our key registry issues a live key to a customer. Its workflows read it from an Actions secret.');
    const issued = await world.issueKey({
      owner: 'acct_4711',
      label: 'payments-service production',
      deliveryTarget: { kind: 'actions-secret', repo: `${OWNER}/${REPO}`, name: SECRET_NAME },
    });
    say(`   Key ${issued.record.id} (${keyHint(issued.record)}), owner acct_4711, delivered to Actions secret ${SECRET_NAME}.`);
    say('   The registry stores only its SHA-256, never the key.');

    step(3, 'Starting the Leakstop GitHub App (`npm start`) against the emulator…');
    const app = await world.startApp({ LOG_LEVEL: 'warn' });
    say(`   Webhooks go to ${app.webhookUrl}`);

    step(4, 'A developer commits the key into config/production.env and pushes.');
    const work = world.workingCopy();
    work.commit('Initial service', { 'README.md': '# payments\n', 'src/server.ts': 'export const port = 8080;\n' });
    await world.push(work, OWNER, REPO, 'refs/heads/main');
    work.commit('Configure production', { 'config/production.env': `REGION=eu-west-1\nPAYMENTS_API_KEY=${issued.plaintext}\nTIMEOUT_MS=3000\n` });
    const pushed = await world.push(work, OWNER, REPO, 'refs/heads/main');
    say(`   git push: ${pushed.before.slice(0, 7)}..${pushed.after.slice(0, 7)} main`);

    step(5, 'GitHub delivers the signed `push` webhook.');
    const payload = await pushPayload(world.github, { owner: OWNER, repo: REPO, ref: 'refs/heads/main', ...pushed, installationId: installation.id });
    const started = Date.now();
    const status = await sendWebhook(app.webhookUrl, { event: 'push', payload, secret: world.webhookSecret, appId: APP_ID });
    const run = await world.completedCheckRun(pushed.after);
    const reported = world.github.requests.find((r) => r.method === 'POST' && r.path.endsWith('/check-runs') && r.body.includes(pushed.after));
    say(`   The app answered ${status}. The check run was complete ${(reported?.at.getTime() ?? Date.now()) - started} ms after delivery;`);
    say('   the incident issue followed (GitHub asks apps to space their writes, so it comes a few seconds later).');

    step(6, `Check run "${run.name}" on ${pushed.after.slice(0, 7)}: ${run.conclusion} — ${run.output.title}`);
    say(indent(run.output.summary ?? ''));
    for (const annotation of run.annotations) {
      say(`   annotation ${annotation.path}:${annotation.start_line}: ${annotation.title}`);
      say(indent(annotation.message));
    }

    step(7, 'The registry now says:');
    const key = await world.key(issued.record.id);
    say(`   ${key?.id}: ${key?.status} at ${key?.revokedAt} — "${key?.revocationReason}"`);
    if (key?.replacedBy) {
      const replacement = await world.key(key.replacedBy);
      say(`   replaced by ${key.replacedBy} (same owner ${replacement?.owner ?? key.owner}, label "${replacement?.label ?? key.label}")`);
    }

    step(8, `Actions secret ${SECRET_NAME} in ${OWNER}/${REPO}:`);
    const secret = world.github.state.actionsSecrets.find((s) => s.name === SECRET_NAME);
    const opened = world.github.openActionsSecret(OWNER, REPO, SECRET_NAME);
    if (!secret || opened === undefined) {
      say('   not written (the replacement waits for its owner to claim it: `leakstop registry claim`).');
    } else {
      const replacement = key?.replacedBy ? await world.key(key.replacedBy) : undefined;
      const matches = replacement?.hash === createHash('sha256').update(opened).digest('hex');
      say(`   updated at ${secret.updatedAt}, sealed to the repository's Actions key; it holds ${matches && replacement ? `the replacement key (${keyHint(replacement)})` : 'something else'}.`);
      say('   The workflows keep working: nobody had to paste a new key anywhere.');
    }

    step(9, 'The incident issue, as filed:');
    const issue = await waitFor('the incident issue', () => world.github.state.issues[0], 30_000).catch(() => undefined);
    if (!issue) say('   (not filed yet — `leakstop respond --resume` finishes it)');
    else {
      const labels = issue.labelIds.map((id) => world.github.state.labels.find((label) => label.id === id)?.name).join(', ');
      say(`   #${issue.number} ${issue.title}   [${labels}]`);
      say(indent(issue.body ?? ''));
    }
    const seen = world.everythingSeen();
    say(`\nThe leaked key's plaintext appears in ${seen.includes(issued.plaintext) ? 'SOME' : 'none'} of the ${world.github.requests.length} requests GitHub received or the app's log.`);
  } finally {
    await world.close();
  }
}

main().catch((error: unknown) => {
  console.error(`demo failed: ${(error as Error).message}`);
  process.exit(1);
});
