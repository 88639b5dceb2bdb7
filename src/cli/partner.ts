// `leakstop partner patterns`: the secret types to submit to GitHub's secret scanning partner
// program, one per shape of the registry's keys (see src/registry/partner-patterns.ts).
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { partnerPatterns, type PartnerPattern } from '../registry/partner-patterns.js';
import { withCliRegistry } from './open-cli-registry.js';
import { REGISTRY_OPTION } from './registry-option.js';

function asText(patterns: PartnerPattern[]): string {
  return patterns
    .map((pattern) =>
      [
        `Secret type:  ${pattern.type}`,
        `Name:         ${pattern.name}`,
        `Regex:        ${pattern.regex}`,
        `Before:       ${pattern.before}`,
        `After:        ${pattern.after}`,
        ...(pattern.checksum ? [`Checksum:     ${pattern.checksum}`] : []),
      ].join('\n'),
    )
    .join('\n\n');
}

export function registerPartner(program: Command): void {
  const partner = program.command('partner').description("GitHub's secret scanning partner program: what to submit to it");
  partner
    .command('patterns')
    .description("print the secret types to submit to GitHub, made from the registry's key shapes (no key, no sample)")
    .option('--format <format>', 'text or json', 'text')
    .option(...REGISTRY_OPTION)
    .action(async (flags: { format: string; registry?: string }) => {
      if (flags.format !== 'text' && flags.format !== 'json') throw new UsageError(`--format must be text or json, not "${flags.format}"`);
      const patterns = partnerPatterns(await withCliRegistry(flags.registry, (registry) => registry.shapes()));
      if (flags.format === 'json') process.stdout.write(`${JSON.stringify(patterns, null, 2)}\n`);
      else if (patterns.length > 0) process.stdout.write(`${asText(patterns)}\n`);
      process.stderr.write(
        patterns.length > 0
          ? `${patterns.length} secret type(s): send them to secret-scanning@github.com with the endpoint URL (see README, "GitHub secret scanning partner program").\n`
          : 'the registry holds no keys yet, so it has no shapes to submit: issue or import keys first.\n',
      );
    });
}
