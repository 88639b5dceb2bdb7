// The GitHub Action runs its committed bundle with no install step: action.yml must point at it,
// the bundle must be what `npm run build:action` makes of today's sources (CI fails on a stale
// one: rebuild and commit dist-action/), and it must not need the native SQLite driver.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../helpers/run-cli.js';
import { scratchSpace } from '../helpers/scratch-space.js';

const { dir } = scratchSpace();
const BUNDLE_DIR = path.join(PROJECT_ROOT, 'dist-action');

describe('the GitHub Action bundle', { timeout: 120_000 }, () => {
  it('action.yml is a node24 JavaScript action whose entry is the committed bundle, with the documented inputs and outputs', () => {
    const action = parse(fs.readFileSync(path.join(PROJECT_ROOT, 'action.yml'), 'utf8')) as {
      runs: { using: string; main: string };
      inputs: Record<string, { default?: string }>;
      outputs: Record<string, unknown>;
    };
    expect(action.runs).toEqual({ using: 'node24', main: 'dist-action/index.js' });
    expect(fs.existsSync(path.join(PROJECT_ROOT, action.runs.main))).toBe(true);
    expect(Object.keys(action.inputs).sort()).toEqual(['baseline', 'config', 'fail-on', 'format', 'registry', 'sarif-file']);
    expect(action.inputs['sarif-file']!.default).toBe('leakstop.sarif');
    expect(action.inputs['fail-on']!.default).toBe('any');
    expect(Object.keys(action.outputs).sort()).toEqual(['findings', 'sarif-file']);
  });

  it('dist-action/ is up to date with the sources (else: npm run build:action, and commit it)', async () => {
    const script = pathToFileURL(path.join(PROJECT_ROOT, 'scripts/build-action.mjs')).href;
    const { buildAction } = (await import(script)) as { buildAction(outdir: string): Promise<void> };
    const fresh = dir();
    await buildAction(fresh);
    const files = fs.readdirSync(fresh).sort();
    expect(fs.readdirSync(BUNDLE_DIR).sort()).toEqual(files);
    for (const file of files) {
      const same = fs.readFileSync(path.join(fresh, file)).equals(fs.readFileSync(path.join(BUNDLE_DIR, file)));
      expect(same, `dist-action/${file} is stale: run npm run build:action and commit dist-action/`).toBe(true);
    }
  });

  it('needs no native module: better-sqlite3 is not loaded by the bundle', () => {
    const bundle = fs.readFileSync(path.join(BUNDLE_DIR, 'index.js'), 'utf8');
    expect(bundle).not.toMatch(/(require\(|from |import\()["']better-sqlite3["']/);
    expect(bundle).not.toMatch(/\.node["']\)/);
  });
});
