// Where a finding's line is on the repository's web page, when the CI says which repository it
// is: GitHub's `/blob/<sha>/<path>#L<n>`, GitLab's `/-/blob/<sha>/<path>#L<n>`.
import type { Finding } from '../types.js';

export interface RepositoryWeb {
  /** e.g. `https://github.com/owner/name` */
  url: string;
  host: 'github' | 'gitlab';
  /** The commit a working-tree finding's file is at (the CI's checkout), when known. */
  commit?: string;
}

/** A commit's own text (`commit:<sha>`) links to the commit; a file to its line at the commit. */
export function findingLink(web: RepositoryWeb | undefined, finding: Pick<Finding, 'path' | 'line' | 'commit' | 'within'>): string | undefined {
  const commit = finding.commit ?? web?.commit;
  if (!web || !commit || !/^[0-9a-f]{7,64}$/.test(commit)) return undefined;
  const base = web.url.replace(/\/+$/, '');
  const sep = web.host === 'gitlab' ? '/-/' : '/';
  if (finding.within !== undefined) return `${base}${sep}commit/${commit}`;
  const file = finding.path.split('/').map(encodeURIComponent).join('/');
  return `${base}${sep}blob/${commit}/${file}#L${finding.line}`;
}
