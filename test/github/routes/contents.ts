// Repository contents, read from the repository's git data at a ref (default branch by default).
import { authorizedRepo } from '../access.js';
import { ApiError, notFound, type Route, type RouteContext } from '../api.js';
import type { TreeEntry } from '../git-store.js';
import type { RepoRecord } from '../state.js';

const TYPES: Record<TreeEntry['type'], string> = { blob: 'file', tree: 'dir', commit: 'submodule' };

/** GitHub wraps base64 content at 60 characters per line. */
function wrappedBase64(bytes: Buffer): string {
  const lines = bytes.toString('base64').match(/.{1,60}/g);
  return lines ? `${lines.join('\n')}\n` : '';
}

function entryJson(context: RouteContext, repo: RepoRecord, ref: string, entry: TreeEntry) {
  const full = `${repo.owner.login}/${repo.name}`;
  const encodedPath = entry.path.split('/').map(encodeURIComponent).join('/');
  const type = entry.mode === '120000' ? 'symlink' : TYPES[entry.type];
  const url = `${context.urls.api}/repos/${full}/contents/${encodedPath}?ref=${encodeURIComponent(ref)}`;
  const gitUrl = `${context.urls.api}/repos/${full}/git/${entry.type === 'tree' ? 'trees' : 'blobs'}/${entry.sha}`;
  const htmlUrl = `${context.urls.web}/${full}/${entry.type === 'tree' ? 'tree' : 'blob'}/${ref}/${encodedPath}`;
  return {
    name: entry.path.split('/').pop()!,
    path: entry.path,
    sha: entry.sha,
    size: entry.size,
    url,
    html_url: htmlUrl,
    git_url: gitUrl,
    download_url: type === 'file' ? `${context.urls.web}/${full}/raw/${ref}/${encodedPath}` : null,
    type,
    _links: { self: url, git: gitUrl, html: htmlUrl },
  };
}

export const contentRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/repos/{owner}/{repo}/contents/{path+}',
    docs: 'https://docs.github.com/rest/repos/contents#get-repository-content',
    async handle(context) {
      const repo = authorizedRepo(context, ['contents', 'read']);
      const git = context.git;
      if (await git.isEmpty(repo.gitDir)) throw new ApiError(404, 'This repository is empty.');
      const ref = context.query.get('ref') || repo.defaultBranch;
      const commit = await git.resolveCommit(repo.gitDir, ref);
      if (!commit) throw new ApiError(404, `No commit found for the ref ${ref}`);
      const filePath = (context.params.path ?? '').replace(/^\/+|\/+$/g, '');
      const entry = await git.entry(repo.gitDir, commit, filePath);
      if (!entry) throw notFound();
      if (entry.type === 'tree') {
        const entries = await git.listTree(repo.gitDir, commit, filePath);
        return { status: 200, body: entries.map((child) => entryJson(context, repo, ref, child)) };
      }
      const bytes = await git.readBlob(repo.gitDir, entry.sha);
      if (/application\/vnd\.github(\.v3)?\.raw/.test(String(context.headers.accept ?? ''))) {
        return { status: 200, body: bytes, headers: { 'content-type': 'application/vnd.github.raw; charset=utf-8' } };
      }
      return { status: 200, body: { ...entryJson(context, repo, ref, entry), content: wrappedBase64(bytes), encoding: 'base64' } };
    },
  },
];
