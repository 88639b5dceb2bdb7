import { defineConfig } from 'vitest/config';

// CI asks for a machine-readable report beside the usual console output (see .ci/run).
const jsonReport = process.env.LEAKSTOP_TEST_REPORT;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    ...(jsonReport ? { reporters: ['default', 'json'], outputFile: { json: jsonReport } } : {}),
  },
});
