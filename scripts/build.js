// `npm run build`, and npm's `prepare` (with --prepare): compile the TypeScript to dist/, bundle the CLI
// into dist/cli/ (scripts/bundle-cli.mjs) and mark it executable. npm runs `prepare` on every install of
// this checkout, `npm ci --omit=dev` included, where TypeScript and esbuild (dev dependencies) are absent:
// a checkout whose dist/ was built elsewhere (a container's build stage) is then used as it is, and an
// unbuilt one says what to do instead of failing on `tsc: not found`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = `${root}dist/cli/main.js`;

function typescriptCompiler() {
  try {
    return createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    return undefined;
  }
}

const tsc = typescriptCompiler();
if (tsc === undefined) {
  if (process.argv.includes('--prepare') && fs.existsSync(cli)) process.exit(0);
  process.stderr.write('leakstop: TypeScript is not installed, so dist/ cannot be built: run `npm ci` (with dev dependencies), or deploy as the README says\n');
  process.exit(1);
}
const compiled = spawnSync(process.execPath, [tsc, '-p', `${root}tsconfig.json`], { stdio: 'inherit' });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);
const { bundleCli } = await import('./bundle-cli.mjs');
await bundleCli();
fs.chmodSync(cli, 0o755);
// The built-in rules' engine plan, shipped so that a first scan need not plan (pipeline/engine-cache.ts).
const { writeShippedPlan } = await import(`${root}dist/src/pipeline/engine-cache.js`);
await writeShippedPlan();
