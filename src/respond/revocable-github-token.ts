// Which strings may go to GitHub's credential revocation API: only tokens proven GitHub's
// offline, by the CRC32 checksum in their last six characters, and only of the kinds the API
// revokes (classic PATs, OAuth, user-to-server and refresh tokens). Fine-grained PATs
// (`github_pat_…`) carry no checksum anyone can verify, so they are never sent; installation
// tokens (`ghs_…`) are not accepted by the API and expire within the hour anyway.
import { hasValidChecksum } from '../detect/checksum.js';

const REVOCABLE = /^gh[pour]_[0-9A-Za-z]{36}$/;

export function isRevocableGitHubToken(token: string): boolean {
  return REVOCABLE.test(token) && hasValidChecksum('crc32-base62', token);
}
