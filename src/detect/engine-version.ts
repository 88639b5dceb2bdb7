/**
 * Bump whenever matching semantics change (what is found, where, or what is dropped):
 * it is part of every ruleset version, so scan caches built by an older engine are not reused.
 */
export const ENGINE_VERSION = 3;
