// `installation` and `installation_repositories`: every repository the app gains is scanned
// in full (all refs, all history) in the background; one it loses stops being scanned.
import type { Context, ProbotOctokit } from 'probot';
import type { AppServices } from './app-services.js';
import { hasCheckRun, type CommitRef } from './publish-check-run.js';
import { readRepoConfig } from './read-repo-config.js';
import { respondAndReport } from './respond-and-report.js';
import { scanRepository } from './scan-repository.js';

type Octokit = InstanceType<typeof ProbotOctokit>;

interface AddedRepo {
  id: number;
  full_name: string;
}

/** Scans a repository's whole history and reports on its default branch's head. */
async function scanInstalledRepo(github: Octokit, services: AppServices, installationId: number, added: AddedRepo, signal: AbortSignal): Promise<void> {
  const [owner = '', name = ''] = added.full_name.split('/');
  const repo = { id: added.id, fullName: added.full_name };
  const log = services.log.child({ repo: repo.fullName, installation: installationId });
  const { data: facts } = await github.rest.repos.get({ owner, repo: name, request: { signal } });
  await services.gitCache.exclusive(repo, async () => {
    signal.throwIfAborted();
    const { token } = (await github.auth({ type: 'installation' })) as { token: string };
    const gitDir = await services.gitCache.fetch(repo, { token, signal });
    const head = await services.gitCache.branchHead(repo, facts.default_branch);
    if (!head) {
      log.info('empty repository: nothing to scan');
      return;
    }
    const commit: CommitRef = { owner, repo: name, headSha: head };
    const externalId = `history:${head}`;
    if (await hasCheckRun(github, commit, externalId)) {
      log.info('history already scanned at this head: nothing to do');
      return;
    }
    const { config: repoConfig, notes } = await readRepoConfig(services.gitCache, repo, facts.default_branch);
    const scan = await scanRepository({ gitDir, repo: repo.fullName, repoConfig, signal, log }, services.scanner);
    // Removed meanwhile: no response and no report for a repository the app may no longer touch.
    signal.throwIfAborted();
    scan.notes.unshift(...notes);
    const scope = `the full history of ${repo.fullName} (every branch and tag), on installation`;
    await respondAndReport(scan, repoConfig, { github, commit, externalId, fullName: repo.fullName, private: facts.private, scope }, services.response(installationId));
  });
}

function enqueueAll(context: Context<'installation' | 'installation_repositories'>, services: AppServices, github: Octokit, repos: AddedRepo[]): void {
  const installationId = context.payload.installation.id;
  services.log.info({ installation: installationId, repos: repos.map((repo) => repo.full_name) }, `queued ${repos.length} history scan(s)`);
  for (const repo of repos) {
    void services.installationScans.enqueue(installationId, { id: repo.id, fullName: repo.full_name }, (signal) =>
      scanInstalledRepo(github, services, installationId, repo, signal),
    );
  }
}

export function onInstallationCreated(context: Context<'installation.created'>, services: AppServices, github: Octokit): void {
  enqueueAll(context, services, github, context.payload.repositories ?? []);
}

export function onRepositoriesAdded(context: Context<'installation_repositories.added'>, services: AppServices, github: Octokit): void {
  enqueueAll(context, services, github, context.payload.repositories_added);
}

export function onRepositoriesRemoved(context: Context<'installation_repositories.removed'>, services: AppServices): void {
  const removed = context.payload.repositories_removed;
  services.installationScans.cancelRepos(removed.map((repo) => repo.id), 'the repository was removed from the installation');
}

export function onInstallationDeleted(context: Context<'installation.deleted' | 'installation.suspend'>, services: AppServices): void {
  services.installationScans.cancelInstallation(context.payload.installation.id, `the app was ${context.payload.action === 'deleted' ? 'uninstalled' : 'suspended'}`);
}
