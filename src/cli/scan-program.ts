// `leakstop scan` alone: what main.ts runs for it. Bundled on its own (scripts/bundle-cli.mjs), its
// modules load from a few files instead of the ~30 the full program's bundle shares them out into.
import { runProgram } from './program.js';
import { registerScan } from './scan.js';

runProgram({ scan: async () => registerScan });
