import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnrolment } from '../../main/data/enrolment';
import { ServerPolicy } from '../../server/server-policy';
import { enrolWithCli } from '../support/hr-device';
import { api, startTestServer, storages } from '../support/hr-service';

/** The HR service's policy file decides how the app behaves; the device keeps what it was sent. */
describe.each(storages)('the device policy sent at enrolment on %s', (storage) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    const policy = ServerPolicy.parse({
      device: { autoLaunch: false, helpdeskMenu: true, reattestation: { maxDeferrals: 1 } },
    });
    server = await startTestServer(storage, { runJobs: false, policy });
  }, 60_000);
  afterAll(async () => server?.close());

  it('carries auto-launch, the helpdesk menu and the deferral limit, defaults filled in', async () => {
    const hire = await api(server.url, 'POST', '/v1/hires', {
      name: 'Ana Lima',
      email: 'ana@example.com',
      idPhoto: (await readFile('test/fixtures/faces/obama/1.jpg')).toString('base64'),
    });
    expect(hire.status).toBe(201);
    const data = await enrolWithCli(server.url, String(hire.json.code), 'laptop');
    expect((await loadEnrolment(data))?.policy).toEqual({
      allowTools: [],
      checks: {},
      vpn: { approvedClients: [], egressRanges: [] },
      autoLaunch: false,
      helpdeskMenu: true,
      reattestation: { maxDeferrals: 1, promptHoursBefore: 24 },
    });
  });
});
