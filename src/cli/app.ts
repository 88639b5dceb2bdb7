// `leakstop app` (and `npm start`): the GitHub App server, configured from the environment.
import type { Command } from 'commander';
import { LeakstopError } from '../errors.js';
import { readAppSettings } from '../app/settings.js';

export function registerApp(program: Command): void {
  program
    .command('app')
    .description('run the GitHub App: scan every push and every newly installed repository (configured by environment variables; see README)')
    .action(async () => {
      const settings = readAppSettings(process.env);
      // Loaded here, not at the top: probot is heavy and no other command needs it.
      const { startAppServer } = await import('../app/server.js');
      let running;
      try {
        running = await startAppServer(settings);
      } catch (error) {
        if (error instanceof LeakstopError) throw error;
        throw new LeakstopError(`the app could not start: ${(error as Error).message.split('\n')[0]}`);
      }
      process.stderr.write(
        `leakstop app: listening on ${running.address}${running.everyInterface ? ' (every interface)' : ''}; ` +
          `webhooks at ${running.webhookUrl} (GitHub API ${settings.apiBaseUrl}, registry ${running.registryLocation})\n`,
      );
      const app = running;
      let stopping = false;
      const stop = () => {
        if (stopping) return;
        stopping = true;
        app.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
