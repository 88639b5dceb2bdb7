// The action's inputs, as the runner hands them over: `INPUT_<NAME>` with the name upper-cased
// (hyphens kept), empty when not given.
import { UsageError } from '../errors.js';
import { parseFormat, type OutputFormat } from '../cli/scan-output.js';

export type FailOn = 'any' | 'new' | 'none';

export interface ActionInputs {
  config?: string;
  baseline?: string;
  failOn: FailOn;
  format: OutputFormat;
  sarifFile: string;
  registry?: string;
}

function input(env: NodeJS.ProcessEnv, name: string): string | undefined {
  return env[`INPUT_${name.replaceAll(' ', '_').toUpperCase()}`]?.trim() || undefined;
}

export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const failOn = input(env, 'fail-on') ?? 'any';
  if (failOn !== 'any' && failOn !== 'new' && failOn !== 'none') throw new UsageError(`input fail-on must be any, new or none, not "${failOn}"`);
  return {
    config: input(env, 'config'),
    baseline: input(env, 'baseline'),
    failOn,
    format: parseFormat(input(env, 'format') ?? 'text'),
    sarifFile: input(env, 'sarif-file') ?? 'leakstop.sarif',
    registry: input(env, 'registry'),
  };
}
