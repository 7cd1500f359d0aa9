import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attestWithCli, enrolWithCli } from '../../support/hr-device';
import { api, startTestServer, storages } from '../../support/hr-service';

type Entry = { actor: string; action: string; target: string; detail: Record<string, unknown> };

/** A hire's audit trail: who viewed or changed the hire and its reports, newest first. */
describe.each(storages)("a hire's audit trail on %s", (storage) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let base: string;
  let hireId: string;
  let otherHireId: string;
  let reportId: string;

  beforeAll(async () => {
    server = await startTestServer(storage, { runJobs: false });
    base = server.url;
    const idPhoto = (await readFile('test/fixtures/faces/obama/1.jpg')).toString('base64');
    const hire = await api(base, 'POST', '/v1/hires', {
      name: 'Ana Lima',
      email: 'ana@example.com',
      idPhoto,
    });
    hireId = String(hire.json.id);
    const other = await api(base, 'POST', '/v1/hires', { name: 'Bo Chen', email: 'bo@example.com', idPhoto });
    otherHireId = String(other.json.id);
    const data = await enrolWithCli(base, String(hire.json.code), 'vpn');
    reportId = (await attestWithCli(data, 'vpn')).reportId;
  }, 90_000);
  afterAll(async () => server?.close());

  it("lists the hire's and its reports' entries, newest first, and only theirs", async () => {
    await api(base, 'GET', `/v1/hires/${hireId}`);
    await api(base, 'POST', `/v1/reports/${reportId}/review`, {
      decision: 'pass',
      note: "It's the company VPN",
    });
    await api(base, 'GET', `/v1/hires/${otherHireId}`);
    const trail = await api(base, 'GET', `/v1/hires/${hireId}/audit`);
    expect(trail.status).toBe(200);
    const entries = trail.json.entries as Entry[];
    expect(entries.map((e) => [e.action, e.target])).toEqual([
      ['audit.view', hireId],
      ['report.review.pass', reportId],
      ['hire.view', hireId],
      ['hire.create', hireId],
    ]);
    expect(entries[1]).toMatchObject({ actor: 'token:bootstrap', detail: { note: "It's the company VPN" } });
    expect(entries.every((e) => e.target !== otherHireId)).toBe(true);
  });

  it('needs HR access and names an unknown hire', async () => {
    const anonymous = await api(base, 'GET', `/v1/hires/${hireId}/audit`, undefined, { authorization: '' });
    expect([anonymous.status, anonymous.json.error?.code]).toEqual([401, 'auth.required']);
    const unknown = await api(base, 'GET', `/v1/hires/${crypto.randomUUID()}/audit`);
    expect([unknown.status, unknown.json.error?.code]).toEqual([404, 'hire.unknown']);
    const malformed = await api(base, 'GET', `/v1/hires/not-a-hire/audit`);
    expect(malformed.status).toBe(400);
  });
});
