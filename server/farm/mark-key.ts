import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { PhotoSeal } from '../photos/photo-seal';

const KEY_ID = 'farm-marks';

/** Keyed hashes of what a report shows (a hardware id, a client address): equal in, equal out. */
export type MarkHasher = (kind: string, value: string) => string;

/**
 * The farm signals' hashing key: 32 random bytes made once per database and stored sealed with the
 * photo key. A key of its own rather than one derived from the photo key, so rotating the photo key
 * (which re-seals this one) keeps every stored hash comparable; stored in the database, so every
 * server on one PostgreSQL hashes alike without a new setting; sealed, so a copy of the database
 * without the photo key cannot test the 2^32 IPv4 addresses against the stored hashes.
 */
export async function markHasher(db: Kysely<Database>, seal: PhotoSeal, now: Date): Promise<MarkHasher> {
  await db
    .insertInto('server_keys')
    .values({ id: KEY_ID, sealed: seal.seal(randomBytes(32)), created_at: now.toISOString() })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const row = await db
    .selectFrom('server_keys')
    .select('sealed')
    .where('id', '=', KEY_ID)
    .executeTakeFirstOrThrow();
  const key = seal.open(row.sealed);
  return (kind, value) => createHmac('sha256', key).update(`${kind}\u0000${value}`).digest('hex');
}
