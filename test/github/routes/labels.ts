// Repository labels. Names are unique case-insensitively, as on GitHub.
import { authorizedRepo } from '../access.js';
import { created, notFound, validationFailed, type Route } from '../api.js';
import { optionalString, requiredString } from '../body-fields.js';
import { labelJson } from '../json/label.js';
import { pagedList } from '../pagination.js';
import type { EmulatorState, LabelRecord, RepoRecord } from '../state.js';

/** The colour GitHub gives a label created without one (e.g. by naming it on a new issue). */
const DEFAULT_COLOR = 'ededed';

export function addLabel(
  state: EmulatorState,
  repo: RepoRecord,
  fields: { name: string; color?: string; description?: string | null },
): LabelRecord {
  const label: LabelRecord = {
    id: state.nextId('label'),
    repoId: repo.id,
    name: fields.name,
    color: (fields.color ?? DEFAULT_COLOR).toLowerCase(),
    description: fields.description ?? null,
    default: false,
  };
  state.labels.push(label);
  return label;
}

/** The labels with these names, creating those the repository lacks. */
export function labelsNamed(state: EmulatorState, repo: RepoRecord, names: string[]): LabelRecord[] {
  const labels: LabelRecord[] = [];
  for (const name of names) {
    const label = state.label(repo.id, name) ?? addLabel(state, repo, { name });
    if (!labels.includes(label)) labels.push(label);
  }
  return labels;
}

export const labelRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/repos/{owner}/{repo}/labels',
    docs: 'https://docs.github.com/rest/issues/labels#list-labels-for-a-repository',
    handle(context) {
      const repo = authorizedRepo(context, ['issues', 'read']);
      return pagedList(context, context.state.labelsOf(repo.id), (label) => labelJson(label, repo, context.urls));
    },
  },
  {
    method: 'POST',
    pattern: '/repos/{owner}/{repo}/labels',
    docs: 'https://docs.github.com/rest/issues/labels#create-a-label',
    handle(context) {
      const repo = authorizedRepo(context, ['issues', 'write']);
      const name = requiredString(context.body, 'name');
      const color = optionalString(context.body, 'color')?.replace(/^#/, '');
      const description = optionalString(context.body, 'description');
      if (name.trim() === '') throw validationFailed({ resource: 'Label', code: 'missing_field', field: 'name' });
      if (color !== undefined && color !== null && !/^[0-9a-fA-F]{6}$/.test(color)) {
        throw validationFailed({ resource: 'Label', code: 'invalid', field: 'color' });
      }
      if (context.state.label(repo.id, name)) {
        throw validationFailed({ resource: 'Label', code: 'already_exists', field: 'name' });
      }
      const label = addLabel(context.state, repo, { name, color: color ?? undefined, description });
      return created(labelJson(label, repo, context.urls));
    },
  },
  {
    method: 'GET',
    pattern: '/repos/{owner}/{repo}/labels/{name}',
    docs: 'https://docs.github.com/rest/issues/labels#get-a-label',
    handle(context) {
      const repo = authorizedRepo(context, ['issues', 'read']);
      const label = context.state.label(repo.id, context.params.name ?? '');
      if (!label) throw notFound();
      return { status: 200, body: labelJson(label, repo, context.urls) };
    },
  },
];
