import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceApi } from '../../main/contract/device-api';
import { HirePage, hrApi } from '../../main/contract/hr-api';
import { addToRoster } from '../../server/db/roster';
import { api, startTestServer } from '../support/hr-service';

/** The typed HTTP contract: every route it names is served, and every answer is checked against it. */
describe('the HTTP contract', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer('sqlite', { runJobs: false });
  });
  afterAll(async () => server?.close());

  it('is served route for route, each with its response schema (the server refuses to start otherwise)', () => {
    for (const [name, endpoint] of Object.entries({ ...hrApi, ...deviceApi }))
      expect(server.app.hasRoute({ method: endpoint.method, url: endpoint.path }), name).toBe(true);
  });

  it('never sends an answer its schema does not allow: the request fails whole instead', async () => {
    const id = crypto.randomUUID();
    const at = new Date().toISOString();
    await server.context.db
      .insertInto('hires')
      .values({
        id,
        name: 'Odd Row',
        email: 'odd@example.com',
        expected_serial: null,
        expected_asset_tag: null,
        id_photo: null,
        face_template: null,
        face_status: 'pending',
        created_at: at,
        verified_at: null,
        photos_deleted_at: null,
      })
      .execute();
    await addToRoster(server.context.db, server.context.dialect, {
      id,
      name: 'Odd Row',
      email: 'odd@example.com',
      expectedSerial: null,
      createdAt: at,
    });
    expect(HirePage.parse((await api(server.url, 'GET', '/v1/hires')).json).hires).toHaveLength(1);
    // A standing the contract does not know (written behind the server's back).
    await sql`UPDATE roster SET standing = 'asleep'`.execute(server.context.db);
    const broken = await api(server.url, 'GET', '/v1/hires');
    expect([broken.status, broken.json.error?.code]).toEqual([500, 'internal']);
    expect(broken.text).not.toContain('asleep');
  });
});
