import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Revokes every live device of a hire (a replacement, offboarding): their keys sign nothing the
 * service accepts from now on, and their challenges still open are spent. Their reports stay.
 * Returns the ids revoked.
 */
export async function revokeDevices(trx: Transaction<Database>, hireId: string, at: Date): Promise<string[]> {
  const devices = await trx
    .updateTable('devices')
    .set({ revoked_at: at.toISOString() })
    .where('hire_id', '=', hireId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  const ids = devices.map((d) => d.id);
  if (ids.length > 0)
    await trx
      .updateTable('nonces')
      .set({ used_at: at.toISOString() })
      .where('device_id', 'in', ids)
      .where('used_at', 'is', null)
      .execute();
  return ids;
}
