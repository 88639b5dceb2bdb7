// What to do about a commit the staged scan refuses. It is printed last, where a developer whose
// commit just failed looks first, and names the way out for each kind of finding.

/** The baseline file the advice suggests; any name works, this one is the README's. */
const DEFAULT_BASELINE = '.leakstop-baseline.json';

/**
 * `framework`: run by the pre-commit framework (which sets PRE_COMMIT=1), where a baseline is
 * given as the hook's `args`, not by reinstalling Leakstop's own hook.
 */
export function commitAdvice(findings: number, framework: boolean): string[] {
  const useBaseline = framework
    ? `add \`args: [--baseline, ${DEFAULT_BASELINE}]\` to the leakstop hook in .pre-commit-config.yaml`
    : `leakstop hook install --baseline ${DEFAULT_BASELINE}`;
  return [
    `This commit would add ${findings === 1 ? 'a secret' : `${findings} secrets`}. What to do:`,
    '  - remove the secret from the staged files and load it from the environment or a secret store;',
    '    if it was ever pushed, shared or logged, rotate it: treat it as leaked',
    '  - a false positive: add a `leakstop:allow` comment on its line',
    `  - known and accepted: leakstop scan --staged --write-baseline ${DEFAULT_BASELINE}, then ${useBaseline}`,
    '  - `git commit --no-verify` skips this check for one commit',
  ];
}
