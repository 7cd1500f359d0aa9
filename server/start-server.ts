import { resolve } from 'node:path';
import { buildApp } from './app';
import { registerBootstrapToken } from './auth/admin-auth';
import { openDatabase } from './db/open-database';
import { groupCommit, transactionPerWrite } from './db/write-batcher';
import { faceService, type FaceService } from './face/face-service';
import { verifyFaceJob } from './face/verify-face-job';
import { JobQueue } from './jobs/job-queue';
import { jobRunner } from './jobs/job-runner';
import { retentionJob } from './retention/retention-job';
import { defaultServerPolicy, type ServerPolicy } from './server-policy';
import { deliverWebhookJob } from './webhooks/deliver-webhook-job';

export interface ServerOptions {
  port: number;
  host?: string;
  dataDir: string;
  databaseUrl?: string;
  adminToken?: string;
  photoKey?: string;
  policy?: ServerPolicy;
  logger?: boolean;
  faces?: FaceService;
  now?: () => Date;
  /** Run background jobs in this process (the default); tests may drain them by hand. */
  runJobs?: boolean;
  rateLimitMax?: number;
  devicePerMinute?: number;
  dashboardDir?: string;
  /** Accept fixture machines and apps run from source: for tests and `npm start`, never production. */
  demo?: boolean;
}

export const jobHandlers = {
  'face.verify': verifyFaceJob,
  'webhook.deliver': deliverWebhookJob,
  'retention.sweep': retentionJob,
};

/** Opens the database (migrating it), wires the routes and the job runner, and listens. */
export async function startServer(options: ServerOptions) {
  const dataDir = resolve(options.dataDir);
  const now = options.now ?? (() => new Date());
  const { db, dialect, where, seal } = await openDatabase({
    dataDir,
    url: options.databaseUrl,
    photoKey: options.photoKey,
  });
  if (options.adminToken) await registerBootstrapToken(db, options.adminToken, now());
  const faces = options.faces ?? faceService();
  const { app, context } = await buildApp(
    {
      db,
      dialect,
      seal,
      policy: options.policy ?? defaultServerPolicy,
      faces,
      jobs: new JobQueue(db, now),
      now,
      limits: { devicePerMinute: options.devicePerMinute ?? 60 },
      demo: options.demo ?? false,
      writes: dialect === 'sqlite' ? groupCommit(db) : transactionPerWrite(db),
    },
    { logger: options.logger, rateLimitMax: options.rateLimitMax, dashboardDir: options.dashboardDir },
  );
  const runner = jobRunner(context, jobHandlers);
  const pendingSweep = await db
    .selectFrom('jobs')
    .select('id')
    .where('kind', '=', 'retention.sweep')
    .where('done_at', 'is', null)
    .executeTakeFirst();
  if (!pendingSweep) await context.jobs.enqueue('retention.sweep', {});
  const host = options.host ?? '127.0.0.1';
  const close = async () => {
    await runner.stop();
    await app.close();
    await faces.close();
    await db.destroy();
  };
  let url: string;
  try {
    url = await app.listen({ port: options.port, host });
  } catch (error) {
    // Nothing may stay open: a server that cannot listen must let its process end.
    await close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new Error(
        `port ${options.port} on ${host} is already in use (another HireProof service?); choose another with --port`,
        { cause: error },
      );
    if (code === 'EACCES')
      throw new Error(
        `port ${options.port} on ${host} needs privileges this user lacks; choose one above 1023 with --port`,
        { cause: error },
      );
    throw error;
  }
  if (options.runJobs ?? true) runner.start();
  return {
    url,
    app,
    context,
    database: where,
    jobs: runner,
    close,
  };
}
