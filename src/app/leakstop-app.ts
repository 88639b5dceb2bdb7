// The probot app: webhooks (their signatures already checked) become jobs on the queue and
// nothing else, so a delivery is answered at once whatever the push's size. A job's key makes a
// redelivered webhook a no-op: a push is keyed by repository, ref and before..after, a history
// scan by repository and delivery. Workers run the jobs (job-handlers.ts).
import type { ApplicationFunction, Context } from 'probot';
import type { JobSpec } from '../queue/job-queue.js';
import type { AppServices } from './app-services.js';
import type { HistoryJobData } from './history-scan.js';
import type { PushJobData } from './push-scan.js';
import { SECRET_ALERT_ACTIONS, type SecretAlertJobData } from './secret-alert.js';

/** Pushes are fetched before backfills anyway (their own kind); within a kind, higher first. */
const PUSH_PRIORITY = 10;
const HISTORY_PRIORITY = 0;
const ALERT_PRIORITY = 0;

export const repoGroup = (repoId: number): string => `repo:${repoId}`;

interface AddedRepo {
  id: number;
  full_name: string;
}

export function leakstopApp(services: AppServices): ApplicationFunction {
  const enqueue = async (event: string, spec: JobSpec) => {
    const { created } = await services.queue.enqueue(spec);
    services.metrics.webhook(event, created ? 'enqueued' : 'duplicate');
    return created;
  };

  const enqueueHistoryScans = async (context: Context<'installation' | 'installation_repositories'>, repos: AddedRepo[]) => {
    const installationId = context.payload.installation.id;
    // One statement for them all: an organisation's installation lists thousands, and the answer waits for it.
    const specs = repos.map((repo): JobSpec => {
      const data: HistoryJobData = { delivery: context.id, receivedAt: Date.now(), repository: { id: repo.id, fullName: repo.full_name } };
      return { kind: 'history-scan', key: `${repo.id}:${context.id}`, group: repoGroup(repo.id), installationId, priority: HISTORY_PRIORITY, data: { ...data } };
    });
    const queued = await services.queue.enqueueAll(specs);
    services.metrics.webhook(context.name, 'enqueued', queued);
    services.metrics.webhook(context.name, 'duplicate', specs.length - queued);
    services.log.info({ installation: installationId, delivery: context.id, repos: repos.map((repo) => repo.full_name) }, `queued ${queued} history scan(s)`);
  };

  return (app) => {
    app.on('push', async (context) => {
      const { payload } = context;
      const log = services.log.child({ repo: payload.repository.full_name, delivery: context.id });
      if (!payload.installation) return;
      if (payload.deleted) {
        services.metrics.webhook('push', 'ignored');
        log.info('ref deleted: nothing was introduced, nothing to scan');
        return;
      }
      const repository = payload.repository;
      const data: PushJobData = {
        delivery: context.id,
        receivedAt: Date.now(),
        repository: { id: repository.id, fullName: repository.full_name, name: repository.name, private: repository.private, defaultBranch: repository.default_branch },
        ref: payload.ref,
        before: payload.before,
        after: payload.after,
        headSha: payload.head_commit?.id ?? payload.after,
      };
      const key = `${repository.id}:${payload.ref}:${payload.before}..${payload.after}`;
      const created = await enqueue('push', { kind: 'push-scan', key, group: repoGroup(repository.id), installationId: payload.installation.id, priority: PUSH_PRIORITY, data: { ...data } });
      log.info(created ? 'push scan queued' : 'push scan already queued (a redelivery): nothing to do');
    });
    // Keyed by repository, alert and delivery: a redelivery is a no-op, and another action on
    // the same alert (validated after created) finds the response log's steps done.
    app.on(SECRET_ALERT_ACTIONS.map((action) => `secret_scanning_alert.${action}` as const), async (context) => {
      const { payload } = context;
      if (!payload.installation) return;
      const repository = payload.repository;
      const data: SecretAlertJobData = { delivery: context.id, action: payload.action, repository: { id: repository.id, fullName: repository.full_name }, alertNumber: payload.alert.number! };
      const key = `${repository.id}:${data.alertNumber}:${context.id}`;
      const created = await enqueue(context.name, { kind: 'secret-alert', key, group: repoGroup(repository.id), installationId: payload.installation.id, priority: ALERT_PRIORITY, data: { ...data } });
      services.log.child({ repo: repository.full_name, delivery: context.id }).info(created ? `secret scanning alert #${data.alertNumber} (${payload.action}) queued` : 'secret scanning alert already queued (a redelivery): nothing to do');
    });
    app.on('installation.created', async (context) => enqueueHistoryScans(context, context.payload.repositories ?? []));
    app.on('installation_repositories.added', async (context) => enqueueHistoryScans(context, context.payload.repositories_added));
    app.on('installation_repositories.removed', async (context) => {
      const removed = context.payload.repositories_removed;
      const cancelled = await services.queue.cancel({ groups: removed.map((repo) => repoGroup(repo.id)) });
      services.log.info({ installation: context.payload.installation.id, delivery: context.id }, `${removed.length} repositories removed: ${cancelled} job(s) cancelled`);
    });
    app.on(['installation.deleted', 'installation.suspend'], async (context) => {
      const cancelled = await services.queue.cancel({ installationId: context.payload.installation.id });
      services.log.info({ installation: context.payload.installation.id, delivery: context.id }, `the app was ${context.payload.action === 'deleted' ? 'uninstalled' : 'suspended'}: ${cancelled} job(s) cancelled`);
    });
  };
}
