// The `label` shape.
import type { LabelRecord, RepoRecord } from '../state.js';
import type { Urls } from '../urls.js';
import { nodeId } from './node-id.js';

export function labelJson(label: LabelRecord, repo: RepoRecord, urls: Urls) {
  return {
    id: label.id,
    node_id: nodeId('Label', label.id),
    url: `${urls.api}/repos/${repo.owner.login}/${repo.name}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: label.default,
    description: label.description,
  };
}
