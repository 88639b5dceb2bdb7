// The JSON report of `leakstop scan --format json`, as tests read it.
import { createHmac, randomBytes } from 'node:crypto';
import type { CliResult } from './run-cli.js';

// Every scan a test file runs after importing this uses one fingerprint key (the CLI inherits the
// environment), so the test can tell which secret a finding holds.
const FINGERPRINT_KEY = randomBytes(32).toString('hex');
process.env.LEAKSTOP_FINGERPRINT_KEY = FINGERPRINT_KEY;
export const fingerprintOf = (text: string): string => createHmac('sha256', Buffer.from(FINGERPRINT_KEY, 'hex')).update(text).digest('hex');

export interface JsonFinding {
  ruleId: string;
  path: string;
  line: number;
  column: number;
  secretFingerprint: string;
  /** Only on registry hits and strings of a registered shape. */
  secretHash?: string;
  secretRedacted: string;
  registry: { match: boolean };
  secret?: string;
}

export const findingsOf = (result: CliResult): JsonFinding[] => JSON.parse(result.stdout) as JsonFinding[];
