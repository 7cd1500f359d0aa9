import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgres, startTestServer, TEST_PHOTO_KEY } from '../support/hr-service';
import { postgresUrl } from '../support/test-database';
import { enrolDevice } from '../support/device-under-test';

/** Two server processes on one PostgreSQL: nonces, idempotency and jobs live in the database. */
describe.runIf(postgresUrl())('two servers on one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof freshPostgres>>;
  let one: Awaited<ReturnType<typeof startTestServer>>;
  let two: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    database = await freshPostgres();
    one = await startTestServer('sqlite', {
      databaseUrl: database.url,
      photoKey: TEST_PHOTO_KEY,
      runJobs: false,
    });
    two = await startTestServer('sqlite', {
      databaseUrl: database.url,
      photoKey: TEST_PHOTO_KEY,
      runJobs: false,
    });
  }, 60_000);
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await database?.drop();
  });

  it('stores a report retried against both once, and both answer alike', async () => {
    const device = await enrolDevice(one.url);
    for (let i = 0; i < 10; i++) {
      const { jws, payload } = await device.report();
      const [a, b] = await Promise.all([
        fetch(`${one.url}/v1/reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/jose' },
          body: jws,
        }),
        fetch(`${two.url}/v1/reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/jose' },
          body: jws,
        }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 201]);
      expect(await a.json()).toEqual(await b.json());
      const stored = await one.context.db
        .selectFrom('reports')
        .select('id')
        .where('id', '=', payload.reportId)
        .execute();
      expect(stored).toHaveLength(1);
    }
  });

  it('lets a nonce taken from one server be used on the other, once', async () => {
    const device = await enrolDevice(two.url);
    const { jws } = await device.report();
    const first = await fetch(`${one.url}/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/jose' },
      body: jws,
    });
    expect(first.status).toBe(201);
  });
});
