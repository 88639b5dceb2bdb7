// The JSON report of `leakstop scan --format json`, as tests read it.
import type { CliResult } from './run-cli.js';

export interface JsonFinding {
  ruleId: string;
  path: string;
  line: number;
  column: number;
  secretHash: string;
  secretRedacted: string;
  registry: { match: boolean };
  secret?: string;
}

export const findingsOf = (result: CliResult): JsonFinding[] => JSON.parse(result.stdout) as JsonFinding[];
