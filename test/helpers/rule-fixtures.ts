// Engines from rule TOML written in a test: rule files in a temp rules directory, loaded
// through the public loader exactly as the built-in pack is.
import fs from 'node:fs';
import path from 'node:path';
import { compileEngine } from '../../src/detect/compile-engine.js';
import type { Engine } from '../../src/detect/engine.js';
import { loadConfig } from '../../src/rules/load-config.js';
import type { ScanConfig } from '../../src/types.js';
import { tempDir } from './git-repo.js';

/** A rule file's start shared by the detection tests: a provider and a plain prefixed-token rule. */
export const DEMO_TOKEN_RULE = `
provider = "Demo"

[[rules]]
id = "demo-token"
description = "Demo token"
regex = '''\\b(dmo_[0-9A-Za-z]{30})\\b'''
keywords = ["dmo_"]
`;

export interface RuleFixture {
  dir: string;
  rulesDir: string;
  config: ScanConfig;
  engine: Engine;
  /** Writes a file under the fixture's directory, returning its path. */
  write(name: string, text: string): string;
  remove(): void;
}

/** Rule files (name → TOML) and an optional user config (TOML) loaded into an engine. */
export function ruleFixture(ruleFiles: Record<string, string>, userConfig?: string): RuleFixture {
  const dir = tempDir('leakstop-rules-');
  const rulesDir = path.join(dir, 'rules');
  fs.mkdirSync(rulesDir);
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };
  for (const [name, text] of Object.entries(ruleFiles)) write(path.join('rules', name), text);
  try {
    const configPath = userConfig === undefined ? undefined : write('config.toml', userConfig);
    const config = loadConfig(configPath ? { rulesDir, configPath } : { rulesDir });
    return { dir, rulesDir, config, engine: compileEngine(config), write, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
