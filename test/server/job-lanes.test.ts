import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../server/jobs/job-queue';
import { jobRunner, type JobKind } from '../../server/jobs/job-runner';
import { startTestServer } from '../support/hr-service';

/** A job handler the test releases by hand, recording what ran and how many ran at once. */
function gate() {
  const started: Job[] = [];
  let running = 0;
  let most = 0;
  const waiting: (() => void)[] = [];
  const handler = async (job: Job) => {
    started.push(job);
    running += 1;
    most = Math.max(most, running);
    await new Promise<void>((resolve) => waiting.push(resolve));
    running -= 1;
  };
  return {
    handler,
    started,
    most: () => most,
    /** Lets every job waiting now finish. */
    release: () => waiting.splice(0).forEach((go) => go()),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

/** The job runner: each kind in its own lanes, owners taking turns, a stuck job cut off. */
describe('background job lanes', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer('sqlite', { runJobs: false });
  }, 60_000);
  afterAll(async () => server?.close());

  it('runs each kind up to its own concurrency, side by side: slow face matches never hold webhooks back', async () => {
    const faces = gate();
    const hooks = gate();
    const kinds: Record<string, JobKind> = {
      'test.face': { handler: faces.handler, concurrency: 2, timeoutMs: 60_000 },
      'test.hook': { handler: hooks.handler, concurrency: 3, timeoutMs: 60_000 },
    };
    for (let i = 0; i < 6; i++) {
      await server.context.jobs.enqueue('test.face', { i }, { fairKey: `hire-${i}` });
      await server.context.jobs.enqueue('test.hook', { i }, { fairKey: `hook-${i}` });
    }
    const runner = jobRunner(server.context, kinds);
    const drained = runner.drain();
    await expect.poll(() => runner.running()).toEqual({ 'test.face': 2, 'test.hook': 3 });
    await settle();
    expect([faces.started.length, hooks.started.length]).toEqual([2, 3]);
    // The webhooks finish while both face matches still run.
    while (hooks.started.length < 6 || runner.running()['test.hook']) {
      hooks.release();
      await settle();
    }
    expect(faces.started).toHaveLength(2);
    while (faces.started.length < 6 || runner.running()['test.face']) {
      faces.release();
      hooks.release();
      await settle();
    }
    expect(await drained).toBe(12);
    expect([faces.most(), hooks.most()]).toEqual([2, 3]);
  });

  it("takes turns between owners: one hire's hundred reports do not hold back another's", async () => {
    const faces = gate();
    const kinds: Record<string, JobKind> = {
      'test.turns': { handler: faces.handler, concurrency: 1, timeoutMs: 60_000 },
    };
    // More than a claim reads at first (the oldest hundred), so it must look past them.
    for (let i = 0; i < 120; i++)
      await server.context.jobs.enqueue('test.turns', { i }, { fairKey: 'busy-hire' });
    await server.context.jobs.enqueue('test.turns', { other: true }, { fairKey: 'quiet-hire' });
    await server.context.jobs.enqueue('test.turns', { other: true }, { fairKey: 'late-hire' });
    const runner = jobRunner(server.context, kinds);
    const drained = runner.drain();
    while (faces.started.length < 122) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      faces.release();
    }
    await drained;
    const order = faces.started.map((job) => job.fairKey);
    expect(order.indexOf('quiet-hire')).toBeLessThan(3);
    expect(order.indexOf('late-hire')).toBeLessThan(4);
    expect(faces.most()).toBe(1);
  });

  it('cuts off a job that runs past its time and tries it again later, freeing its lane', async () => {
    const stuck: JobKind = { handler: () => new Promise(() => undefined), concurrency: 1, timeoutMs: 200 };
    const quick = gate();
    await server.context.jobs.enqueue('test.stuck', {}, { fairKey: 'a' });
    await server.context.jobs.enqueue('test.stuck', {}, { fairKey: 'b' });
    const runner = jobRunner(server.context, {
      'test.stuck': stuck,
      'test.quick': { ...stuck, handler: quick.handler },
    });
    expect(await runner.drain()).toBe(2);
    const jobs = await server.context.db
      .selectFrom('jobs')
      .select(['attempts', 'done_at', 'last_error', 'run_at'])
      .where('kind', '=', 'test.stuck')
      .execute();
    expect(jobs).toHaveLength(2);
    for (const job of jobs) {
      expect(job).toMatchObject({ attempts: 1, done_at: null, last_error: 'timed out after 200 ms' });
      expect(job.run_at > new Date().toISOString()).toBe(true);
    }
  });
});
