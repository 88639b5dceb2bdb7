// The GitHub Action's entry point (bundled into dist-action/ by `npm run build:action`): runs the
// action and turns a failure into one error annotation, as the CLI turns it into one line.
import { LeakstopError } from '../errors.js';
import { annotationCommand } from './workflow-commands.js';
import { runAction } from './run-action.js';

runAction(process.env).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof LeakstopError ? error.message : `unexpected error: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`;
    process.stdout.write(annotationCommand({ level: 'error', message: `leakstop: ${message}` }));
    process.exitCode = 2;
  },
);
