import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

/** Who viewed or changed what, and when. Details hold ids and decisions, never biometric data. */
export async function audit(
  db: Kysely<Database> | Transaction<Database>,
  entry: { actor: string; action: string; target: string; detail?: Record<string, unknown>; at: Date },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: entry.at.toISOString(),
      actor: entry.actor,
      action: entry.action,
      target: entry.target,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
}
