import os from 'node:os';
import { defineConfig } from 'vitest/config';

// CI asks for a machine-readable report beside the usual console output (see .ci/run).
const jsonReport = process.env.LEAKSTOP_TEST_REPORT;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most tests wait on what they start (the CLI, git, npm, a compiler, PostgreSQL), so two run at
    // once even on two cores, where vitest would run one (cores − 1): the suite took 32 min, now 19.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    ...(jsonReport ? { reporters: ['default', 'json'], outputFile: { json: jsonReport } } : {}),
  },
});
