// What a pusher reads when the server's pre-receive hook refuses a push (git shows it as
// `remote: …` lines): each finding with its place, rule and redacted secret, what to do about
// the secret, how to take it out of the commits, and how to push anyway when it is no secret.
import type { Finding } from '../types.js';
import { guidanceFor } from './finding-guidance.js';

function findingLines(finding: Finding): string[] {
  const place = finding.within === undefined ? `${finding.path}:${finding.line}` : `the ${finding.within} of commit ${finding.commit?.slice(0, 12)}`;
  return [
    `  ${place}  ${finding.ruleId}  ${finding.secretRedacted}`,
    ...(finding.commit && finding.within === undefined ? [`    added in commit ${finding.commit.slice(0, 12)}${finding.author ? ` by ${finding.author}` : ''}`] : []),
    `    fix: ${guidanceFor(finding)}`,
  ];
}

export function renderPushRejection(findings: Finding[]): string {
  const count = `${findings.length} secret${findings.length === 1 ? '' : 's'}`;
  return [
    `Leakstop: push rejected: ${count} in the pushed commits.`,
    '',
    ...findings.flatMap(findingLines),
    '',
    'Nothing of this push was stored. Take each secret out of the commit that added it, then push again:',
    '  - in the last commit: remove it from the file, `git add` it, then `git commit --amend`;',
    '  - in an earlier commit: `git rebase -i <commit>^`, mark that commit `edit`, remove it, `git commit --amend`, `git rebase --continue`;',
    '  - in a commit message: `git commit --amend` (the last commit) or `reword` in `git rebase -i`.',
    'Keep the value in an environment variable or a secret store instead. It was sent over the network: if it is a live credential, revoke and replace it as said above.',
    'Not a secret (a test fixture)? Add `leakstop:allow` to its line, or push with',
    '  git push -o leakstop.allow="<why>"   (recorded with your name in the audit log).',
    '',
  ].join('\n');
}
