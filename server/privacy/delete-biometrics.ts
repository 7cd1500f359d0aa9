import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Deletes a hire's biometric data: the ID photo and every report's face frames; with `template`,
 * also the face template made from the ID photo (kept otherwise to match later re-attestations).
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
      ...(options.template ? { face_descriptor: null } : {}),
    })
    .where('id', '=', hireId)
    .execute();
  await db.updateTable('reports').set({ frames: null }).where('hire_id', '=', hireId).execute();
}
