import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportPayload } from '../../main/contract/report';
import { ServerPolicy } from '../../server/server-policy';
import { enrolDevice } from '../support/device-under-test';
import { api, startTestServer } from '../support/hr-service';

/**
 * The re-attestation date, spot checks included, is drawn once per due check: a device reads it
 * only with its own signature, and reporting again before it is due draws nothing new.
 */
describe('spot checks', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    // Half the days are spot checks: a new draw would almost surely land on another day. The app
    // asks an hour before the due time, so the next day's spot check is not due yet.
    server = await startTestServer('sqlite', {
      runJobs: false,
      policy: ServerPolicy.parse({
        reattestEveryDays: 30,
        spotCheckDailyChance: 0.5,
        device: { reattestation: { promptHoursBefore: 1 } },
      }),
    });
  }, 60_000);
  afterAll(async () => server?.close());

  const evidence: Partial<ReportPayload> = {
    consent: { version: 'test', acceptedAt: new Date().toISOString(), biometric: false },
    input: { decision: 'local', score: 0.1, features: {}, humanCheckRequested: false },
  };

  it('are not drawn again by reporting again, and only the device may read its date', async () => {
    const device = await enrolDevice(server.url, { client: 'app' });
    const path = `/v1/devices/${device.deviceId}/schedule`;
    expect((await api(server.url, 'GET', path, undefined, { authorization: '' })).json.error?.code).toBe(
      'device.unsigned-request',
    );
    const dueAt = async () => String((await device.signed('GET', path)).json.nextDueAt);

    const first = await device.post((await device.report(evidence)).jws);
    expect(first.status).toBe(201);
    expect(JSON.stringify(first.json)).not.toMatch(/due/i);
    const drawn = await dueAt();
    expect(Date.parse(drawn)).toBeGreaterThan(Date.now());
    // The hire is not verified yet (a person must check): every further report is an onboarding.
    for (let i = 0; i < 5; i++) {
      expect((await device.post((await device.report(evidence)).jws)).status).toBe(201);
      expect(await dueAt()).toBe(drawn);
    }
  });
});
