// `leakstop registry init|issue|import|list|show|revoke` — the key registry (issue 5 adds
// `owner` and `claim`, see registry-replacements.ts). Keys are shown redacted, except a new key:
// printed once, alone on stdout, so it can be piped into a secret manager.
import fs from 'node:fs';
import type { Command } from 'commander';
import { errnoText } from '../errno-text.js';
import { UsageError } from '../errors.js';
import { keyHint } from '../redact.js';
import { importFormatOf, readImportedKeys } from '../registry/read-imported-keys.js';
import type { AuditEntry, DeliveryTarget, KeyRecord, KeyRestrictions, KeyStatus } from '../types.js';
import { withCliRegistry } from './open-cli-registry.js';
import { registerReplacementCommands } from './registry-replacements.js';
import { cliActor } from './responder-options.js';
import { textTable } from './text-table.js';
import { REGISTRY_OPTION } from './registry-option.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** A key record as JSON: `keyId`, as in every other JSON output (check, scan findings, incidents). */
function keyJson({ id, ...record }: KeyRecord): Record<string, unknown> {
  return { keyId: id, ...record };
}

function parsePrefixes(values: string[]): Record<string, string> {
  return Object.fromEntries(values.map((value) => {
    const match = /^([^=]+)=(.+)$/.exec(value);
    if (!match) throw new UsageError(`--prefix takes ENV=PREFIX, e.g. staging=lk_staging_, not "${value}"`);
    return [match[1]!.trim(), match[2]!.trim()];
  }));
}

interface IssueFlags {
  owner: string;
  label: string;
  env: string;
  restrict?: string;
  allowIp?: string[];
  endpoint?: string[];
  rateLimit?: string;
  actionsSecret?: string;
  registry?: string;
}

function restrictionsOf(flags: IssueFlags): KeyRestrictions {
  let restrictions: KeyRestrictions = {};
  if (flags.restrict !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(flags.restrict);
    } catch {
      throw new UsageError('--restrict must be a JSON object, e.g. \'{"allowedIps":["10.0.0.0/8"],"rateLimit":100}\'');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new UsageError('--restrict must be a JSON object');
    const unknown = Object.keys(parsed).find((name) => !['allowedIps', 'endpoints', 'rateLimit'].includes(name));
    if (unknown) throw new UsageError(`--restrict: unknown restriction "${unknown}" (allowedIps, endpoints, rateLimit)`);
    restrictions = parsed as KeyRestrictions;
  }
  if (flags.allowIp) restrictions.allowedIps = [...(restrictions.allowedIps ?? []), ...flags.allowIp];
  if (flags.endpoint) restrictions.endpoints = [...(restrictions.endpoints ?? []), ...flags.endpoint];
  if (flags.rateLimit !== undefined) {
    const limit = Number(flags.rateLimit);
    if (!Number.isInteger(limit) || limit <= 0) throw new UsageError(`--rate-limit must be a positive whole number, not "${flags.rateLimit}"`);
    restrictions.rateLimit = limit;
  }
  return restrictions;
}

function deliveryTargetOf(value: string | undefined): DeliveryTarget | undefined {
  if (value === undefined) return undefined;
  const match = /^([\w.-]+\/[\w.-]+):([A-Za-z_][A-Za-z0-9_]*)$/.exec(value);
  if (!match) throw new UsageError(`--actions-secret takes OWNER/REPO:SECRET_NAME, not "${value}"`);
  return { kind: 'actions-secret', repo: match[1]!, name: match[2]! };
}

function showKey(key: KeyRecord, audit: AuditEntry[]): string {
  const facts: [string, string | undefined][] = [
    ['key', keyHint(key)],
    ['status', key.status],
    ['owner', key.owner],
    ['label', key.label],
    ['environment', key.environment],
    ['shape', key.shape ? `${key.shape.prefix} + ${key.shape.bodyLength} ${key.shape.alphabet}${key.shape.checksum ? ` (${key.shape.checksum})` : ''}` : undefined],
    ['sha256', key.hash],
    ['restrictions', Object.keys(key.restrictions).length ? JSON.stringify(key.restrictions) : undefined],
    ['delivery', key.deliveryTarget ? `Actions secret ${key.deliveryTarget.name} in ${key.deliveryTarget.repo}` : undefined],
    ['created', key.createdAt],
    ['revoked', key.revokedAt ? `${key.revokedAt}: ${key.revocationReason ?? ''}` : undefined],
    ['replaces', key.replaces],
    ['replaced by', key.replacedBy],
  ];
  const lines = [`Key ${key.id}`, ...facts.filter(([, value]) => value !== undefined).map(([name, value]) => `  ${`${name}:`.padEnd(14)}${value}`), 'Audit:'];
  for (const entry of audit) lines.push(`  ${entry.at}  ${entry.action.padEnd(20)} ${entry.actor.kind} ${entry.actor.name}${entry.reason ? ` — ${entry.reason}` : ''}`);
  return `${lines.join('\n')}\n`;
}

export function registerRegistry(program: Command): void {
  const registry = program.command('registry').description('the key registry: every key we issued, by SHA-256 only');

  registry
    .command('init')
    .description('create the registry (or bring its schema up to date) and set key prefixes per environment')
    .option('--prefix <env=prefix>', 'key prefix of an environment, e.g. staging=lk_staging_ (repeatable)', collect)
    .option(...REGISTRY_OPTION)
    .action(async (flags: { prefix?: string[]; registry?: string }) => {
      await withCliRegistry(flags.registry, async (open) => {
        if (flags.prefix) await open.setPrefixes(parsePrefixes(flags.prefix), cliActor());
        const prefixes = Object.entries(await open.prefixes()).map(([environment, prefix]) => `${environment}=${prefix}`);
        process.stdout.write(`Key registry ready at ${open.location}. Key prefixes: ${prefixes.join(', ')}.\n`);
      }, { create: true });
    });

  registry
    .command('issue')
    .description('issue a new key: printed once on stdout, stored as its SHA-256 only')
    .requiredOption('--owner <owner>', 'the account the key belongs to')
    .requiredOption('--label <label>', 'what the key is for, e.g. ci-deploy')
    .option('--env <environment>', 'environment, which picks the prefix (live, test, or one added with init --prefix)', 'live')
    .option('--restrict <json>', 'restrictions as JSON: {"allowedIps":[…],"endpoints":[…],"rateLimit":N}')
    .option('--allow-ip <ip>', 'allowed IP or CIDR (repeatable)', collect)
    .option('--endpoint <endpoint>', 'allowed endpoint (repeatable)', collect)
    .option('--rate-limit <n>', 'rate-limit override, requests per minute')
    .option('--actions-secret <repo:name>', 'a GitHub Actions secret (OWNER/REPO:NAME) to rotate when the key is replaced')
    .option(...REGISTRY_OPTION)
    .action(async (flags: IssueFlags) => {
      const deliveryTarget = deliveryTargetOf(flags.actionsSecret);
      const spec = { owner: flags.owner, label: flags.label, environment: flags.env, restrictions: restrictionsOf(flags), ...(deliveryTarget ? { deliveryTarget } : {}) };
      const issued = await withCliRegistry(flags.registry, (open) => open.issue(spec, cliActor()));
      process.stderr.write(`Issued ${issued.record.id} to ${issued.record.owner} (${issued.record.label}, ${issued.record.environment}). ` +
        'The key is shown this once and never again: store it in your secret manager now.\n');
      // The one place an issued key's plaintext is printed: stdout alone, so it can be piped.
      process.stdout.write(`${issued.key.reveal()}\n`);
    });

  registry
    .command('import')
    .description('register legacy keys by hash, shape and metadata, from CSV or JSON Lines (- for stdin)')
    .argument('<file>', 'CSV with a header row (hash,prefix,body_length,alphabet,owner,label,…) or JSON Lines')
    .option('--format <format>', 'csv or jsonl (default: from the file name)')
    .option(...REGISTRY_OPTION)
    .action(async (file: string, flags: { format?: string; registry?: string }) => {
      const format = importFormatOf(file, flags.format);
      let text: string;
      try {
        text = fs.readFileSync(file === '-' ? 0 : file, 'utf8');
      } catch (error) {
        throw new UsageError(`cannot read ${file}: ${errnoText(error)}`);
      }
      const keys = readImportedKeys(text, format, file);
      const summary = await withCliRegistry(flags.registry, (open) => open.importHashes(keys, cliActor()));
      process.stdout.write(`Imported ${summary.imported} key(s) by hash from ${file}` +
        `${summary.alreadyRegistered ? `; ${summary.alreadyRegistered} already registered, left as they were` : ''}.\n`);
    });

  registry
    .command('list')
    .description('list the registered keys, redacted')
    .option('--owner <owner>', 'only this owner\'s keys')
    .option('--status <status>', 'active or revoked')
    .option('--json', 'JSON instead of a table')
    .option(...REGISTRY_OPTION)
    .action(async (flags: { owner?: string; status?: string; json?: boolean; registry?: string }) => {
      if (flags.status !== undefined && flags.status !== 'active' && flags.status !== 'revoked') throw new UsageError(`--status must be active or revoked, not "${flags.status}"`);
      const filter = { ...(flags.owner ? { owner: flags.owner } : {}), ...(flags.status ? { status: flags.status as KeyStatus } : {}) };
      const keys = await withCliRegistry(flags.registry, (open) => open.list(filter));
      if (flags.json) return void process.stdout.write(`${JSON.stringify(keys.map(keyJson), null, 2)}\n`);
      if (keys.length === 0) return void process.stdout.write('No keys registered.\n');
      process.stdout.write(textTable(['ID', 'KEY', 'OWNER', 'LABEL', 'ENV', 'STATUS', 'CREATED'],
        keys.map((key) => [key.id, keyHint(key), key.owner, key.label, key.environment, key.status, key.createdAt])));
    });

  registry
    .command('show')
    .description("one key's record and audit log")
    .argument('<key-id>', 'the key (see `leakstop registry list`)')
    .option('--json', 'JSON instead of text')
    .option(...REGISTRY_OPTION)
    .action(async (id: string, flags: { json?: boolean; registry?: string }) => {
      const [key, audit] = await withCliRegistry(flags.registry, (open) => Promise.all([open.get(id), open.audit(id)]));
      if (!key) throw new UsageError(`no key ${id} in the registry: \`leakstop registry list\` shows the keys`);
      process.stdout.write(flags.json ? `${JSON.stringify({ ...keyJson(key), audit }, null, 2)}\n` : showKey(key, audit));
    });

  registry
    .command('revoke')
    .description('revoke a key (`leakstop revoke --replace` also reserves a replacement)')
    .argument('<key-id>', 'the key (see `leakstop registry list`)')
    .requiredOption('--reason <text>', 'why, for the audit log')
    .option(...REGISTRY_OPTION)
    .action(async (id: string, flags: { reason: string; registry?: string }) => {
      if (!flags.reason.trim()) throw new UsageError('--reason must say why the key is revoked');
      const message = await withCliRegistry(flags.registry, async (open) => {
        const before = await open.get(id);
        if (!before) throw new UsageError(`no key ${id} in the registry: \`leakstop registry list\` shows the keys`);
        if (before.status === 'revoked') return `${id} was already revoked at ${before.revokedAt} (${before.revocationReason}); not revoked again.\n`;
        const key = await open.revoke(id, flags.reason, cliActor());
        return `Revoked ${key.id} (${key.label}, owner ${key.owner}) at ${key.revokedAt}.\n`;
      });
      process.stdout.write(message);
    });

  registerReplacementCommands(registry);
}
