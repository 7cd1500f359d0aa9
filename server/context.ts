import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditEntry } from './audit/audit';
import type { Database } from './db/schema';
import type { Writer } from './db/write-batcher';
import type { FaceService } from './face/face-service';
import type { MarkHasher } from './farm/mark-key';
import type { Limiter } from './http/limiter';
import type { MailSettings } from './mail/mail-settings';
import type { JobQueue } from './jobs/job-queue';
import type { Judge } from './reports/judge-pool';
import type { PhotoSeal } from './photos/photo-seal';
import type { OpenIdProvider } from './auth/openid-provider';
import type { ServerPolicy } from './server-policy';

/** What every route and job of the HR service works with; tests build one with their own clock. */
export interface ServerContext {
  db: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  seal: PhotoSeal;
  policy: ServerPolicy;
  faces: FaceService;
  jobs: JobQueue;
  now: () => Date;
  log: FastifyBaseLogger;
  /** Report intake's writes: group-committed on SQLite, a transaction each on PostgreSQL. */
  writes: Writer;
  /** Records an HR read on the audit trail, batched with other writes (see `readAudit`). */
  auditRead: (entry: AuditEntry) => Promise<void>;
  /** A test or demo server: accepts fixture machines (`--sysroot`) and apps run from source. */
  demo: boolean;
  /**
   * Requests per minute: one verified device to the device endpoints, and one client address
   * before its requests prove who sent them (see `installRequestLimits`).
   */
  limits: { devicePerMinute: number; addressPerMinute: number };
  /** Where those requests are counted: in memory (SQLite), or shared in PostgreSQL. */
  limiter: Limiter;
  /** Verifies and judges reports off the request loop. */
  judge: Judge;
  /** Draws the liveness movements of each challenge: [0, 1), unpredictable unless a test seeds it. */
  random: () => number;
  /** Hashes what reports share across hires (farm signals); null when the server links no hires. */
  farmMarks: MarkHasher | null;
  /** The OpenID provider HR signs in with (policy `oidc`), or null: API tokens only. */
  oidc: OpenIdProvider | null;
  /** Invitations and reminders by email; null without an SMTP server (HR passes codes on). */
  mail: MailSettings | null;
}
