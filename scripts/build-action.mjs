// Bundles the GitHub Action (src/action/main.ts) and the detection worker it starts into
// dist-action/, one file each, so the action runs on a runner with no install step. The bundle is
// committed; test/integration/action-bundle.test.ts rebuilds it and fails when it is out of date.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** better-sqlite3 is native: the bundle holds a stand-in that refuses to open a database. */
const noSqlite = {
  name: 'no-sqlite',
  setup(bundle) {
    bundle.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: path.join(ROOT, 'src/action/no-sqlite.ts') }));
  },
};

export async function buildAction(outdir = path.join(ROOT, 'dist-action')) {
  await build({
    absWorkingDir: ROOT,
    entryPoints: { index: 'src/action/main.ts', 'detect-worker': 'src/pipeline/detect-worker.ts' },
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // CommonJS dependencies call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as leakstopCreateRequire } from 'node:module';\nconst require = leakstopCreateRequire(import.meta.url);" },
    external: ['pg-native'],
    plugins: [noSqlite],
    // Paths in the bundle's comments stay `node_modules/…` where node_modules is a symlink (a worktree), so every checkout builds the same bytes.
    preserveSymlinks: true,
    logLevel: 'warning',
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildAction();
