// Claiming a replacement: the one moment its plaintext is shown, exactly once.
import { UsageError } from '../errors.js';
import type { Actor, KeyRegistry, Secret } from '../types.js';
import { mintReplacement } from './mint-replacement.js';
import { openSealed } from './sealed-box.js';

const alreadyClaimed = (id: string) =>
  new UsageError(`replacement ${id} was already claimed and is never shown again: if it was lost, revoke it with \`leakstop revoke ${id} --reason lost --replace\``);

/** The replacement's plaintext, for its owner; a second claim is refused. */
export async function claimReplacement(registry: KeyRegistry, id: string, secretKeyBase64: string | undefined, actor: Actor): Promise<Secret> {
  const replacement = await registry.replacement(id);
  if (!replacement) throw new UsageError(`no replacement ${id} in the registry: \`leakstop incidents list\` shows the replacements reserved`);
  if (replacement.state === 'claimed') throw alreadyClaimed(id);
  if (replacement.state === 'sealed') {
    if (!secretKeyBase64) throw new UsageError(`replacement ${id} is sealed to the owner's public key: claim it with --secret-key FILE`);
    const plaintext = await openSealed(replacement.sealedBox ?? '', secretKeyBase64);
    // Opened first, consumed second: a wrong key does not use up the one claim.
    if (!(await registry.consumeSealedReplacement(id, actor))) throw alreadyClaimed(id);
    return plaintext;
  }
  const minted = await mintReplacement(registry, replacement, undefined, actor);
  if (!minted.won) throw alreadyClaimed(id);
  return minted.plaintext;
}
