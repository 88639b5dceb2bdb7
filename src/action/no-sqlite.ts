// Stands in for better-sqlite3 in the action's bundle, which must run with no install step and so
// carries no native module: the action never opens the scan cache, and a SQLite registry is refused.
import { RegistryError } from '../errors.js';

export default class NoSqlite {
  constructor() {
    throw new RegistryError('the GitHub Action carries no SQLite driver: give the registry input a postgres:// URL');
  }
}
