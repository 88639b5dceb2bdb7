// `leakstop incidents list|show`: the response log, for a person or (JSON) a script.
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { describePublicPlace, isPublicLeak } from '../public-leak.js';
import { summarizeIncident } from '../respond/respond-to-incidents.js';
import type { KeyRegistry } from '../types.js';
import { withCliRegistry } from './open-cli-registry.js';
import { textTable } from './text-table.js';
import { REGISTRY_OPTION } from './registry-option.js';

interface IncidentsFlags {
  registry?: string;
  json?: boolean;
}

function stateText(summary: Awaited<ReturnType<typeof summarizeIncident>>): string {
  const { status } = summary;
  if (status.state === 'complete') return 'complete';
  if (status.state === 'pending') return `pending: ${status.waitingFor}`;
  return `failed: ${status.step}`;
}

async function listIncidents(registry: KeyRegistry, json: boolean): Promise<string> {
  const summaries = await Promise.all((await registry.responses.incidents()).map((incident) => summarizeIncident(registry, incident)));
  if (json) return `${JSON.stringify(summaries, null, 2)}\n`;
  if (summaries.length === 0) return 'No incidents recorded.\n';
  const rows = summaries.map((summary) => [
    String(summary.incident.id),
    stateText(summary),
    summary.incident.keyId,
    summary.incident.secretRedacted,
    summary.incident.repo,
    summary.replacementId ?? '-',
    summary.issueUrl ?? '-',
  ]);
  return textTable(['ID', 'STATE', 'KEY', 'SECRET', 'REPOSITORY', 'REPLACEMENT', 'ISSUE'], rows);
}

async function showIncident(registry: KeyRegistry, idText: string, json: boolean): Promise<string> {
  const id = Number(idText);
  const incident = Number.isInteger(id) ? await registry.responses.incident(id) : undefined;
  if (!incident) throw new UsageError(`no incident ${idText}: \`leakstop incidents list\` shows them`);
  const [summary, sightings, steps] = await Promise.all([
    summarizeIncident(registry, incident),
    registry.responses.sightings(id),
    registry.responses.steps(id),
  ]);
  if (json) return `${JSON.stringify({ ...summary, sightings, steps }, null, 2)}\n`;
  const lines = [
    `Incident ${incident.id}: key ${incident.keyId} (${incident.secretRedacted}) in ${incident.repo}`,
    `  state:     ${stateText(summary)}${summary.status.state === 'failed' ? ` — ${summary.status.error}` : ''}`,
    `  severity:  ${incident.severity} (rule ${incident.ruleId})`,
    `  detected:  ${incident.detectedAt} by ${incident.actor.kind} ${incident.actor.name}`,
    `Sightings:`,
    ...sightings.map((seen) => isPublicLeak(incident) ? `  #${seen.id} ${describePublicPlace(seen)}` : `  #${seen.id} ${seen.commit ? `${seen.commit.slice(0, 12)} ` : ''}${seen.path}:${seen.line}${seen.author ? ` by ${seen.author}` : ''}${seen.committedAt ? ` at ${seen.committedAt}` : ''}`),
    `Steps (intent → outcome):`,
    ...steps.map(
      (step) =>
        `  ${step.step.padEnd(10)} ${step.state.padEnd(7)} attempts ${step.attempts}  began ${step.startedAt}${step.finishedAt ? `  ended ${step.finishedAt}` : ''}\n` +
        `             ${JSON.stringify(step.intent)} → ${step.error ?? JSON.stringify(step.outcome ?? null)}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

export function registerIncidents(program: Command): void {
  const incidents = program.command('incidents').description('the response log: what was done about each leaked key');
  const common = (command: Command) =>
    command
      .option(...REGISTRY_OPTION)
      .option('--json', 'print JSON');
  common(incidents.command('list').description('every incident, newest first, with its state')).action(async (flags: IncidentsFlags) => {
    process.stdout.write(await withCliRegistry(flags.registry, (registry) => listIncidents(registry, Boolean(flags.json))));
  });
  common(incidents.command('show').description("one incident's sightings and steps").argument('<id>', 'incident id')).action(async (id: string, flags: IncidentsFlags) => {
    process.stdout.write(await withCliRegistry(flags.registry, (registry) => showIncident(registry, id, Boolean(flags.json))));
  });
}
