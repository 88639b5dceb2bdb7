// GitHub tokens made at run time (nothing token-shaped is committed): checksum-valid ones of
// each revocable kind, and look-alikes whose checksum is wrong.
import { expandTemplate } from '../../src/rules/example-template.js';

export function gitHubToken(prefix: 'ghp' | 'gho' | 'ghu' | 'ghr' | 'ghs' = 'ghp'): string {
  return expandTemplate(`${prefix}_{crc32:30}`);
}

export function badChecksumGitHubToken(): string {
  return expandTemplate('ghp_{badcrc32:30}');
}
