// Reads and parses one TOML file; any failure is a one-line ConfigError naming the file.
import fs from 'node:fs';
import { parse, TomlError } from 'smol-toml';
import { errnoText } from '../errno-text.js';
import { ConfigError } from '../errors.js';

export interface TomlSource {
  /** The file as shown in messages. */
  file: string;
  /** The raw text: part of the ruleset version. */
  text: string;
  document: Record<string, unknown>;
}

export function readToml(fullPath: string, file: string): TomlSource {
  let text: string;
  try {
    text = fs.readFileSync(fullPath, 'utf8');
  } catch (error) {
    throw new ConfigError(`${file}: cannot read config: ${errnoText(error)}`);
  }
  return { file, text, document: parseToml(text, file) };
}

export function parseToml(text: string, file: string): Record<string, unknown> {
  try {
    return parse(text) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof TomlError) {
      const reason = error.message.replace(/^Invalid TOML document: /, '').split('\n')[0];
      throw new ConfigError(`${file}: line ${error.line}, column ${error.column}: invalid TOML: ${reason}`);
    }
    throw error;
  }
}
