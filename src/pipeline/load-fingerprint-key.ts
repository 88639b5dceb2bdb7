// Which fingerprint key a scan uses: LEAKSTOP_FINGERPRINT_KEY (CI, where a baseline written
// elsewhere must match), else the user's own key file, made on first need. The key never goes
// into a baseline or report — only its id — so neither can be used to test guesses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { errnoText } from '../errno-text.js';
import { ConfigError } from '../errors.js';
import { FingerprintKey } from '../detect/fingerprint-key.js';

export const FINGERPRINT_KEY_ENV = 'LEAKSTOP_FINGERPRINT_KEY';

/** `${XDG_CONFIG_HOME:-~/.config}/leakstop/fingerprint-key`. */
export function fingerprintKeyFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME?.trim() || path.join(os.homedir(), '.config');
  return path.join(base, 'leakstop', 'fingerprint-key');
}


/** The key in a key file; undefined when there is no such file. */
export function readKeyFile(file: string): FingerprintKey | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError(`cannot read the fingerprint key ${file} (${errnoText(error)}); set ${FINGERPRINT_KEY_ENV} instead`);
  }
  const key = FingerprintKey.fromHex(text);
  if (!key) throw new ConfigError(`${file} is not a fingerprint key (64 hex characters): remove it to make a new one, or set ${FINGERPRINT_KEY_ENV}`);
  return key;
}

/**
 * A new key, written whole or not at all: it is linked into place from a private temporary
 * file, so scans starting together agree on one key and none reads half of it.
 */
export function createKeyFile(file: string): FingerprintKey {
  const key = FingerprintKey.random();
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(temporary, `${key.toHex()}\n`, { mode: 0o600, flag: 'wx' });
    fs.linkSync(temporary, file);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readKeyFile(file)!;
    throw new ConfigError(`cannot create the fingerprint key ${file} (${errnoText(error)}); set ${FINGERPRINT_KEY_ENV} to 64 hex characters instead`);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

export function loadFingerprintKey(env: NodeJS.ProcessEnv = process.env): FingerprintKey {
  const given = env[FINGERPRINT_KEY_ENV]?.trim();
  if (given) {
    const key = FingerprintKey.fromHex(given);
    if (!key) throw new ConfigError(`${FINGERPRINT_KEY_ENV} must be 64 hex characters (32 bytes), e.g. the content of ${fingerprintKeyFile(env)}`);
    return key;
  }
  const file = fingerprintKeyFile(env);
  return readKeyFile(file) ?? createKeyFile(file);
}
