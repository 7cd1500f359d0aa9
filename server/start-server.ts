import { randomInt } from 'node:crypto';
import { resolve } from 'node:path';
import { buildApp, type AppOptions } from './app';
import { databaseLimiter, memoryLimiter } from './http/limiter';
import { registerBootstrapToken } from './auth/admin-auth';
import { openIdProvider } from './auth/openid-provider';
import { openBookkeeping, openDatabase } from './db/open-database';
import { groupCommit, transactionPerWrite } from './db/write-batcher';
import { faceService, type FaceService } from './face/face-service';
import { faceLinksJob, frameFaceLinksJob } from './farm/face-links-job';
import { REVIEW_LINKED_HIRE, reviewLinkedHireJob } from './farm/link-hires';
import { markHasher } from './farm/mark-key';
import { giveUpFaceJob, verifyFaceJob } from './face/verify-face-job';
import { JobQueue } from './jobs/job-queue';
import { jobRunner, type JobKind } from './jobs/job-runner';
import { retentionJob } from './retention/retention-job';
import { judgePool } from './reports/judge-pool';
import { mailSettings } from './mail/mail-settings';
import { MAIL_JOB } from './mail/mail-queries';
import { REMINDER_JOB, reminderJob } from './mail/reminder-job';
import { giveUpMail, sendMailJob } from './mail/send-mail-job';
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
  devicePerMinute?: number;
  /** Unproven requests per minute per client address (enrolments, sign-ins, anything refused). */
  addressPerMinute?: number;
  trustProxy?: readonly string[];
  http?: AppOptions['http'];
  dashboardDir?: string;
  /** Accept fixture machines and apps run from source: for tests and `npm start`, never production. */
  demo?: boolean;
  /** The source of the challenges' random movements; tests seed it (the default is crypto's). */
  random?: () => number;
  /** Link hires by what their reports share (farm signals); on unless turned off (tests of one thing). */
  farmSignals?: boolean;
  /** The OpenID client's secret (HIREPROOF_OIDC_CLIENT_SECRET), for the policy's `oidc` sign-in. */
  oidcClientSecret?: string;
  /** HIREPROOF_SMTP_URL: with the policy's `invitations`, hires are invited and reminded by email. */
  smtpUrl?: string;
}

/**
 * Each kind of background job with its lanes: face matches share the face workers' cores, webhook
 * deliveries mostly wait on receivers, and one retention sweep at a time is enough.
 */
export const jobKinds: Record<string, JobKind> = {
  // A hire waits on this verdict: three tries (a crashed worker, a busy minute), then review.
  'face.verify': {
    handler: verifyFaceJob,
    giveUp: giveUpFaceJob,
    concurrency: 2,
    timeoutMs: 120_000,
    maxAttempts: 3,
  },
  'webhook.deliver': { handler: deliverWebhookJob, concurrency: 8, timeoutMs: 30_000 },
  'retention.sweep': { handler: retentionJob, concurrency: 1, timeoutMs: 30 * 60_000 },
  'farm.face': { handler: faceLinksJob, concurrency: 1, timeoutMs: 10 * 60_000 },
  'farm.face-frames': { handler: frameFaceLinksJob, concurrency: 1, timeoutMs: 10 * 60_000 },
  // One hire's rows per job: short transactions, so two at a time take turns with intake.
  [REVIEW_LINKED_HIRE]: { handler: reviewLinkedHireJob, concurrency: 2, timeoutMs: 60_000 },
  // Mail servers greylist and go down for maintenance: twenty tries, backing off to an hour, span about eight hours.
  [MAIL_JOB]: {
    handler: sendMailJob,
    giveUp: giveUpMail,
    concurrency: 4,
    timeoutMs: 60_000,
    maxAttempts: 20,
  },
  [REMINDER_JOB]: { handler: reminderJob, concurrency: 1, timeoutMs: 10 * 60_000 },
};

/** A uniform [0, 1) from the system's cryptographic source: a device cannot predict its movements. */
const cryptoRandom = () => randomInt(2 ** 47) / 2 ** 47;

/** Opens the database (migrating it), wires the routes and the job runner, and listens. */
export async function startServer(options: ServerOptions) {
  const dataDir = resolve(options.dataDir);
  const now = options.now ?? (() => new Date());
  // Checked before anything opens: a half set-up mail server must stop the start, not leak a database.
  const mail = mailSettings(options.smtpUrl, options.policy ?? defaultServerPolicy);
  const opened = await openDatabase({ dataDir, url: options.databaseUrl, photoKey: options.photoKey });
  const { db, dialect, where, seal } = opened;
  const bookkeeping = openBookkeeping(opened, options.databaseUrl);
  if (options.adminToken) await registerBootstrapToken(db, options.adminToken, now());
  const faces = options.faces ?? faceService();
  const clock = () => now().getTime();
  const limiter = dialect === 'postgres' ? databaseLimiter(bookkeeping, clock) : memoryLimiter(clock);
  const policy = options.policy ?? defaultServerPolicy;
  const demo = options.demo ?? false;
  const judge = judgePool(policy, demo);
  if (policy.oidc && !options.oidcClientSecret)
    throw new Error(
      'the policy sets up OpenID sign-in: set HIREPROOF_OIDC_CLIENT_SECRET to its client secret',
    );
  const oidc = policy.oidc ? openIdProvider(policy.oidc, options.oidcClientSecret ?? '') : null;
  const { app, context } = await buildApp(
    {
      db,
      dialect,
      seal,
      policy,
      faces,
      jobs: new JobQueue(db, now, bookkeeping),
      now,
      limits: {
        devicePerMinute: options.devicePerMinute ?? 60,
        addressPerMinute: options.addressPerMinute ?? 60,
      },
      limiter,
      judge,
      demo,
      farmMarks: (options.farmSignals ?? true) ? await markHasher(db, seal, now()) : null,
      writes: dialect === 'sqlite' ? groupCommit(db) : transactionPerWrite(db),
      random: options.random ?? cryptoRandom,
      oidc,
      mail,
    },
    {
      logger: options.logger,
      dashboardDir: options.dashboardDir,
      trustProxy: options.trustProxy,
      http: options.http,
    },
  );
  const runner = jobRunner(context, jobKinds);
  const pendingSweep = await db
    .selectFrom('jobs')
    .select('id')
    .where('kind', '=', 'retention.sweep')
    .where('done_at', 'is', null)
    .executeTakeFirst();
  if (!pendingSweep) await context.jobs.enqueue('retention.sweep', {});
  if (mail) {
    const pendingReminders = await db
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', REMINDER_JOB)
      .where('done_at', 'is', null)
      .executeTakeFirst();
    if (!pendingReminders) await context.jobs.enqueue(REMINDER_JOB, {});
  }
  const host = options.host ?? '127.0.0.1';
  const close = async () => {
    await runner.stop();
    await app.close();
    limiter.close();
    await judge.close();
    await faces.close();
    if (bookkeeping !== db) await bookkeeping.destroy();
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
