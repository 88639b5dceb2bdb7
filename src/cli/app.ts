// `leakstop app` (and `npm start`): the GitHub App server, configured from the environment; it
// runs a worker in the same process unless --no-worker (then `leakstop worker` processes do).
import type { Command } from 'commander';
import { LeakstopError } from '../errors.js';
import { readAppSettings } from '../app/settings.js';
import { stopOnSignals } from './stop-on-signals.js';

export function registerApp(program: Command): void {
  program
    .command('app')
    .description('run the GitHub App: queue a scan of every push and of every newly installed repository, and run them (configured by environment variables; see README)')
    .option('--no-worker', 'only receive webhooks and queue their jobs; `leakstop worker` processes run them')
    .action(async (options: { worker: boolean }) => {
      const settings = readAppSettings(process.env);
      // Loaded here, not at the top: probot is heavy and no other command needs it.
      const { startAppServer } = await import('../app/server.js');
      let running;
      try {
        running = await startAppServer(settings, { worker: options.worker });
      } catch (error) {
        if (error instanceof LeakstopError) throw error;
        throw new LeakstopError(`the app could not start: ${(error as Error).message.split('\n')[0]}`);
      }
      const jobs = running.workerConcurrency > 0 ? `${running.workerConcurrency} job(s) at a time in this process` : 'no worker in this process (--no-worker)';
      process.stderr.write(
        `leakstop app: listening on ${running.address}${running.everyInterface ? ' (every interface)' : ''}; ` +
          `webhooks at ${running.webhookUrl}${running.partnerUrl ? ` · GitHub partner alerts at ${running.partnerUrl}` : ''} (GitHub API ${settings.apiBaseUrl}, registry ${running.registryLocation}, jobs ${running.queueLocation}, ${jobs})\n`,
      );
      stopOnSignals(running.stop);
    });
}
