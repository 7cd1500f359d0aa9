import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../support/audit-log';
import { attestWithCli, enrolWithCli } from '../../support/hr-device';
import { api, startTestServer, storages } from '../../support/hr-service';
import { readFile } from 'node:fs/promises';
import { recountReports } from '../../../server/db/verdict-counts';

const DAY = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);

/** The dashboard's chart: reports per UTC day by their current verdict, from real attestations. */
describe.each(storages)('verdicts over time on %s', (storage) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let base: string;

  beforeAll(async () => {
    server = await startTestServer(storage, { runJobs: false });
    base = server.url;
    const hire = await api(base, 'POST', '/v1/hires', {
      name: 'Ana Lima',
      email: 'ana@example.com',
      idPhoto: (await readFile('test/fixtures/faces/obama/1.jpg')).toString('base64'),
    });
    const data = await enrolWithCli(base, String(hire.json.code), 'laptop');
    const verdicts = [];
    for (const machine of ['laptop', 'pikvm', 'laptop', 'vpn'])
      verdicts.push(await attestWithCli(data, machine));
    expect(verdicts.map((v) => v.verdict)).toEqual(['pass', 'fail', 'pass', 'review']);
    // Counted as they arrived.
    const live = await api(base, 'GET', '/v1/stats/verdicts?days=1');
    expect(live.json.days).toEqual([{ day: today(), pass: 2, review: 1, fail: 1 }]);
    // History: the first two reports were received three days ago (moved in the database, then recounted).
    await server.context.db
      .updateTable('reports')
      .set({ received_at: new Date(Date.now() - 3 * DAY).toISOString() })
      .where('id', 'in', [verdicts[0]!.reportId, verdicts[1]!.reportId])
      .execute();
    await recountReports(server.context.db);
  }, 90_000);
  afterAll(async () => server?.close());

  it('counts each day, quiet days as zero, over the days asked for', async () => {
    const stats = await api(base, 'GET', '/v1/stats/verdicts?days=7');
    expect(stats.status).toBe(200);
    const days = stats.json.days as { day: string; pass: number; review: number; fail: number }[];
    expect(days.map((d) => d.day)).toEqual([6, 5, 4, 3, 2, 1, 0].map(daysAgo));
    expect(stats.json).toMatchObject({ from: daysAgo(6), to: today() });
    expect(days.find((d) => d.day === daysAgo(3))).toEqual({ day: daysAgo(3), pass: 1, review: 0, fail: 1 });
    expect(days.find((d) => d.day === today())).toEqual({ day: today(), pass: 1, review: 1, fail: 0 });
    expect(days.filter((d) => d.pass + d.review + d.fail > 0)).toHaveLength(2);
  });

  it('leaves out what is older than the range, and defaults to 30 days', async () => {
    const two = await api(base, 'GET', '/v1/stats/verdicts?days=2');
    expect(two.json.days).toEqual([
      { day: daysAgo(1), pass: 0, review: 0, fail: 0 },
      { day: today(), pass: 1, review: 1, fail: 0 },
    ]);
    const fallback = await api(base, 'GET', '/v1/stats/verdicts');
    expect(fallback.json.days).toHaveLength(30);
  });

  it('follows a review: an approved report counts as a pass', async () => {
    const hires = await api(base, 'GET', '/v1/hires');
    const [hire] = hires.json.hires as { id: string }[];
    const view = await api(base, 'GET', `/v1/hires/${hire!.id}`);
    const inReview = (view.json.reports as { id: string; verdict: string }[]).find(
      (r) => r.verdict === 'review',
    );
    await api(base, 'POST', `/v1/reports/${inReview!.id}/review`, { decision: 'pass', note: 'company VPN' });
    const stats = await api(base, 'GET', '/v1/stats/verdicts?days=1');
    expect(stats.json.days).toEqual([{ day: today(), pass: 2, review: 0, fail: 0 }]);
  });

  it('needs HR access, refuses a bad range, and audits each read', async () => {
    const before = (await auditEntries(server.context, 'stats.verdicts')).length;
    const anonymous = await api(base, 'GET', '/v1/stats/verdicts', undefined, { authorization: '' });
    expect([anonymous.status, anonymous.json.error?.code]).toEqual([401, 'auth.required']);
    for (const bad of ['0', '367', 'ten', '1.5', "1'--"]) {
      const refused = await api(base, 'GET', `/v1/stats/verdicts?days=${bad}`);
      expect(refused.status, bad).toBe(400);
      expect(refused.json.error?.code).toBe('request.invalid');
    }
    const unknownField = await api(base, 'GET', '/v1/stats/verdicts?weeks=2');
    expect(unknownField.status).toBe(400);
    expect(await auditEntries(server.context, 'stats.verdicts')).toHaveLength(before);
    await api(base, 'GET', '/v1/stats/verdicts?days=3');
    expect((await auditEntries(server.context, 'stats.verdicts')).at(-1)).toEqual({
      actor: 'token:bootstrap',
      action: 'stats.verdicts',
      target: '*',
      detail: {},
    });
  });
});
