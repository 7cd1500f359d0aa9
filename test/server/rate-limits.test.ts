import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/hr-service';
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
    const challenge = (device: typeof a) => device.signed('POST', '/v1/challenges', {});
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await challenge(a)).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const limited = await challenge(a);
    expect(limited.json.error?.code).toBe('rate-limited');
    expect((await challenge(b)).status).toBe(201);
  });
});
