import type { ServerContext } from '../context';
import type { Job } from './job-queue';

export type JobHandler = (job: Job, context: ServerContext) => Promise<void>;

/** A kind of job: what runs it, how many may run at once in one process, and how long one may take. */
export interface JobKind {
  handler: JobHandler;
  concurrency: number;
  timeoutMs: number;
  /** Attempts before the job is given up; the runner's default when absent. */
  maxAttempts?: number;
  /**
   * Runs once when the job is given up (its last attempt failed or timed out), so the work it
   * stood for is left in a state someone sees (a report waiting on it goes to review), never stuck.
   */
  giveUp?: (job: Job, context: ServerContext, error: string) => Promise<void>;
}

/** Exponential backoff between attempts, capped; after `maxAttempts` a job is given up. */
export function retryDelayMs(attempt: number): number {
  return Math.min(60 * 60_000, 1_000 * 2 ** (attempt - 1));
}

/** Owners remembered for taking turns; forgetting one only moves it to the front of the line. */
const OWNERS_REMEMBERED = 10_000;
const POLL_MS = 250;

class JobTimeout extends Error {}

/**
 * Runs due jobs in this process, each kind in its own lanes: at most `concurrency` at once, so
 * slow face matches never hold back webhooks or retention, and within a kind one job per owner at
 * a time, owners taking turns. `drain` runs until nothing is due (tests and shutdown use it);
 * `start` keeps polling until stopped.
 */
export function jobRunner(context: ServerContext, kinds: Record<string, JobKind>, maxAttempts = 8) {
  const running = new Map<string, Map<string, Promise<void>>>();
  const lastServed = new Map<string, number>();
  let served = 0;
  let timer: NodeJS.Timeout | undefined;
  let pumping: Promise<number> | undefined;
  let stopped = false;

  const lanes = (kind: string) => {
    let lane = running.get(kind);
    if (!lane) running.set(kind, (lane = new Map<string, Promise<void>>()));
    return lane;
  };

  const remember = (owner: string) => {
    lastServed.delete(owner);
    lastServed.set(owner, ++served);
    if (lastServed.size > OWNERS_REMEMBERED) {
      const oldest = lastServed.keys().next().value;
      if (oldest !== undefined) lastServed.delete(oldest);
    }
  };

  const run = async (job: Job, kind: JobKind): Promise<void> => {
    let timeout: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        kind.handler(job, context),
        new Promise<never>((_, reject) => {
          timeout = setTimeout(
            () => reject(new JobTimeout(`timed out after ${kind.timeoutMs} ms`)),
            kind.timeoutMs,
          );
        }),
      ]);
      await context.jobs.complete(job);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retryAt =
        job.attempts < (kind.maxAttempts ?? maxAttempts)
          ? new Date(context.now().getTime() + retryDelayMs(job.attempts))
          : null;
      context.log.warn({ job: job.id, kind: job.kind, attempt: job.attempts, error: message }, 'job failed');
      let next = retryAt;
      if (!retryAt && kind.giveUp) {
        // Giving up must land (a report must not stay pending): if it cannot be written now, try again later.
        await kind.giveUp(job, context, message).catch((failure: unknown) => {
          context.log.error({ job: job.id, kind: job.kind, err: failure }, 'giving up a job failed');
          next = new Date(context.now().getTime() + retryDelayMs(job.attempts));
        });
      }
      await context.jobs.fail(job, message, next);
    } finally {
      clearTimeout(timeout);
    }
  };

  /** Fills every kind's free lanes with due jobs; how many it started. */
  const fill = async (): Promise<number> => {
    let started = 0;
    for (const [name, kind] of Object.entries(kinds)) {
      const lane = lanes(name);
      const free = kind.concurrency - lane.size;
      if (stopped || free <= 0) continue;
      const jobs = await context.jobs.claim(
        name,
        kind.timeoutMs + 60_000,
        new Set(lane.keys()),
        lastServed,
        free,
      );
      for (const job of jobs) {
        remember(job.fairKey);
        const owner = job.fairKey;
        const done = run(job, kind).finally(() => {
          lane.delete(owner);
          if (!stopped) wake();
        });
        lane.set(owner, done);
        started += 1;
      }
    }
    return started;
  };

  /** One fill at a time (two would both see a free lane); a finished job asks for another. */
  const fillOnce = (): Promise<number> =>
    (pumping ??= fill()
      .catch((error: unknown) => {
        context.log.error({ err: error }, 'job runner failed');
        return 0;
      })
      .finally(() => (pumping = undefined)));
  const wake = () => void fillOnce();

  const inFlight = () => [...running.values()].flatMap((lane) => [...lane.values()]);

  const drain = async (): Promise<number> => {
    let ran = 0;
    for (;;) {
      const started = stopped ? 0 : await fillOnce();
      ran += started;
      const busy = inFlight();
      // Jobs this fill started may already be done (a refused connection fails at once): with
      // nothing in flight there is nothing to wait for (a race of none never settles), so look again.
      if (busy.length === 0) {
        if (started === 0) return ran;
        continue;
      }
      await Promise.race(busy);
    }
  };

  const tick = () => {
    wake();
    if (!stopped) timer = setTimeout(tick, POLL_MS);
  };

  return {
    drain,
    start: () => tick(),
    /** How many jobs of each kind run now (for tests and the bench). */
    running: () => Object.fromEntries([...running].map(([kind, lane]) => [kind, lane.size])),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await pumping;
      await Promise.allSettled(inFlight());
    },
  };
}
