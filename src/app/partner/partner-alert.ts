// The worker's half of a partner alert: each registered key GitHub found in public becomes a
// sighting of its public-leak incident (one per key, src/public-leak.ts), and the incident goes
// through the same response as a pushed key — revoke, reserve the replacement, deliver it
// (writing the Actions secret its record names), tell the owner — then its issue is filed in
// the security repository, later places as comments. Keys are settled before GitHub is asked
// for anything, so no revocation waits for the security repository's installation.
import type { Logger } from 'pino';
import { GitHubError, type LeakstopError } from '../../errors.js';
import { publicLeakRuleId, publicSighting, PUBLIC_LEAK_REPO } from '../../public-leak.js';
import { keyHint } from '../../redact.js';
import { gitHubActionsSecretWriter, type ActionsSecretWriter } from '../../respond/actions-secret-writer.js';
import { respondToIncidents } from '../../respond/respond-to-incidents.js';
import type { Incident } from '../../types.js';
import type { AppServices } from '../app-services.js';
import { repoInstallationClient } from '../repo-installation.js';

/** One public place of a registered key: its hash, never the token. */
export interface PartnerHit {
  tokenHash: string;
  type: string;
  url: string;
  source: string;
}

export interface PartnerAlertData {
  /** GitHub gives a partner alert no delivery id: the one the app gave the request. */
  delivery: string;
  /** Always the public-leak pseudo-repository: the job's log lines say so. */
  repository: { fullName: typeof PUBLIC_LEAK_REPO };
  receivedAt: number;
  hits: PartnerHit[];
}

/** The Actions secret a record names is written through the app's installation on its repository. */
function installedActionsSecretWriter(services: AppServices, log: Logger): ActionsSecretWriter {
  const writerFor = async (repo: string) => {
    try {
      return gitHubActionsSecretWriter(await repoInstallationClient(services, repo, log));
    } catch (error) {
      throw new GitHubError(`cannot write an Actions secret in ${repo}: ${(error as LeakstopError).message}`);
    }
  };
  return {
    publicKey: async (target) => (await writerFor(target.repo)).publicKey(target),
    write: async (target, value) => (await writerFor(target.repo)).write(target, value),
  };
}

/** `log`: the job's, naming its delivery. */
export async function runPartnerAlert(data: PartnerAlertData, services: AppServices, log: Logger): Promise<void> {
  const { registry } = services;
  const securityRepo = services.settings.securityRepo;
  if (!securityRepo) throw new GitHubError('LEAKSTOP_SECURITY_REPO is not set in this worker: a partner alert has nowhere to file its incident');
  const { actor, dryRun } = services.response(undefined, log);
  const records = await registry.lookup(data.hits.map((hit) => hit.tokenHash));
  if (dryRun) {
    log.info({ keys: [...records.values()].map((key) => key.id) }, 'dry run (LEAKSTOP_DRY_RUN): partner alert not acted on');
    return;
  }
  const incidents = new Map<number, Incident>();
  for (const hit of data.hits) {
    const key = records.get(hit.tokenHash);
    // Deleted from the registry since the alert was answered: nothing left to revoke.
    if (!key) continue;
    const { incident } = await registry.responses.recordSighting(
      { repo: PUBLIC_LEAK_REPO, keyId: key.id, keyHashPrefix: hit.tokenHash.slice(0, 12), secretRedacted: keyHint(key), severity: 'critical', ruleId: publicLeakRuleId(hit.type), actor },
      publicSighting(hit),
    );
    incidents.set(incident.id, incident);
  }
  const options = { registry, actor, securityRepo, actionsSecrets: installedActionsSecretWriter(services, log), log: (line: string) => log.warn(line) };
  await respondToIncidents([...incidents.values()], options);
  const results = await respondToIncidents([...incidents.values()], { ...options, github: await repoInstallationClient(services, securityRepo, log) });
  for (const result of results) {
    log.info({ key: result.incident.keyId, issue: result.issueUrl, state: result.status.state }, 'incident response (found in public by GitHub secret scanning)');
  }
  // Unfinished (GitHub failing, the security repository without issues): the job is tried again.
  const unfinished = results.find((result) => result.status.state === 'failed');
  if (unfinished?.status.state === 'failed') throw new GitHubError(`incident ${unfinished.incident.id}: the ${unfinished.status.step} step failed (${unfinished.status.error})`);
}
