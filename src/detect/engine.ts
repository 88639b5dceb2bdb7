// The compiled engine: rules ready to run, the keyword prefilter built once, allowlists compiled.
import type { Rule } from '../types.js';
import type { FingerprintKey } from './fingerprint-key.js';
import type { CompiledAllowlist } from './allowlist.js';
import type { KeywordPrefilter } from './keyword-prefilter.js';
import type { PathMatcher } from './path-matcher.js';
import type { RuleGuard } from './rule-guard.js';

export interface EngineRule {
  rule: Rule;
  /** Position in Engine.rules. */
  index: number;
  /** The rule's regex with the `g` flag, for exec loops. */
  scanner: RegExp;
  /**
   * The regex made sticky, when every match starts with one of the rule's keywords: it is
   * tried only where the prefilter saw one (see literal-prefixes.ts).
   */
  anchor?: RegExp;
  /** An anchored rule's match starts with one of these, case and all (EnginePlan.casedStarts). */
  casedStarts?: readonly string[];
  /** The same with `d`, made on first need: places a secret group whose text recurs in its match. */
  withIndices?: RegExp;
  /** Rule `paths` and path regexes: the rule applies only where this matches. */
  paths?: PathMatcher;
  /** The rule's allowlists plus global ones that target it. */
  allowlists: CompiledAllowlist[];
  /** Registry-shape rules: no allowlist, placeholder, inline allow or entropy floor applies. */
  bypass: boolean;
  /**
   * Where one secret is matched by several rules, only the most specific reports it:
   * 1 provider rules, 0 rules tagged `generic` (guesses) and path-limited rules (they supersede
   * once placed, see place-matches.ts). Registry shapes take no part:
   * only the registry can tell whether theirs is the finding (see match-registry.ts).
   */
  specificity: number;
  /** A user's rule: run by Engine.guard, under a time budget. */
  guarded: boolean;
}

export interface Engine {
  rules: EngineRule[];
  ruleById: ReadonlyMap<string, EngineRule>;
  /** Keywords of all rules, then the inline-allow markers. */
  prefilter: KeywordPrefilter;
  /** Runs the guarded rules, when there are any and the worker file is built. */
  guard?: RuleGuard;
  /** Keyword id → indexes of the rules it enables. */
  rulesByKeyword: number[][];
  /** Rule index → ids of its keywords. */
  keywordIdsByRule: number[][];
  /** Rules without keywords: they run on every text. */
  alwaysRun: number[];
  /** Keyword ids of the inline-allow markers. */
  inlineAllowIds: number[];
  /** Global allowlists that apply to every rule. */
  allowlists: CompiledAllowlist[];
  /** Every allowlist by key, to settle pending ones when a match is placed. */
  allowlistByKey: ReadonlyMap<string, CompiledAllowlist>;
  /** The config's ruleset version extended by the extra rules: a cache key for detectContent results. */
  version: string;
  maxFileSize: number;
  /**
   * Keys the fingerprints of the findings placed with this engine. An engine made without one
   * (a worker's, which places nothing, or a test's) has a random key, good for this process only.
   */
  fingerprintKey: FingerprintKey;
}
