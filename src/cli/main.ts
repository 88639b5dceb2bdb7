#!/usr/bin/env node
// The `leakstop` command: each subcommand registers itself from its own file.
import { Command, CommanderError } from 'commander';
import { LeakstopError } from '../errors.js';
import { addHelpFooters } from './help-footer.js';

/**
 * Each subcommand's module, loaded only when it is the one run (or for help listing them all):
 * a pre-commit `leakstop scan --staged` must not pay for loading probot, octokit or pg.
 */
const SUBCOMMANDS: Record<string, () => Promise<(program: Command) => void>> = {
  scan: async () => (await import('./scan.js')).registerScan,
  hook: async () => (await import('./hook.js')).registerHook,
  app: async () => (await import('./app.js')).registerApp,
  worker: async () => (await import('./worker.js')).registerWorker,
  jobs: async () => (await import('./jobs.js')).registerJobs,
  respond: async () => (await import('./respond.js')).registerRespond,
  revoke: async () => (await import('./revoke.js')).registerRevoke,
  incidents: async () => (await import('./incidents.js')).registerIncidents,
  registry: async () => (await import('./registry.js')).registerRegistry,
  check: async () => (await import('./check.js')).registerCheck,
  rules: async () => (await import('./rules.js')).registerRules,
  partner: async () => (await import('./partner.js')).registerPartner,
};

const program = new Command('leakstop')
  .description('Find leaked API keys in git, prove which are live keys of ours, and close the incident.')
  .version('0.1.0')
  .exitOverride()
  .configureOutput({
    writeErr: (text) => process.stderr.write(text),
    // Commander's own errors ("error: unknown option …", and "(Did you mean …?)" on a line of its
    // own) as one line like every other error; subcommands inherit this.
    outputError: (text, write) => write(`leakstop: ${text.replace(/^error: /, '').trim().replace(/\s*\n\s*/g, ' ')}\n`),
  });

async function registerSubcommands(): Promise<void> {
  const invoked = process.argv[2] ?? '';
  // `--version` lists no subcommand: it need not load the app's modules (0.43 s, against 0.14 s).
  const names = Object.hasOwn(SUBCOMMANDS, invoked) ? [invoked] : ['--version', '-V'].includes(invoked) ? [] : Object.keys(SUBCOMMANDS);
  for (const name of names) (await SUBCOMMANDS[name]!())(program);
  addHelpFooters(program);
}

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

registerSubcommands().then(() => program.parseAsync(process.argv)).catch(fail);
