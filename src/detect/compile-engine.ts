// Compiles a ScanConfig (plus extra rules, e.g. the registry's key shapes) into an Engine once
// per scan: regexes made global, keyword prefilter built, allowlists and path globs compiled.
import { createHash } from 'node:crypto';
import { ConfigError } from '../errors.js';
import type { Rule, ScanConfig } from '../types.js';
import { compileAllowlist, type CompiledAllowlist } from './allowlist.js';
import type { Engine, EngineRule } from './engine.js';
import { FingerprintKey } from './fingerprint-key.js';
import { INLINE_ALLOW_MARKERS } from './inline-allow.js';
import { buildKeywordPrefilter } from './keyword-prefilter.js';
import { literalPrefixes } from './literal-prefixes.js';
import { compilePathMatcher } from './path-matcher.js';
import { RuleGuard, type GuardedRule } from './rule-guard.js';

export function compileEngine(config: ScanConfig, extraRules: Rule[] = [], fingerprintKey = FingerprintKey.random()): Engine {
  const rules = [...config.rules, ...extraRules];
  const allowlistByKey = new Map<string, CompiledAllowlist>();
  const keep = (allowlist: CompiledAllowlist) => (allowlistByKey.set(allowlist.key, allowlist), allowlist);

  const globals = config.allowlists.map((allowlist, index) => ({
    targets: allowlist.targetRules,
    compiled: keep(compileAllowlist(allowlist, `global:${index}`)),
  }));
  const ruleById = new Map<string, EngineRule>();
  const engineRules = rules.map((rule, index): EngineRule => {
    if (ruleById.has(rule.id)) throw new ConfigError(`${rule.source}: rule id "${rule.id}" is defined twice`);
    const engineRule: EngineRule = {
      rule,
      index,
      scanner: new RegExp(rule.regex.source, `${rule.regex.flags.replace(/[gyd]/g, '')}g`),
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
    if (startsWithKeyword(rule)) engineRule.anchor = new RegExp(rule.regex.source, `${rule.regex.flags.replace(/[gyd]/g, '')}y`);
    ruleById.set(rule.id, engineRule);
    return engineRule;
  });

  const keywordIds = new Map<string, number>();
  const idOf = (keyword: string) => {
    const lower = keyword.toLowerCase();
    if (!keywordIds.has(lower)) keywordIds.set(lower, keywordIds.size);
    return keywordIds.get(lower)!;
  };
  const rulesByKeyword: number[][] = [];
  const alwaysRun: number[] = [];
  const keywordIdsByRule = engineRules.map(({ rule, index }) => {
    if (rule.keywords.length === 0) alwaysRun.push(index);
    const ids = [...new Set(rule.keywords.map((word) => word.toLowerCase()))].map(idOf);
    for (const id of ids) (rulesByKeyword[id] ??= []).push(index);
    return ids;
  });
  const inlineAllowIds = INLINE_ALLOW_MARKERS.map(idOf);
  const keywords = [...keywordIds.keys()];
  for (let id = 0; id < keywords.length; id++) rulesByKeyword[id] ??= [];

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
    prefilter: buildKeywordPrefilter(keywords, anchorKeywords(engineRules, keywordIdsByRule)),
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

/**
 * Every match of the rule starts with one of its keywords, as the prefilter sees them (ASCII
 * case folded): not so under Unicode case folding, where `K` (Kelvin) matches `k`.
 */
function startsWithKeyword(rule: Rule): boolean {
  if (rule.keywords.length === 0 || /[uv]/.test(rule.regex.flags) && rule.regex.ignoreCase) return false;
  const keywords = rule.keywords.map((keyword) => keyword.toLowerCase());
  const prefixes = literalPrefixes(rule.regex.source);
  return prefixes !== undefined &&
    prefixes.every((prefix) => keywords.some((keyword) => prefix.toLowerCase().startsWith(keyword)));
}

/** Ids of the keywords whose places the prefilter records: those of anchored rules. */
function anchorKeywords(rules: EngineRule[], keywordIdsByRule: number[][]): Set<number> {
  return new Set(rules.filter((rule) => rule.anchor).flatMap((rule) => keywordIdsByRule[rule.index]!));
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
