import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema';

/** Deletes the face frames and landmark traces of a hire's reports, or of the reports named. */
export async function deleteReportBiometrics(
  db: Kysely<Database> | Transaction<Database>,
  reports: { hireId: string } | { ids: readonly string[] },
  at: Date,
): Promise<void> {
  if ('ids' in reports && reports.ids.length === 0) return;
  await db
    .updateTable('reports')
    .set({
      frames: null,
      liveness_trace: null,
      biometrics_deleted_at: sql<string>`coalesce(biometrics_deleted_at, ${at.toISOString()})`,
    })
    .where((eb) => ('ids' in reports ? eb('id', 'in', [...reports.ids]) : eb('hire_id', '=', reports.hireId)))
    .execute();
}

/**
 * Deletes a hire's biometric data: the ID photo and every report's frames and traces; with
 * `template`, also the face template made from the ID photo (kept otherwise, to match the frames
 * of later re-attestations). Then `reclaimDeleted` must run, after the transaction.
 */
export async function deleteBiometrics(
  db: Kysely<Database> | Transaction<Database>,
  hireId: string,
  options: { template: boolean; at: Date },
): Promise<void> {
  const at = options.at.toISOString();
  await db
    .updateTable('hires')
    .set({
      id_photo: null,
      photos_deleted_at: sql<string>`coalesce(photos_deleted_at, ${at})`,
      ...(options.template ? { face_template: null } : {}),
    })
    .where('id', '=', hireId)
    .execute();
  await deleteReportBiometrics(db, { hireId }, options.at);
}
