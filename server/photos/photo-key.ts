import { randomBytes } from 'node:crypto';
import { chmod, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { syncDir, writeDurably } from '../../main/data/durable-write';
import { PHOTO_KEY_BYTES, photoSeal, type PhotoSeal } from './photo-seal';
import { SEALED_COLUMNS } from './sealed-columns';

/** The key file in the data folder (SQLite), and the one a rotation writes before it commits. */
export const PHOTO_KEY_FILE = 'photo-key';
export const NEXT_PHOTO_KEY_FILE = 'photo-key.next';
/** What the `seal_check` row seals: a value every key check can open, even before any photo. */
const CHECK_ID = 'photo-key';
const CHECK_PLAIN = Buffer.from('HireProof photo key check');

export function parsePhotoKey(text: string, source: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== PHOTO_KEY_BYTES)
    throw new Error(`${source} must be ${PHOTO_KEY_BYTES} bytes, base64-encoded`);
  return key;
}

export const newPhotoKey = () => randomBytes(PHOTO_KEY_BYTES).toString('base64');

/** The key in a key file, kept 0600; null when there is none. */
export async function readKeyFile(path: string): Promise<Buffer | null> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (text === null) return null;
  await chmod(path, 0o600);
  return parsePhotoKey(text, path);
}

/** One sealed value from the database (the check row first), to test a key on; null when none is stored. */
async function sealedSample(db: Kysely<unknown>): Promise<Buffer | null> {
  const tables = await db.introspection.getTables();
  for (const { table, column } of SEALED_COLUMNS) {
    if (!tables.some((t) => t.name === table && t.columns.some((c) => c.name === column))) continue;
    const { rows } = await sql<{
      sealed: Buffer;
    }>`SELECT ${sql.ref(column)} AS sealed FROM ${sql.table(table)}
      WHERE ${sql.ref(column)} IS NOT NULL LIMIT 1`.execute(db);
    if (rows[0]) return Buffer.from(rows[0].sealed);
  }
  return null;
}

const SHARED_KEY_NEEDED =
  'PostgreSQL is shared by every HR server: set HIREPROOF_PHOTO_KEY (32 bytes, base64), the same on each of them; a key of its own per server would not open what the others sealed';

/**
 * The photo key for this database, before it is migrated: HIREPROOF_PHOTO_KEY, or (SQLite only)
 * the `photo-key` file in the data folder, made once, 0600, while nothing is sealed yet. Start-up
 * stops when sealed data exists and the key does not open it (a lost or wrong key), never making
 * a new one over it; and on PostgreSQL without a key given, since every server must share one.
 */
export async function resolvePhotoSeal(
  db: Kysely<unknown>,
  options: { dataDir: string; fromEnv: string | undefined; dialect: 'sqlite' | 'postgres' },
): Promise<PhotoSeal> {
  const sample = await sealedSample(db);
  if (options.fromEnv) {
    const seal = photoSeal(parsePhotoKey(options.fromEnv, 'HIREPROOF_PHOTO_KEY'));
    if (sample && !seal.opens(sample))
      throw new Error(
        'HIREPROOF_PHOTO_KEY does not open the data sealed in this database: start with the key it was sealed with (README, Privacy)',
      );
    return seal;
  }
  if (options.dialect === 'postgres') throw new Error(SHARED_KEY_NEEDED);
  const file = join(options.dataDir, PHOTO_KEY_FILE);
  let key = await readKeyFile(file);
  if (!key) {
    if (sample)
      throw new Error(
        `${file} is missing and this database holds data sealed with it: restore the key file from its backup (README, Privacy); a new key would not open the data`,
      );
    await writeDurably(file, newPhotoKey(), 0o600);
    key = await readKeyFile(file);
  }
  let seal = photoSeal(key!);
  if (sample && !seal.opens(sample)) {
    // A rotation that committed but did not get to swap the key files: finish it.
    const next = await readKeyFile(join(options.dataDir, NEXT_PHOTO_KEY_FILE));
    if (next && photoSeal(next).opens(sample)) {
      await rename(join(options.dataDir, NEXT_PHOTO_KEY_FILE), file);
      await syncDir(options.dataDir);
      seal = photoSeal(next);
    } else
      throw new Error(
        `${file} does not open the data sealed in this database: restore the key file it was sealed with (README, Privacy)`,
      );
  }
  return seal;
}

/**
 * After migrating: the check row, sealed with the first key that started on this database, so a
 * server with another key is refused even before any photo is stored (two servers racing on an
 * empty PostgreSQL: the second finds the first one's row and stops).
 */
export async function ensureSealCheck(db: Kysely<unknown>, seal: PhotoSeal, now: Date): Promise<void> {
  await sql`INSERT INTO seal_check (id, sealed, created_at) VALUES (${CHECK_ID}, ${seal.seal(CHECK_PLAIN)}, ${now.toISOString()})
    ON CONFLICT (id) DO NOTHING`.execute(db);
  const { rows } = await sql<{
    sealed: Buffer;
  }>`SELECT sealed FROM seal_check WHERE id = ${CHECK_ID}`.execute(db);
  if (!rows[0] || !seal.opens(rows[0].sealed))
    throw new Error(
      'the photo key does not open the data sealed in this database (another key sealed it first)',
    );
}
