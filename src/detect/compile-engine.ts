// Compiles a ScanConfig (plus extra rules, e.g. the registry's key shapes) into an Engine once
// per scan: regexes made global, keyword prefilter built, allowlists and path globs compiled.
// assembleEngine does the cheap part from an EnginePlan (plan-engine.ts), which a warm
// compiled-engine cache provides without parsing a regex or building an automaton.
import { createHash } from 'node:crypto';
import { ConfigError } from '../errors.js';
import type { Rule, ScanConfig } from '../types.js';
import { compileAllowlist, type CompiledAllowlist } from './allowlist.js';
import type { Engine, EngineRule } from './engine.js';
import { FingerprintKey } from './fingerprint-key.js';
import { indexKeywords } from './keyword-index.js';
import { prefilterFromTables } from './keyword-prefilter.js';
import { compilePathMatcher } from './path-matcher.js';
import { RuleGuard, type GuardedRule } from './rule-guard.js';
import { planEngine, type EnginePlan } from './plan-engine.js';

export function compileEngine(config: ScanConfig, extraRules: Rule[] = [], fingerprintKey = FingerprintKey.random()): Engine {
  return assembleEngine(config, extraRules, planEngine([...config.rules, ...extraRules]), fingerprintKey);
}

export function assembleEngine(config: ScanConfig, extraRules: Rule[], plan: EnginePlan,
  fingerprintKey = FingerprintKey.random()): Engine {
  const rules = [...config.rules, ...extraRules];
  const anchored = new Set(plan.anchored);
  const allowlistByKey = new Map<string, CompiledAllowlist>();
  const keep = (allowlist: CompiledAllowlist) => (allowlistByKey.set(allowlist.key, allowlist), allowlist);

  const globals = config.allowlists.map((allowlist, index) => ({
    targets: allowlist.targetRules,
    compiled: keep(compileAllowlist(allowlist, `global:${index}`)),
  }));
  const ruleById = new Map<string, EngineRule>();
  const engineRules = rules.map((rule, index): EngineRule => {
    if (ruleById.has(rule.id)) throw new ConfigError(`${rule.source}: rule id "${rule.id}" is defined twice`);
    // The rule's regexes are made on first use: constructing one parses it, and a pre-commit
    // scan runs a handful of the hundreds of rules (parsing them all cost it ~10 ms).
    const flags = rule.regex.flags.replace(/[gyd]/g, '');
    let scanner: RegExp | undefined;
    const engineRule: EngineRule = {
      rule,
      index,
      get scanner() {
        return (scanner ??= new RegExp(rule.regex.source, `${flags}g`));
      },
      allowlists: [
        ...rule.allowlists.map((allowlist, n) => keep(compileAllowlist(allowlist, `rule:${rule.id}:${n}`))),
        ...globals.filter(({ targets }) => targets?.includes(rule.id)).map(({ compiled }) => compiled),
      ],
      bypass: rule.bypassAllowlists === true,
      specificity: rule.tags.includes('generic') ? 0 : 1,
      guarded: rule.untrusted === true && RuleGuard.available(),
    };
    const paths = compilePathMatcher(rule.paths, rule.pathRegexes);
    if (paths) {
      engineRule.paths = paths;
      // Whether it applies is known only with the path: it supersedes at placement (place-matches.ts).
      engineRule.specificity = 0;
    }
    if (anchored.has(index)) {
      let anchor: RegExp | undefined;
      Object.defineProperty(engineRule, 'anchor', { enumerable: true, configurable: true, get: () => (anchor ??= new RegExp(rule.regex.source, `${flags}y`)) });
      const casedStarts = plan.casedStarts[index];
      if (casedStarts) engineRule.casedStarts = casedStarts;
    }
    ruleById.set(rule.id, engineRule);
    return engineRule;
  });

  const { keywords, keywordIdsByRule, inlineAllowIds } = indexKeywords(rules);
  const rulesByKeyword: number[][] = keywords.map(() => []);
  keywordIdsByRule.forEach((ids, index) => ids.forEach((id) => rulesByKeyword[id]!.push(index)));
  const alwaysRun = rules.flatMap((rule, index) => (rule.keywords.length === 0 ? [index] : []));

  const guarded = engineRules.filter((rule) => rule.guarded).map((rule): GuardedRule => ({
    index: rule.index,
    source: rule.scanner.source,
    flags: rule.scanner.flags.replace('g', ''),
    anchored: rule.anchor !== undefined,
    secretGroup: rule.rule.secretGroup,
  }));
  return {
    rules: engineRules,
    ruleById,
    ...(guarded.length > 0 ? { guard: new RuleGuard(guarded) } : {}),
    prefilter: prefilterFromTables(plan.prefilter),
    rulesByKeyword,
    keywordIdsByRule,
    alwaysRun,
    inlineAllowIds,
    allowlists: globals.filter(({ targets }) => !targets?.length).map(({ compiled }) => compiled),
    allowlistByKey,
    version: engineVersion(config, extraRules),
    maxFileSize: config.maxFileSize,
    fingerprintKey,
  };
}

/** The config's ruleset version, extended by whatever the extra rules match. */
function engineVersion(config: ScanConfig, extraRules: Rule[]): string {
  if (extraRules.length === 0) return config.rulesetVersion;
  const hash = createHash('sha256').update(config.rulesetVersion);
  for (const rule of extraRules) {
    hash.update(JSON.stringify([rule.id, rule.regex.source, rule.regex.flags, rule.secretGroup, rule.keywords, rule.entropy,
      rule.checksum ?? null, rule.paths, rule.bypassAllowlists ?? false, rule.allowlists.length]));
  }
  return hash.digest('hex');
}
