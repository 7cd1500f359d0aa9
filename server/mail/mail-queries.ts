import type { Kysely, Transaction } from 'kysely';
import type { MailDelivery, MailKind } from '../../main/contract/hr-api';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/** The most messages a hire page lists (newest first): a hire gets a few invitations and reminders. */
const MAIL_SHOWN = 20;

export const MAIL_JOB = 'mail.send';

const viewOf = (row: Database['mail_deliveries']): MailDelivery => ({
  id: row.id,
  kind: row.kind,
  to: row.recipient,
  status: row.status,
  attempts: row.attempts,
  response: row.response,
  createdAt: row.created_at,
  finishedAt: row.finished_at,
});

/**
 * Records a message to send and its job, in the caller's transaction: once the hire (or the new
 * code) is committed, so is the message, and a restart only delays it. An invitation's code is
 * sealed; the job's payload names the row alone, so the code is in no log and no job.
 */
export async function queueMail(
  trx: Db,
  jobs: { enqueue: (kind: string, payload: unknown, o: { db: Db; fairKey: string }) => Promise<void> },
  mail: {
    hireId: string;
    kind: MailKind;
    to: string;
    sealedCode: Buffer | null;
    dueAt: string | null;
    at: Date;
  },
): Promise<MailDelivery | null> {
  const row: Database['mail_deliveries'] = {
    id: crypto.randomUUID(),
    hire_id: mail.hireId,
    kind: mail.kind,
    recipient: mail.to,
    due_at: mail.dueAt,
    created_at: mail.at.toISOString(),
    status: 'queued',
    attempts: 0,
    response: null,
    finished_at: null,
    sealed_code: mail.sealedCode,
  };
  // A reminder for a due date already reminded of (another server's sweep got there first) is not sent twice.
  const inserted = await trx
    .insertInto('mail_deliveries')
    .values(row)
    .onConflict((oc) => oc.columns(['hire_id', 'kind', 'due_at']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) return null;
  await jobs.enqueue(MAIL_JOB, { deliveryId: row.id }, { db: trx, fairKey: mail.hireId });
  return viewOf(row);
}

/** A newer code voids the invitations still waiting with the old one: they are never sent. */
export async function voidQueuedInvitations(trx: Db, hireId: string, at: Date): Promise<void> {
  await trx
    .updateTable('mail_deliveries')
    .set({ status: 'voided', sealed_code: null, finished_at: at.toISOString() })
    .where('hire_id', '=', hireId)
    .where('kind', '=', 'invitation')
    .where('status', '=', 'queued')
    .execute();
}

export async function mailOf(db: Db, hireId: string): Promise<MailDelivery[]> {
  const rows = await db
    .selectFrom('mail_deliveries')
    .selectAll()
    .where('hire_id', '=', hireId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(MAIL_SHOWN)
    .execute();
  return rows.map(viewOf);
}
