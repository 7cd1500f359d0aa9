import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { syncDir, writeDurably } from '../../main/data/durable-write';
import { openDatabase } from '../db/open-database';
import type { Database } from '../db/schema';
import { reclaimDeleted } from '../privacy/reclaim';
import { NEXT_PHOTO_KEY_FILE, PHOTO_KEY_FILE, newPhotoKey, parsePhotoKey } from './photo-key';
import { photoSeal, type PhotoSeal } from './photo-seal';
import { SEALED_COLUMNS } from './sealed-columns';

/** Re-seals every sealed value with `to`, in one transaction: all of them or, on any failure, none. */
export async function resealAll(db: Kysely<Database>, from: PhotoSeal, to: PhotoSeal): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let count = 0;
    for (const { table, column } of SEALED_COLUMNS) {
      const { rows } = await sql<{ id: string }>`SELECT id FROM ${sql.table(table)}
        WHERE ${sql.ref(column)} IS NOT NULL`.execute(trx);
      for (const { id } of rows) {
        // One value at a time: face frames run to hundreds of kilobytes each.
        const { rows: value } = await sql<{ sealed: Buffer }>`SELECT ${sql.ref(column)} AS sealed
          FROM ${sql.table(table)} WHERE id = ${id}`.execute(trx);
        const resealed = to.seal(from.open(value[0]!.sealed));
        await sql`UPDATE ${sql.table(table)} SET ${sql.ref(column)} = ${resealed} WHERE id = ${id}`.execute(
          trx,
        );
        count += 1;
      }
    }
    return count;
  });
}

/**
 * Rotates the photo key (with the servers stopped): every sealed value is re-sealed with the new
 * key in one transaction. With a key file (SQLite), the new key is written beside it first and
 * replaces it once the transaction committed (a start-up after a crash in between finishes the
 * swap); with HIREPROOF_PHOTO_KEY, the new key comes from HIREPROOF_NEW_PHOTO_KEY and the operator
 * gives it to every server. Values deleted before the rotation, still in PostgreSQL's dead tuples,
 * WAL or backups, are sealed with the old key: destroying it makes them unreadable.
 */
export async function rotatePhotoKey(options: {
  dataDir: string;
  url: string | undefined;
  photoKey: string | undefined;
  newPhotoKey: string | undefined;
}): Promise<{ resealed: number; keyFile: string | null }> {
  if (options.photoKey && !options.newPhotoKey)
    throw new Error('with HIREPROOF_PHOTO_KEY set, give the new key in HIREPROOF_NEW_PHOTO_KEY');
  const next = options.newPhotoKey ?? newPhotoKey();
  const to = photoSeal(parsePhotoKey(next, 'HIREPROOF_NEW_PHOTO_KEY'));
  const opened = await openDatabase({
    dataDir: options.dataDir,
    url: options.url,
    photoKey: options.photoKey,
  });
  try {
    const keyFile = options.photoKey ? null : join(options.dataDir, PHOTO_KEY_FILE);
    const nextFile = join(options.dataDir, NEXT_PHOTO_KEY_FILE);
    if (keyFile) await writeDurably(nextFile, next, 0o600);
    const resealed = await resealAll(opened.db, opened.seal, to).catch(async (error: unknown) => {
      await rm(nextFile, { force: true });
      throw error;
    });
    if (keyFile) {
      await rename(nextFile, keyFile);
      await syncDir(options.dataDir);
    }
    // The old sealed bytes were overwritten in place (SQLite's secure_delete); give the pages back.
    await reclaimDeleted(opened);
    return { resealed, keyFile };
  } finally {
    await opened.db.destroy();
  }
}
