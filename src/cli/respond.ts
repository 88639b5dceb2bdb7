// `leakstop respond --resume`: finishes every response that a crash, a kill or a GitHub
// outage left incomplete, without repeating any step that was done.
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { gitHubActionsSecretWriter } from '../respond/actions-secret-writer.js';
import { resumeResponses } from '../respond/resume-responses.js';
import { withCliRegistry } from './open-cli-registry.js';
import { cliActor, cliGitHub, securityRepoOption } from './responder-options.js';
import { assertComplete, describeResults } from './response-output.js';
import { REGISTRY_OPTION } from './registry-option.js';

interface RespondFlags {
  resume?: boolean;
  registry?: string;
  securityRepo?: string;
}

export function registerRespond(program: Command): void {
  program
    .command('respond')
    .description('finish interrupted responses to leaked registry keys (revoke, replace, deliver, incident issue)')
    .option('--resume', 'finish every incomplete response in the response log')
    .option(...REGISTRY_OPTION)
    .option('--security-repo <owner/name>', 'file incidents of public repositories here (default: $LEAKSTOP_SECURITY_REPO)')
    .action(async (flags: RespondFlags) => {
      if (!flags.resume) throw new UsageError('say --resume to finish interrupted responses; `leakstop scan --respond` responds to new findings');
      const securityRepo = securityRepoOption(flags.securityRepo);
      const github = cliGitHub(false);
      const results = await withCliRegistry(flags.registry, (registry) => {
        if (!github) process.stderr.write('leakstop: GITHUB_TOKEN is not set: settling keys only; incident issues and Actions secrets wait for a resume with a token\n');
        return resumeResponses({
          registry,
          github,
          securityRepo,
          ...(github ? { actionsSecrets: gitHubActionsSecretWriter(github) } : {}),
          actor: cliActor(),
          log: (line) => process.stderr.write(`leakstop: ${line}\n`),
        });
      });
      process.stdout.write(describeResults(results));
      assertComplete(results);
    });
}
