import { sql } from 'kysely';
import type { JobHandler } from '../jobs/job-runner';
import { DUE_STANDINGS } from '../db/roster';
import { queueMail } from './mail-queries';

export const REMINDER_JOB = 'mail.reminders';
/** How often overdue hires are looked for: a reminder is at most this late. */
const SWEEP_EVERY_MS = 60 * 60_000;
/** Reminders queued per sweep; the rest wait for the next one (the sweep stays short). */
const PER_SWEEP = 500;

/**
 * Reminds each hire whose re-attestation is overdue, once per due date (a new date, after the
 * next check-in, earns a new reminder), then schedules itself again. Offboarded hires and hires
 * whose last report failed or waits on review are HR's to chase, not a reminder's.
 */
export const reminderJob: JobHandler = async (_job, context) => {
  const now = context.now();
  if (context.mail) {
    const overdue = await context.db
      .selectFrom('roster')
      .select(['hire_id', 'email', 'due_at'])
      .where(sql<boolean>`standing IN (${sql.join(DUE_STANDINGS.map((s) => sql.lit(s)))})`)
      .where('due_at', '<', now.toISOString())
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('mail_deliveries')
              .select('id')
              .whereRef('mail_deliveries.hire_id', '=', 'roster.hire_id')
              .where('mail_deliveries.kind', '=', 'reminder')
              .whereRef('mail_deliveries.due_at', '=', 'roster.due_at'),
          ),
        ),
      )
      .orderBy('due_at')
      .limit(PER_SWEEP)
      .execute();
    for (const hire of overdue)
      await context.db.transaction().execute((trx) =>
        queueMail(trx, context.jobs, {
          hireId: hire.hire_id,
          kind: 'reminder',
          to: hire.email,
          sealedCode: null,
          dueAt: hire.due_at,
          at: now,
        }),
      );
  }
  await context.jobs.enqueue(REMINDER_JOB, {}, { runAt: new Date(now.getTime() + SWEEP_EVERY_MS) });
};
