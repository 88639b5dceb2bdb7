// Preloaded into the CLI by bench:history (`node --import`): writes the process's own peak RSS
// (kilobytes, worker threads included; git children not) to $LEAKSTOP_BENCH_RSS_FILE on exit.
import fs from 'node:fs';

const file = process.env.LEAKSTOP_BENCH_RSS_FILE;
if (file) process.on('exit', () => fs.writeFileSync(file, String(process.resourceUsage().maxRSS)));
