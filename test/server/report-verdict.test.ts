import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolDevice } from '../support/device-under-test';
import { startTestServer } from '../support/hr-service';

/** `GET /v1/devices/:id/reports/:reportId`: the app asks how its report stands once the face job ends. */
describe('a device reads its own report’s verdict, and only its own', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer('sqlite', { runJobs: false });
  });
  afterAll(async () => server?.close());

  it('answers the sending device with the verdict as it stands, and no other device', async () => {
    const device = await enrolDevice(server.url, { client: 'cli' });
    const sent = await device.post((await device.report()).jws);
    expect(sent.status).toBe(201);
    const path = `/v1/devices/${device.deviceId}/reports/${String(sent.json.reportId)}`;
    const own = await device.signed('GET', path);
    expect(own.status).toBe(200);
    expect(own.json).toMatchObject({ reportId: sent.json.reportId, verdict: sent.json.verdict });

    const other = await enrolDevice(server.url, { client: 'cli' });
    expect((await other.signed('GET', path)).status).toBe(403);
    const asItself = `/v1/devices/${other.deviceId}/reports/${String(sent.json.reportId)}`;
    expect((await other.signed('GET', asItself)).status).toBe(404);
    // Unsigned, nothing.
    expect((await fetch(new URL(path, server.url))).status).toBe(401);
  });
});
