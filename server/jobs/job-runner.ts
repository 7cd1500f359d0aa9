import type { ServerContext } from '../context';
import type { Job } from './job-queue';

export type JobHandler = (job: Job, context: ServerContext) => Promise<void>;

/** Exponential backoff between attempts, capped; after `maxAttempts` a job is given up. */
export function retryDelayMs(attempt: number): number {
  return Math.min(60 * 60_000, 1_000 * 2 ** (attempt - 1));
}

/**
 * Polls the queue and runs due jobs one at a time in this process. `drain` runs until nothing is
 * due (tests and `serve` shutdown use it); `start` keeps polling until stopped.
 */
export function jobRunner(context: ServerContext, handlers: Record<string, JobHandler>, maxAttempts = 8) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const runOne = async (): Promise<boolean> => {
    const job = await context.jobs.claim(5 * 60_000);
    if (!job) return false;
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(job, context);
      await context.jobs.complete(job);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retryAt =
        job.attempts < maxAttempts && handler
          ? new Date(context.now().getTime() + retryDelayMs(job.attempts))
          : null;
      context.log.warn({ job: job.id, kind: job.kind, attempt: job.attempts, error: message }, 'job failed');
      await context.jobs.fail(job, message, retryAt);
    }
    return true;
  };

  const drain = async (): Promise<number> => {
    let ran = 0;
    while (!stopped && (await runOne())) ran += 1;
    return ran;
  };

  const tick = () => {
    running = drain()
      .then(() => undefined)
      .catch((error: unknown) => context.log.error({ err: error }, 'job runner failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, 250);
      });
  };

  return {
    drain,
    start: () => tick(),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
