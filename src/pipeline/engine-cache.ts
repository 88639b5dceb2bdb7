// The compiled-engine cache: the parsed rules and the engine plan (anchored rules, the keyword
// automaton) of one rule set, in `<cache dir>/engine-cache.bin`, so a pre-commit scan neither
// loads the TOML parser nor parses a rule or a regex. Keyed by Leakstop's version and the rule
// set's (every built-in rule file's name, size and time, the engine version, the extra rules);
// a stale, unreadable or corrupt file is rebuilt. Its rules carry no examples: only the rule tests
// read them, and they were a fifth of the file (3 ms of a pre-commit scan's start-up to read back).
// A first scan with a fresh cache directory (every CI runner's) need not plan either: the package
// ships the plan of the built-in rules alone, made by `npm run build` and keyed by the rule files'
// contents. It holds rules, never a secret nor the fingerprint key: the key joins the engine after
// loading (assembleEngine). The payload is V8's
// structured-clone serialization, which keeps the automaton's typed arrays as they are:
// reading it took a fifth of the time JSON with a reviver took (the largest part of a
// pre-commit scan's start-up).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { defaultCacheDir } from '../cache-dir.js';
import type { EnginePlan } from '../detect/plan-engine.js';
import { BUILT_IN_RULES_DIR, PACKAGE_ROOT } from '../rules/package-root.js';
import { rulesetVersion, type VersionedSource } from '../rules/ruleset-version.js';
import type { Rule, ScanConfig } from '../types.js';

export interface PlannedConfig {
  config: ScanConfig;
  plan: EnginePlan;
}

const FORMAT = 'leakstop-engine-cache 4';
export const ENGINE_CACHE_FILE = 'engine-cache.bin';
/** The plan of the built-in rules with no extra rules, written by `npm run build` (writeShippedPlan). */
export const SHIPPED_PLAN_FILE = path.join(PACKAGE_ROOT, 'dist', 'engine-plan.bin');

/**
 * The rules of `configPath` (and the built-in ones) with the plan of an engine over them plus
 * `extraRules`: for the built-in rules, from the cache when it is current, else (with no extra rules)
 * from the shipped plan when it is current, else loaded, planned
 * and cached. A user config is loaded afresh every time: its rules are untrusted (they run under
 * a time budget) and what it replaces is said as it loads (`onNotice`).
 */
export async function loadPlannedConfig(options: {
  configPath?: string;
  extraRules: Rule[];
  cacheDir?: string;
  onNotice?: (notice: string) => void;
}): Promise<PlannedConfig> {
  const file = path.join(options.cacheDir ?? defaultCacheDir(), ENGINE_CACHE_FILE);
  const key = options.configPath === undefined ? cacheKey(options.extraRules) : undefined;
  const cached = key === undefined ? undefined : readCache(file, key);
  if (cached) return cached;

  const planned = (key !== undefined && options.extraRules.length === 0 ? readShippedPlan() : undefined)
    ?? await planAfresh(options.configPath, options.extraRules, options.onNotice);
  if (key !== undefined) writeCache(file, key, planned);
  return planned;
}

/** Writes SHIPPED_PLAN_FILE; a failure fails the build. */
export async function writeShippedPlan(): Promise<void> {
  writeCacheFile(SHIPPED_PLAN_FILE, contentKey(), await planAfresh(undefined, []), 0o644);
}

async function planAfresh(configPath: string | undefined, extraRules: Rule[], onNotice?: (notice: string) => void): Promise<PlannedConfig> {
  const [{ loadConfig }, { planEngine }] = await Promise.all([import('../rules/load-config.js'), import('../detect/plan-engine.js')]);
  const config = loadConfig({ configPath, onNotice });
  return { config, plan: planEngine([...config.rules, ...extraRules]) };
}

/**
 * The shipped plan when the installed rule files hold what it was made from (a checkout's edited
 * rule makes it stale), its rule files' paths those of this installation.
 */
function readShippedPlan(): PlannedConfig | undefined {
  let key: string;
  try {
    key = contentKey();
  } catch {
    return undefined;
  }
  const shipped = readCache(SHIPPED_PLAN_FILE, key);
  if (!shipped) return undefined;
  const sources = shipped.config.sources.map((file) => path.join(BUILT_IN_RULES_DIR, path.basename(file)));
  return { ...shipped, config: { ...shipped.config, sources } };
}

const ruleFiles = (): string[] => fs.readdirSync(BUILT_IN_RULES_DIR).filter((name) => name.endsWith('.toml')).sort();

/** The shipped plan's key: the rule files by their contents, which (unlike their times) a build can know. */
const contentKey = (): string => keyOf(ruleFiles().map((name) => ({ name, text: fs.readFileSync(path.join(BUILT_IN_RULES_DIR, name), 'utf8') })), []);

function keyOf(sources: VersionedSource[], extraRules: Rule[]): string {
  const { version } = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  return createHash('sha256')
    .update(`leakstop ${version}\0${rulesetVersion(sources)}\0`)
    .update(serialize(extraRules))
    .digest('hex');
}

/**
 * Undefined when a rule source cannot be read: the uncached load then reports why. The rule files
 * count by name, size and modification time, as make judges staleness: reading and hashing all of
 * them was a tenth of a pre-commit scan's start-up. Any edit or checkout of a rule file changes
 * its time.
 */
function cacheKey(extraRules: Rule[]): string | undefined {
  try {
    return keyOf(ruleFiles().map((name) => {
      const { size, mtimeNs } = fs.statSync(path.join(BUILT_IN_RULES_DIR, name), { bigint: true });
      return { name, text: `${size} ${mtimeNs}` };
    }), extraRules);
  } catch {
    return undefined;
  }
}

/** The file: three text lines (format, key, SHA-256 of the payload), then the payload. */
function readCache(file: string, key: string): PlannedConfig | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  let headerEnd = -1;
  for (let line = 0; line < 3; line++) {
    headerEnd = bytes.indexOf(0x0a, headerEnd + 1);
    if (headerEnd < 0) return undefined;
  }
  const [format, storedKey, digest] = bytes.toString('latin1', 0, headerEnd).split('\n');
  if (format !== FORMAT || storedKey !== key) return undefined;
  const payload = bytes.subarray(headerEnd + 1);
  if (createHash('sha256').update(payload).digest('hex') !== digest) return undefined;
  try {
    return v8.deserialize(payload) as PlannedConfig;
  } catch {
    return undefined;
  }
}

/** Best effort: a scan never fails for want of a cache. */
function writeCache(file: string, key: string, planned: PlannedConfig): void {
  try {
    writeCacheFile(file, key, planned, 0o600);
  } catch {
    // Scanned without writing it; the next scan tries again.
  }
}

/** Written whole or not at all. */
function writeCacheFile(file: string, key: string, planned: PlannedConfig, mode: number): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const payload = v8.serialize({ ...planned, config: { ...planned.config, rules: planned.config.rules.map(withoutExamples) } });
    const digest = createHash('sha256').update(payload).digest('hex');
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(temporary, Buffer.concat([Buffer.from(`${FORMAT}\n${key}\n${digest}\n`, 'latin1'), payload]), { mode });
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

const withoutExamples = (rule: Rule): Rule => ({ ...rule, examples: { match: [], noMatch: [] } });

/** The extra rules as text for the key: JSON with regexes kept. */
function serialize(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (item instanceof RegExp ? { $regex: [item.source, item.flags] } : item));
}
