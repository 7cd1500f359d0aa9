import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startServer, type ServerOptions } from '../../server/start-server';
import { postgresUrl } from './test-database';

export { postgresUrl };

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
/** The photo key every test server on PostgreSQL shares (a server there needs one given). */
export const TEST_PHOTO_KEY = Buffer.alloc(32, 7).toString('base64');
export type Storage = 'sqlite' | 'postgres';

/** A fresh, empty database on the test PostgreSQL, dropped by the returned function. */
export async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = postgresUrl();
  if (!base) throw new Error('no PostgreSQL for tests (set HIREPROOF_TEST_DATABASE_URL)');
  const name = `hp_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      try {
        // A closed pool has asked its connections to end, but they may not have gone yet: one
        // ended by FORCE would reach its test as an uncaught "terminating connection" error.
        for (let waited = 0; waited < 5_000; waited += 50) {
          const { rows } = await client.query<{ n: string }>(
            'SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1',
            [name],
          );
          if (Number(rows[0]?.n) === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        // FORCE may not end a backend the test role does not own (an autovacuum worker on the
        // fresh database): those finish on their own in a moment, so try again.
        for (let attempt = 1; ; attempt++) {
          try {
            await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
            return;
          } catch (error) {
            if ((error as { code?: string }).code !== '42501' || attempt === 20) throw error;
            await new Promise((resolve) => setTimeout(resolve, 250));
          }
        }
      } finally {
        await client.end();
      }
    },
  };
}

/** A real HR service on 127.0.0.1 with an empty database of the given kind; a demo server unless told otherwise. */
export async function startTestServer(storage: Storage, options: Partial<ServerOptions> = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'hireproof-server-'));
  const database = storage === 'postgres' ? await freshPostgres() : null;
  const server = await startServer({
    port: 0,
    dataDir,
    databaseUrl: database?.url,
    adminToken: ADMIN_TOKEN,
    demo: true,
    // Every test client is 127.0.0.1: a suite's devices and HR calls must not share one allowance.
    addressPerMinute: 100_000,
    // Every test device reports one laptop's identity from 127.0.0.1: farm signals would link
    // every hire of a suite, so only the suites about them turn them on.
    farmSignals: false,
    ...(database ? { photoKey: TEST_PHOTO_KEY } : {}),
    ...options,
  });
  return {
    ...server,
    dataDir,
    databaseUrl: database?.url,
    async close() {
      await server.close();
      await database?.drop();
    },
  };
}

export const storages: Storage[] = postgresUrl() ? ['sqlite', 'postgres'] : ['sqlite'];

export async function api(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(new URL(path, base), {
    method,
    headers: {
      authorization: `Bearer ${ADMIN_TOKEN}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  const json = parseJson(text);
  return {
    status: response.status,
    text,
    json: json as Record<string, unknown> & { error?: { code: string; message: string } },
    headers: response.headers,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** A hire created through the HR API with an ID photo (a committed portrait): its id and enrolment code. */
export async function createHire(
  base: string,
  hire: { name: string; email: string; idPhoto: string },
): Promise<{ id: string; code: string }> {
  const idPhoto = (await readFile(hire.idPhoto)).toString('base64');
  const created = await api(base, 'POST', '/v1/hires', { ...hire, idPhoto });
  if (created.status !== 201) throw new Error(`creating ${hire.name} failed: ${created.text}`);
  return { id: String(created.json.id), code: String(created.json.code) };
}
