import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { photoSeal } from '../../../server/photos/photo-seal';
import { startServer, type ServerOptions } from '../../../server/start-server';
import { carve } from '../../support/carve';
import { hireproof } from '../../support/cli';
import { ADMIN_TOKEN, api, freshPostgres } from '../../support/hr-service';
import { postgresUrl } from '../../support/test-database';

const ID_PHOTO = 'test/fixtures/faces/obama/1.jpg';
const newKey = () => randomBytes(32).toString('base64');
const mode = async (path: string) => (await stat(path)).mode & 0o777;

/**
 * The photo key: made once (0600) for SQLite, given (HIREPROOF_PHOTO_KEY) for PostgreSQL, checked
 * against what the database holds at every start, and rotated by re-sealing everything.
 */
describe('the photo key', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  const dataDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hireproof-key-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    return dir;
  };
  const start = async (options: Partial<ServerOptions> & { dataDir: string }) => {
    const server = await startServer({ port: 0, adminToken: ADMIN_TOKEN, runJobs: false, ...options });
    cleanups.push(() => server.close());
    return server;
  };
  /** A hire with a sealed ID photo; the server is stopped afterwards, as a rotation needs. */
  const withHire = async (options: Partial<ServerOptions> & { dataDir: string }) => {
    const server = await startServer({ port: 0, adminToken: ADMIN_TOKEN, runJobs: false, ...options });
    const created = await api(server.url, 'POST', '/v1/hires', {
      name: 'Ana Lima',
      email: 'ana@example.com',
      idPhoto: (await readFile(ID_PHOTO)).toString('base64'),
    });
    expect(created.status).toBe(201);
    const { id_photo: sealed } = await server.context.db
      .selectFrom('hires')
      .select('id_photo')
      .where('id', '=', String(created.json.id))
      .executeTakeFirstOrThrow();
    await server.close();
    return { hireId: String(created.json.id), sealed: sealed! };
  };
  const photoOf = async (server: { url: string }, hireId: string) => {
    const response = await fetch(`${server.url}/v1/hires/${hireId}/photo`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    return Buffer.from(await response.arrayBuffer());
  };

  describe('on SQLite', () => {
    it('is made once, 0600, even in a data folder that already existed open to others', async () => {
      const dir = await dataDir();
      await chmod(dir, 0o755);
      const first = await start({ dataDir: dir });
      await first.close();
      const key = await readFile(join(dir, 'photo-key'), 'utf8');
      expect(Buffer.from(key, 'base64')).toHaveLength(32);
      expect(await mode(join(dir, 'photo-key'))).toBe(0o600);
      await chmod(join(dir, 'photo-key'), 0o644);
      await (await start({ dataDir: dir })).close();
      expect(await readFile(join(dir, 'photo-key'), 'utf8')).toBe(key);
      expect(await mode(join(dir, 'photo-key'))).toBe(0o600);
    });

    it('refuses to start when the key is lost or another one is given, and never makes a new one over sealed data', async () => {
      const dir = await dataDir();
      await (await start({ dataDir: dir })).close();
      const key = await readFile(join(dir, 'photo-key'), 'utf8');
      await rm(join(dir, 'photo-key'));
      await expect(start({ dataDir: dir })).rejects.toThrow(/photo-key is missing .* restore the key file/);
      await expect(stat(join(dir, 'photo-key'))).rejects.toThrow(/ENOENT/);
      await writeFile(join(dir, 'photo-key'), newKey());
      await expect(start({ dataDir: dir })).rejects.toThrow(/photo-key does not open the data sealed/);
      await writeFile(join(dir, 'photo-key'), key);
      await expect(start({ dataDir: dir, photoKey: newKey() })).rejects.toThrow(
        /HIREPROOF_PHOTO_KEY does not open/,
      );
      await (await start({ dataDir: dir })).close();
    });

    it('rotates: every sealed value re-sealed with a new key file, the old key opens nothing, the old bytes are gone', async () => {
      const dir = await dataDir();
      const { hireId, sealed } = await withHire({ dataDir: dir });
      const oldKey = await readFile(join(dir, 'photo-key'), 'utf8');
      const rotated = await hireproof(['admin', 'photo-key', 'rotate', '--data', dir]);
      expect(rotated.stderr).toBe('');
      // The check row, the ID photo, its face template and the farm signals' hashing key.
      expect(rotated.stdout).toMatch(/^Re-sealed 4 values with the new photo key\./);
      const key = await readFile(join(dir, 'photo-key'), 'utf8');
      expect(key).not.toBe(oldKey);
      expect(await mode(join(dir, 'photo-key'))).toBe(0o600);
      await expect(stat(join(dir, 'photo-key.next'))).rejects.toThrow(/ENOENT/);
      for (const name of ['hireproof.sqlite', 'hireproof.sqlite-wal'])
        expect(carve(await readFile(join(dir, name)).catch(() => Buffer.alloc(0)), [sealed])).toBeNull();

      const server = await start({ dataDir: dir });
      expect((await photoOf(server, hireId)).equals(await readFile(ID_PHOTO))).toBe(true);
      const { id_photo: resealed } = await server.context.db
        .selectFrom('hires')
        .select('id_photo')
        .where('id', '=', hireId)
        .executeTakeFirstOrThrow();
      expect(photoSeal(Buffer.from(oldKey, 'base64')).opens(resealed!)).toBe(false);
    }, 60_000);

    it('finishes a rotation that committed but did not swap the key files', async () => {
      const dir = await dataDir();
      const { hireId } = await withHire({ dataDir: dir });
      const oldKey = await readFile(join(dir, 'photo-key'), 'utf8');
      expect((await hireproof(['admin', 'photo-key', 'rotate', '--data', dir])).stderr).toBe('');
      const newOne = await readFile(join(dir, 'photo-key'), 'utf8');
      // The crash: the new key still waits beside the old one.
      await rename(join(dir, 'photo-key'), join(dir, 'photo-key.next'));
      await writeFile(join(dir, 'photo-key'), oldKey, { mode: 0o600 });
      const server = await start({ dataDir: dir });
      expect(await readFile(join(dir, 'photo-key'), 'utf8')).toBe(newOne);
      expect((await photoOf(server, hireId)).equals(await readFile(ID_PHOTO))).toBe(true);
    }, 60_000);
  });

  describe.runIf(postgresUrl())('on PostgreSQL', () => {
    const database = async () => {
      const db = await freshPostgres();
      cleanups.push(db.drop);
      return db.url;
    };

    it('refuses to start without an explicit shared key', async () => {
      const url = await database();
      await expect(start({ dataDir: await dataDir(), databaseUrl: url })).rejects.toThrow(
        /PostgreSQL is shared by every HR server: set HIREPROOF_PHOTO_KEY/,
      );
    });

    it('refuses a second server with another key, even before any photo is stored', async () => {
      const url = await database();
      const key = newKey();
      await start({ dataDir: await dataDir(), databaseUrl: url, photoKey: key });
      await expect(start({ dataDir: await dataDir(), databaseUrl: url, photoKey: newKey() })).rejects.toThrow(
        /HIREPROOF_PHOTO_KEY does not open/,
      );
      await start({ dataDir: await dataDir(), databaseUrl: url, photoKey: key });
    });

    it('rotates to the key given in HIREPROOF_NEW_PHOTO_KEY', async () => {
      const url = await database();
      const [oldKey, key] = [newKey(), newKey()];
      const dir = await dataDir();
      const { hireId } = await withHire({ dataDir: dir, databaseUrl: url, photoKey: oldKey });
      const env = { ...process.env, HIREPROOF_PHOTO_KEY: oldKey };
      const missing = await hireproof(['admin', 'photo-key', 'rotate', '--database', url], env);
      expect([missing.code, missing.stderr]).toEqual([2, expect.stringMatching(/HIREPROOF_NEW_PHOTO_KEY/)]);
      const rotated = await hireproof(['admin', 'photo-key', 'rotate', '--database', url], {
        ...env,
        HIREPROOF_NEW_PHOTO_KEY: key,
      });
      expect(rotated.stdout).toMatch(/^Re-sealed 4 values .*\nGive every server HIREPROOF_PHOTO_KEY/);
      await expect(start({ dataDir: dir, databaseUrl: url, photoKey: oldKey })).rejects.toThrow(
        /does not open/,
      );
      const server = await start({ dataDir: dir, databaseUrl: url, photoKey: key });
      expect((await photoOf(server, hireId)).equals(await readFile(ID_PHOTO))).toBe(true);
    }, 60_000);
  });
});
