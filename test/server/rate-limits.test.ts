import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer } from '../support/hr-service';
import { enrolDevice } from '../support/device-under-test';

describe('device rate limits', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer('sqlite', { runJobs: false, devicePerMinute: 3 });
  }, 60_000);
  afterAll(async () => server?.close());

  it('limits each device on its own, keyed by the device, not the address', async () => {
    const a = await enrolDevice(server.url);
    const b = await enrolDevice(server.url);
    const challenge = (deviceId: string) => api(server.url, 'POST', '/v1/challenges', { deviceId });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await challenge(a.deviceId)).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const limited = await challenge(a.deviceId);
    expect(limited.json.error?.code).toBe('rate-limited');
    expect((await challenge(b.deviceId)).status).toBe(201);
  });
});
