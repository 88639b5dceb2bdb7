// `leakstop revoke KEY_ID --reason … [--replace]`: a person's decision, outside any incident.
// `leakstop revoke --github`: someone else's leaked GitHub tokens, reported to GitHub (revoke-github.ts).
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { deliverReplacement } from '../respond/deliver-replacement.js';
import { withCliRegistry } from './open-cli-registry.js';
import { revokeGitHubTokens, type RevokeGitHubFlags } from './revoke-github.js';
import { cliActor } from './responder-options.js';
import { REGISTRY_OPTION } from './registry-option.js';

interface RevokeFlags extends RevokeGitHubFlags {
  github?: boolean;
  reason?: string;
  replace?: boolean;
  registry?: string;
}

export function registerRevoke(program: Command): void {
  program
    .command('revoke')
    .description('revoke a registered key now, optionally reserving a replacement for its owner; or, with --github, report leaked GitHub tokens (stdin, one a line) to GitHub for revocation')
    .argument('[key-id]', 'the key to revoke (see `leakstop registry list`)')
    .option('--reason <text>', 'why, for the audit log (required with a key id)')
    .option('--replace', 'reserve a replacement with the same owner, label, environment and restrictions')
    .option(...REGISTRY_OPTION)
    .option('--github', "send the GitHub tokens on stdin (checksum-valid ones only) to GitHub's credential revocation API")
    .option('--api-url <url>', 'with --github: the REST API, e.g. https://github.example.com/api/v3 (default GITHUB_API_URL, else https://api.github.com)')
    .option('--wait', "with --github: wait for GitHub's hourly limit to reset instead of stopping")
    .option('--dry-run', 'with --github: list what would be sent, send nothing')
    .action(async (keyId: string | undefined, flags: RevokeFlags) => {
      if (flags.github) {
        if (keyId !== undefined || flags.reason !== undefined || flags.replace) throw new UsageError('--github takes the tokens on stdin: no key id, --reason or --replace');
        return revokeGitHubTokens(flags);
      }
      if (flags.apiUrl !== undefined || flags.wait || flags.dryRun) throw new UsageError('--api-url, --wait and --dry-run go with --github');
      if (keyId === undefined) throw new UsageError('give the key id to revoke (see `leakstop registry list`), or --github with tokens on stdin');
      if (flags.reason === undefined) throw new UsageError("required option '--reason <text>' not specified");
      const reason = flags.reason?.trim();
      if (!reason) throw new UsageError('--reason must say why the key is revoked');
      await withCliRegistry(flags.registry, async (registry) => {
        const actor = cliActor();
        const key = await registry.get(keyId);
        if (!key) throw new UsageError(`no key ${keyId} in the registry: \`leakstop registry list\` shows the keys`);
        if (key.status === 'revoked') process.stdout.write(`Key ${keyId} was already revoked${key.revokedAt ? ` at ${key.revokedAt}` : ''}; not revoked again.\n`);
        else {
          await registry.revoke(keyId, reason, actor);
          process.stdout.write(`Revoked key ${keyId} (${key.label}, owner ${key.owner}).\n`);
        }
        if (!flags.replace) return;
        const replacement = await registry.reserveReplacement(keyId, actor);
        const delivery = await deliverReplacement(registry, replacement.id, actor);
        process.stdout.write(
          delivery === 'sealed'
            ? `Replacement ${replacement.id} is sealed to ${key.owner}'s public key: the owner claims it with \`leakstop registry claim ${replacement.id} --secret-key FILE\`.\n`
            : `Replacement ${replacement.id} is reserved: it is minted and shown once to whoever claims it with \`leakstop registry claim ${replacement.id}\`.\n`,
        );
      });
    });
}
