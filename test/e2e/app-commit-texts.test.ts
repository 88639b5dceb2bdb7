// The GitHub App and keys in git metadata: a key pasted into a commit message is reported on the
// push's check run at `commit:<sha>`; a registered one is revoked and gets its incident issue;
// and no plaintext — of the message, the author's name or the branch's — reaches the check run,
// the issue or the app's log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandTemplate } from '../../src/rules/example-template.js';
import { AppWorld, waitFor } from '../helpers/app-world.js';
import type { TestRepo } from '../helpers/git-repo.js';

let world: AppWorld;
let installationId: number;
let work: TestRepo;
const OWNER = 'acme';
const REPO = 'depot';

/** What the app wrote to GitHub's API (git transfers aside) and what it logged. */
function whatTheAppSaid(): string {
  const api = world.github.requests.filter((request) => !request.path.includes('.git/')).map((request) => `${request.url}\n${request.body}`);
  return `${api.join('\n')}\n${world.app.output()}`;
}

const pushAndDeliver = (ref: string) => world.pushAndDeliver(work, { owner: OWNER, repo: REPO, ref, installationId });

beforeAll(async () => {
  world = await AppWorld.start();
  await world.github.createRepo(OWNER, REPO, { private: true, ownerType: 'Organization' });
  installationId = world.github.createInstallation({ account: OWNER, repos: [REPO] }).id;
  work = world.workingCopy();
  work.commit('initial', { 'README.md': '# depot\n' });
  await world.push(work, OWNER, REPO, 'refs/heads/main');
  await world.startApp();
});

afterAll(async () => {
  await world?.close();
});

describe('keys in commit messages, pushed to GitHub', () => {
  it('reports a key in the message on the check run at commit:<sha>, and shows no plaintext of the message, author or branch', async () => {
    const inMessage = expandTemplate('ghp_{crc32:30}');
    const inAuthor = expandTemplate('sk_live_{base62:24}');
    const inBranch = expandTemplate('ghp_{crc32:30}');
    work.git(['checkout', '-q', '-b', 'ci']);
    const sha = work.commit(`ci: log in with ${inMessage}`, { 'src/app.ts': 'export const ok = true;\n' }, { GIT_AUTHOR_NAME: `Deploy ${inAuthor}` });
    const { run } = await pushAndDeliver(`refs/heads/ci-${inBranch}`);

    expect(run.conclusion).toBe('failure');
    expect(run.annotations.map((annotation) => [annotation.path, annotation.start_line, annotation.title])).toEqual([
      [`commit:${sha}`, 1, "Leaked secret: github-pat (in the commit's message)"],
    ]);
    expect(run.annotations[0]!.raw_details).toMatch(/by Deploy sk_live_\w{4}…\w{3}/);
    expect(run.output.summary).toMatch(/new ref ci-ghp_…\w{4}/);
    for (const plaintext of [inMessage, inAuthor, inBranch]) expect(whatTheAppSaid()).not.toContain(plaintext);
  });

  it('revokes a registered key pasted into a commit message and files its issue without the plaintext', async () => {
    const issued = await world.issueKey({ owner: 'acct_9', label: 'depot' });
    work.git(['checkout', '-q', 'main']);
    const sha = work.commit(`temporary: billing key\n\nuse ${issued.plaintext} until Friday`, { 'notes.md': 'billing\n' });
    const { run } = await pushAndDeliver('refs/heads/main');

    expect(run.conclusion).toBe('failure');
    expect(run.annotations.map((annotation) => [annotation.path, annotation.start_line])).toEqual([[`commit:${sha}`, 3]]);
    expect(run.annotations[0]!.message).toContain(`Registered key ${issued.record.id}`);
    expect(await world.key(issued.record.id)).toMatchObject({ status: 'revoked', revocationReason: `leaked in ${OWNER}/${REPO}@${sha}:commit:${sha}:3` });
    const repo = world.github.state.repo(OWNER, REPO)!;
    const issue = await waitFor('the incident issue', () => world.github.state.issuesOf(repo.id)[0]);
    expect(issue.body).toContain(`commit:${sha}`);
    expect(whatTheAppSaid()).not.toContain(issued.plaintext);
  });
});
