#!/usr/bin/env node
// The `leakstop` command: each subcommand registers itself from its own file.
import { Command, CommanderError } from 'commander';
import { LeakstopError } from '../errors.js';
import { registerApp } from './app.js';
import { registerCheck } from './check.js';
import { registerHook } from './hook.js';
import { registerIncidents } from './incidents.js';
import { registerRegistry } from './registry.js';
import { registerRespond } from './respond.js';
import { registerRevoke } from './revoke.js';
import { registerScan } from './scan.js';

const program = new Command('leakstop')
  .description('Find leaked API keys in git, prove which are live keys of ours, and close the incident.')
  .version('0.1.0')
  .exitOverride()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

registerScan(program);
registerHook(program);
registerApp(program);
registerRespond(program);
registerRevoke(program);
registerIncidents(program);
registerRegistry(program);
registerCheck(program);

function fail(error: unknown): never {
  if (error instanceof CommanderError) {
    // --help and --version are not failures; anything else commander rejects is a usage error.
    process.exit(error.exitCode === 0 ? 0 : 2);
  }
  if (error instanceof LeakstopError) {
    process.stderr.write(`leakstop: ${error.message}\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`leakstop: unexpected error: ${message.split('\n')[0]}\n`);
    if (process.env.LEAKSTOP_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
  }
  process.exit(2);
}

program.parseAsync(process.argv).catch(fail);
