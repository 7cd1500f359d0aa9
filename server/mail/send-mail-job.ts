import { createTransport } from 'nodemailer';
import { z } from 'zod';
import { hashSecret } from '../auth/secrets';
import type { ServerContext } from '../context';
import type { Job } from '../jobs/job-queue';
import type { JobHandler } from '../jobs/job-runner';
import { invitation, reminder, type Message } from './messages';

/** An SMTP answer that will not change on a retry: the recipient or the message is refused (5xx). */
const refusedForGood = (error: { code?: string; responseCode?: number }) =>
  error.responseCode !== undefined &&
  error.responseCode >= 500 &&
  error.responseCode < 600 &&
  // A wrong password is the service's set-up, not the hire's address: retried until someone fixes it.
  error.code !== 'EAUTH';

/** The mail server's words, or the socket's failure code: never the message, which holds the code. */
const answerOf = (error: { response?: string; code?: string; message?: string }) =>
  error.response ?? `no answer from the mail server (${error.code ?? 'unknown'})`;

async function messageFor(
  context: ServerContext,
  row: {
    hire_id: string;
    kind: 'invitation' | 'reminder';
    due_at: string | null;
    sealed_code: Buffer | null;
  },
): Promise<Message | 'voided'> {
  const mail = context.mail!;
  const hire = await context.db
    .selectFrom('hires')
    .select(['name', 'offboarded_at'])
    .where('id', '=', row.hire_id)
    .executeTakeFirstOrThrow();
  if (hire.offboarded_at) return 'voided';
  if (row.kind === 'reminder') return reminder({ name: hire.name, dueAt: row.due_at ?? '' }, mail);
  if (!row.sealed_code) return 'voided';
  const code = context.seal.open(row.sealed_code).toString('utf8');
  const stored = await context.db
    .selectFrom('enrolment_codes')
    .select(['expires_at', 'used_at', 'voided_at'])
    .where('code_hash', '=', hashSecret(code))
    .executeTakeFirst();
  if (!stored || stored.used_at || stored.voided_at) return 'voided';
  return invitation({ name: hire.name, code, expiresAt: stored.expires_at }, mail, context.policy);
}

/**
 * Hands one queued message to the mail server and records its answer. Accepted, or refused for
 * good (a 5xx: no such mailbox), the message is finished and its code forgotten; a temporary
 * failure (4xx, no connection) is recorded and thrown, so the runner tries again with backoff.
 */
export const sendMailJob: JobHandler = async (job, context) => {
  const { deliveryId } = z.object({ deliveryId: z.string() }).parse(job.payload);
  const { db } = context;
  const row = await db
    .selectFrom('mail_deliveries')
    .selectAll()
    .where('id', '=', deliveryId)
    .executeTakeFirst();
  if (!row || row.status !== 'queued' || !context.mail) return;
  const finish = (set: { status: 'accepted' | 'refused' | 'voided'; response: string | null }) =>
    db
      .updateTable('mail_deliveries')
      .set({ ...set, attempts: job.attempts, sealed_code: null, finished_at: context.now().toISOString() })
      .where('id', '=', row.id)
      .where('status', '=', 'queued')
      .execute();
  const message = await messageFor(context, row);
  if (message === 'voided') {
    await finish({ status: 'voided', response: null });
    return;
  }
  const transport = createTransport(context.mail.smtpUrl);
  try {
    const info = await transport.sendMail({ from: context.mail.from, to: row.recipient, ...message });
    await finish({ status: 'accepted', response: info.response });
  } catch (failure) {
    const error = failure as { code?: string; responseCode?: number; response?: string };
    if (refusedForGood(error)) {
      await finish({ status: 'refused', response: answerOf(error) });
      return;
    }
    await db
      .updateTable('mail_deliveries')
      .set({ attempts: job.attempts, response: answerOf(error) })
      .where('id', '=', row.id)
      .execute();
    throw new Error(`mail ${row.id} not sent: ${answerOf(error)}`, { cause: failure });
  } finally {
    transport.close();
  }
};

/** Every retry failed: the message stays visible to HR as failed, with the last answer; its code is forgotten. */
export async function giveUpMail(job: Job, context: ServerContext): Promise<void> {
  const { deliveryId } = z.object({ deliveryId: z.string() }).parse(job.payload);
  await context.db
    .updateTable('mail_deliveries')
    .set({ status: 'failed', sealed_code: null, finished_at: context.now().toISOString() })
    .where('id', '=', deliveryId)
    .where('status', '=', 'queued')
    .execute();
}
