#!/usr/bin/env node
// The `leakstop` command. A pre-commit hook runs `leakstop scan` on every commit, so it starts a
// program of that one subcommand: in the full program's bundle the scan's modules are split over
// ~30 files shared with other subcommands, and Node loads an ES module file in about 1 ms.
if (process.argv[2] === 'scan') await import('./scan-program.js');
else await import('./full-program.js');
