// `leakstop jobs list [--failed] | retry ID | stats`: the GitHub App's queue for operators.
import type { Command } from 'commander';
import { readQueueSettings } from '../app/settings.js';
import { UsageError } from '../errors.js';
import { JOB_KINDS, JOB_STATES, type JobQueue } from '../queue/job-queue.js';
import { openJobQueue } from '../queue/open-job-queue.js';
import { textTable } from './text-table.js';

async function withQueue<T>(work: (queue: JobQueue) => Promise<T>): Promise<T> {
  const settings = readQueueSettings(process.env);
  const queue = await openJobQueue(settings, settings.queueTuning);
  try {
    return await work(queue);
  } finally {
    await queue.close();
  }
}

function limit(raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`--limit must be a whole number ≥ 1, not "${raw}"`);
  return value;
}

export function registerJobs(program: Command): void {
  const jobs = program.command('jobs').description("the GitHub App's job queue (LEAKSTOP_QUEUE, or the registry's): list, retry, stats");
  jobs
    .command('list')
    .description('the latest jobs, newest first, with their state, tries and last error')
    .option('--failed', 'only jobs that failed their last try (`leakstop jobs retry ID` re-queues one)')
    .option('--limit <n>', 'at most this many', '50')
    .action(async (options: { failed?: boolean; limit: string }) => {
      const listed = await withQueue((queue) => queue.list({ ...(options.failed ? { state: 'failed' as const } : {}), limit: limit(options.limit) }));
      if (listed.length === 0) {
        process.stdout.write(options.failed ? 'no failed jobs\n' : 'no jobs\n');
        return;
      }
      const rows = listed.map((job) => [job.id, job.kind, job.group, job.state, `${job.attempts}/${job.maxAttempts}`, job.createdAt.toISOString(), job.error ?? '']);
      process.stdout.write(textTable(['ID', 'KIND', 'ON', 'STATE', 'TRIES', 'QUEUED AT', 'LAST ERROR'], rows));
    });
  jobs
    .command('retry')
    .description('re-queue a failed job for another try')
    .argument('<id>', 'the job id, as `jobs list --failed` shows it')
    .action(async (id: string) => {
      const retried = await withQueue((queue) => queue.retry(id.trim()));
      if (!retried) throw new UsageError(`no failed job ${id.trim()}: \`leakstop jobs list --failed\` lists them`);
      process.stdout.write(`job ${id.trim()} re-queued\n`);
    });
  jobs
    .command('stats')
    .description('jobs by kind and state')
    .action(async () => {
      const stats = await withQueue((queue) => queue.stats());
      process.stdout.write(textTable(['KIND', ...JOB_STATES.map((state) => state.toUpperCase())], JOB_KINDS.map((kind) => [kind, ...JOB_STATES.map((state) => String(stats[kind][state]))])));
    });
}
