// Installation access tokens: `ghs_` followed by 30 random base62 characters and their
// CRC32 checksum, as GitHub mints them; valid for an hour.
import { checksummedBody } from '../../src/rules/example-template.js';
import { timestamp, type EmulatorState, type InstallationRecord, type InstallationTokenRecord, type Permissions } from './state.js';

const TOKEN_LIFETIME_MS = 60 * 60 * 1000;

export function mintInstallationToken(
  state: EmulatorState,
  installation: InstallationRecord,
  narrowing: { permissions?: Permissions; repoIds?: Set<number> } = {},
  now = new Date(),
): InstallationTokenRecord {
  const record: InstallationTokenRecord = {
    token: `ghs_${checksummedBody(30)}`,
    installationId: installation.id,
    expiresAt: timestamp(new Date(now.getTime() + TOKEN_LIFETIME_MS)),
    permissions: narrowing.permissions ?? { ...installation.permissions },
    repoIds: narrowing.repoIds ?? null,
  };
  state.installationTokens.set(record.token, record);
  return record;
}
