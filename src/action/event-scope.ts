// What the workflow's event brought, and so what to scan: a pull request's commits (base..head),
// a push's (before..after; for a new branch or a force push, the commits no other branch has),
// nothing for a deleted branch, and the whole history on a schedule, a manual run or anything else.
import { isNull, type PushedRef } from '../sources/history/push-range.js';

export type EventScope =
  | { kind: 'full'; what: string }
  | { kind: 'pull-request'; base: string; head: string; what: string }
  | { kind: 'push'; push: PushedRef; what: string }
  | { kind: 'nothing'; what: string };

interface Payload {
  pull_request?: { number?: number; base?: { sha?: string }; head?: { sha?: string } };
  ref?: string;
  before?: string;
  after?: string;
  deleted?: boolean;
}

const short = (sha: string): string => sha.slice(0, 7);

export function eventScope(eventName: string, payload: Payload): EventScope {
  const pull = payload.pull_request;
  if ((eventName === 'pull_request' || eventName === 'pull_request_target') && pull?.base?.sha && pull.head?.sha) {
    const { base, head } = { base: pull.base.sha, head: pull.head.sha };
    return { kind: 'pull-request', base, head, what: `pull request #${pull.number ?? '?'} (${short(base)}..${short(head)})` };
  }
  if (eventName === 'push' && payload.ref && payload.before && payload.after) {
    const push = { ref: payload.ref, before: payload.before, after: payload.after };
    const name = push.ref.replace(/^refs\/(heads|tags)\//, '');
    if (payload.deleted || isNull(push.after)) return { kind: 'nothing', what: `the deletion of ${name} (nothing to scan)` };
    const what = isNull(push.before) ? `the new ${push.ref.startsWith('refs/tags/') ? 'tag' : 'branch'} ${name} (${short(push.after)})` : `the push to ${name} (${short(push.before)}..${short(push.after)})`;
    return { kind: 'push', push, what };
  }
  return { kind: 'full', what: `the whole history (${eventName || 'no event'})` };
}
