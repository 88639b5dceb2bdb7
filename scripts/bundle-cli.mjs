// Bundles the CLI's own modules into dist/cli/, where `leakstop` runs from. Unbundled, a
// `scan --staged` loaded about 110 of our ES modules one by one, and their resolving, loading and
// linking cost more of its start-up than the scan did. Split where subcommands load lazily, the
// bundle loads a few files, and `leakstop scan` has a bundle of its own.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The small pure-JavaScript dependencies a scan loads are bundled with it; every other dependency
 * (the app's server, database and GitHub clients, native better-sqlite3) is loaded from
 * node_modules as installed, as it was written to be.
 */
const BUNDLED = new Set(['commander', 'minimatch', 'brace-expansion', 'balanced-match', 'binary-extensions', 'ignore', 'smol-toml', 'p-limit', 'yocto-queue']);

const packageOf = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

const externalDependencies = {
  name: 'external-dependencies',
  setup(bundle) {
    bundle.onResolve({ filter: /^[^./]/ }, (args) => (BUNDLED.has(packageOf(args.path)) ? undefined : { path: args.path, external: true }));
  },
};

/** Options both bundles share. */
const common = {
  absWorkingDir: ROOT,
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  // CommonJS dependencies call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as leakstopCreateRequire } from 'node:module';\nconst require = leakstopCreateRequire(import.meta.url);" },
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // Less source to parse at each start (about 10 ms of a pre-commit scan); names are kept, so
  // a stack trace (LEAKSTOP_DEBUG) still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
};

/** The workers `scan` starts, which it finds beside its chunks (`new URL('./<worker>.js', import.meta.url)`). */
const SCAN_WORKERS = ['detect-worker', 'rule-guard-worker'];

/**
 * Two bundles: the full program in dist/cli/, and `leakstop scan` alone in dist/cli/scan/, which
 * main.js runs for that subcommand (src/cli/main.ts says why). The scan's workers are the full
 * bundle's: each runs in its own thread, sharing no module with the scan.
 */
export async function bundleCli(outdir = path.join(ROOT, 'dist/cli')) {
  fs.rmSync(outdir, { recursive: true, force: true });
  const scanDir = path.join(outdir, 'scan');
  await build({
    ...common,
    // Workers are started from `new URL('./<worker>.js', import.meta.url)`: every chunk sits beside them.
    entryPoints: {
      main: 'src/cli/main.ts',
      'detect-worker': 'src/pipeline/detect-worker.ts',
      'rule-guard-worker': 'src/detect/rule-guard-worker.ts',
      'repo-rules-worker': 'src/app/repo-rules-worker.ts',
    },
    outdir,
    plugins: [externalDependencies, {
      name: 'scan-program',
      setup(bundle) {
        bundle.onResolve({ filter: /^\.\/scan-program\.js$/ }, () => ({ path: './scan/scan-program.js', external: true }));
      },
    }],
  });
  await build({ ...common, entryPoints: { 'scan-program': 'src/cli/scan-program.ts' }, outdir: scanDir, plugins: [externalDependencies] });
  for (const worker of SCAN_WORKERS) fs.writeFileSync(path.join(scanDir, `${worker}.js`), `import '../${worker}.js';\n`);
}
