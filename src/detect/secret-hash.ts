import { createHash } from 'node:crypto';

/** Hex SHA-256 of a secret's UTF-8 bytes: the form the key registry stores. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
