// `leakstop registry owner add|keygen` and `leakstop registry claim`: how replacements reach
// their owners — sealed to an owner's public key, or minted when claimed — shown exactly once.
import fs from 'node:fs';
import type { Command } from 'commander';
import { errnoText } from '../errno-text.js';
import { OutputError, UsageError } from '../errors.js';
import { PrivateFile, writePrivateFile } from '../private-file.js';
import { claimReplacement } from '../respond/claim-replacement.js';
import { generateOwnerKeyPair, parsePublicKey } from '../respond/sealed-box.js';
import { withCliRegistry } from './open-cli-registry.js';
import { cliActor } from './responder-options.js';
import { REGISTRY_OPTION } from './registry-option.js';

function readKeyFile(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${file}: ${errnoText(error)}`);
  }
}

/** Adds `owner` and `claim` to the `registry` command. */
export function registerReplacementCommands(registry: Command): void {
  const owner = registry.command('owner').description("owners' public keys: replacements for their leaked keys are sealed to them");
  owner
    .command('add')
    .description("register (or change) an owner's public key")
    .argument('<owner>', 'the owner (account id) as the registry knows it')
    .requiredOption('--public-key <file>', 'base64 X25519 public key, as `registry owner keygen` writes it')
    .option(...REGISTRY_OPTION)
    .action(async (ownerId: string, flags: { publicKey: string; registry?: string }) => {
      const publicKey = await parsePublicKey(readKeyFile(flags.publicKey, 'the public key file'));
      await withCliRegistry(flags.registry, (open) => open.addOwnerKey(ownerId, publicKey, cliActor()));
      process.stdout.write(`Replacements for ${ownerId}'s keys are now sealed to the public key in ${flags.publicKey}.\n`);
    });
  owner
    .command('keygen')
    .description('make a key pair for an owner: FILE (secret, keep it private) and FILE.pub')
    .argument('<file>', 'where to write the secret key; the public key goes to FILE.pub')
    .action(async (file: string) => {
      if (fs.existsSync(file)) throw new UsageError(`${file} exists: choose another file, an owner's secret key is never overwritten`);
      const pair = await generateOwnerKeyPair();
      writePrivateFile(file, `${pair.secretKey}\n`, { exclusive: true });
      fs.writeFileSync(`${file}.pub`, `${pair.publicKey}\n`);
      process.stdout.write(`Secret key: ${file} (keep it private)\nPublic key: ${file}.pub — register it with \`leakstop registry owner add OWNER --public-key ${file}.pub\`\n`);
    });
  registry
    .command('claim')
    .description('show a replacement key once: opened with the owner secret key, or minted now')
    .argument('<id>', 'the replacement id (from the incident issue or `leakstop incidents list`)')
    .option('--secret-key <file>', "the owner's secret key, for a replacement sealed to the owner")
    .option('--output <file>', 'write the key to this file (created mode 0600) instead of stdout')
    .option(...REGISTRY_OPTION)
    .action(async (id: string, flags: { secretKey?: string; output?: string; registry?: string }) => {
      const secretKey = flags.secretKey === undefined ? undefined : readKeyFile(flags.secretKey, 'the secret key file');
      // Opened before the claim: a claim is once only, so the key must have somewhere to go.
      const target = flags.output === undefined ? undefined : PrivateFile.open(flags.output);
      try {
        const plaintext = await withCliRegistry(flags.registry, (open) => claimReplacement(open, id, secretKey, cliActor()));
        if (target) {
          try {
            target.write(`${plaintext.reveal()}\n`);
            process.stderr.write(`Replacement ${id}: written to ${target.path} (readable by you only), and never shown again.\n`);
            return;
          } catch (error) {
            if (!(error instanceof OutputError)) throw error;
            // Claimed is claimed: a key that cannot be written must still reach its owner.
            process.stdout.write(`${plaintext.reveal()}\n`);
            process.stderr.write(`leakstop: ${error.message}; the key was written to stdout instead\n`);
            process.exitCode = 2;
            return;
          }
        }
        process.stderr.write(`Replacement ${id}: shown this once and never again — store it in your secret manager now.\n`);
        // The one place a replacement's plaintext is printed: stdout alone, so it can be piped.
        process.stdout.write(`${plaintext.reveal()}\n`);
      } finally {
        target?.abandon();
      }
    });
}
