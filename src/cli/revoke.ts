// `leakstop revoke KEY_ID --reason … [--replace]`: a person's decision, outside any incident.
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { deliverReplacement } from '../respond/deliver-replacement.js';
import { withCliRegistry } from './open-cli-registry.js';
import { cliActor } from './responder-options.js';
import { REGISTRY_OPTION } from './registry-option.js';

interface RevokeFlags {
  reason?: string;
  replace?: boolean;
  registry?: string;
}

export function registerRevoke(program: Command): void {
  program
    .command('revoke')
    .description('revoke a registered key now, optionally reserving a replacement for its owner')
    .argument('<key-id>', 'the key to revoke (see `leakstop registry list`)')
    .requiredOption('--reason <text>', 'why, for the audit log')
    .option('--replace', 'reserve a replacement with the same owner, label, environment and restrictions')
    .option(...REGISTRY_OPTION)
    .action(async (keyId: string, flags: RevokeFlags) => {
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
