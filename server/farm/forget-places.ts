import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { ServerPolicy } from '../server-policy';
import { PLACE_MARKS } from './farm-marks';

/**
 * Where hires were seen from is compared only within the policy's window, so the hashes of
 * addresses and networks are kept no longer than that (the links they made stay, with the hire).
 * Returns how many were forgotten.
 */
export async function forgetOldPlaces(
  db: Kysely<Database>,
  policy: ServerPolicy,
  now: Date,
): Promise<number> {
  const before = new Date(now.getTime() - policy.farm.windowHours * 3_600_000).toISOString();
  const forgotten = await db
    .deleteFrom('farm_marks')
    .where('kind', 'in', [...PLACE_MARKS])
    .where('last_seen_at', '<', before)
    .executeTakeFirst();
  return Number(forgotten.numDeletedRows);
}
