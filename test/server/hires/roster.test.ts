import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observeDevice } from '../../../main/attest/observe-device';
import { sourceRuntime } from '../../../main/cli/source-runtime';
import { defaultPolicy } from '../../../main/contract/policy';
import { HireDetail, HirePage } from '../../../main/contract/hr-api';
import type { Observations } from '../../../main/contract/observations';
import { sysrootHost } from '../../../main/probes/host';
import { probesFor } from '../../../main/probes/registry';
import { recountStandings, rosterRefresh } from '../../../server/db/roster';
import { enrolDevice } from '../../support/device-under-test';
import { api, startTestServer, storages } from '../../support/hr-service';
import { sysroot } from '../../support/sysroots';

/**
 * The roster (each hire's standing, kept in the transaction that changes it) and the chart's
 * daily counts stay what a full recount of the stored reports says, through real intake, many
 * reports of one hire at once, and a review.
 */
describe.each(storages)('the roster follows intake on %s', (storage) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let machines: Record<'pikvm' | 'vpn', Observations>;

  beforeAll(async () => {
    server = await startTestServer(storage, { runJobs: false });
    const observe = async (name: string) =>
      (await observeDevice(sysrootHost(sysroot(name)), probesFor(sourceRuntime()), defaultPolicy))
        .observations;
    machines = { pikvm: await observe('pikvm'), vpn: await observe('vpn') };
  }, 60_000);
  afterAll(async () => server?.close());

  const roster = () => server.context.db.selectFrom('roster').selectAll().orderBy('hire_id').execute();
  const standingCounts = async (): Promise<Record<string, number>> => {
    const rows = await server.context.db
      .selectFrom('standing_counts')
      .select(['standing', (eb) => eb.fn.sum<string | number>('count').as('n')])
      .groupBy('standing')
      .execute();
    const entries: [string, number][] = rows.map((r) => [r.standing, Number(r.n)]);
    return Object.fromEntries(entries.filter(([, n]) => n !== 0));
  };
  const counts = async () =>
    (
      await server.context.db
        .selectFrom('report_counts')
        .select(['day', 'verdict', (eb) => eb.fn.sum<string | number>('count').as('n')])
        .groupBy(['day', 'verdict'])
        .execute()
    )
      .map((r) => `${r.day} ${r.verdict} ${Number(r.n)}`)
      .filter((r) => !r.endsWith(' 0'))
      .sort();
  const recounted = async () => {
    const tally = new Map<string, number>();
    for (const r of await server.context.db
      .selectFrom('reports')
      .select(['received_at', 'verdict'])
      .execute()) {
      const key = `${r.received_at.slice(0, 10)} ${r.verdict}`;
      tally.set(key, (tally.get(key) ?? 0) + 1);
    }
    return [...tally].map(([key, n]) => `${key} ${n}`).sort();
  };

  it('moves a hire through enrolled, failed, review and back as its reports and HR say', async () => {
    const device = await enrolDevice(server.url);
    const view = async () =>
      HireDetail.parse((await api(server.url, 'GET', `/v1/hires/${device.hireId}`)).json);
    expect(await view()).toMatchObject({ status: 'enrolled', latestVerdict: null });

    const failed = await device.post((await device.report({ observations: machines.pikvm })).jws);
    expect(failed.json.verdict).toBe('fail');
    expect(await view()).toMatchObject({ status: 'failed', latestVerdict: 'fail' });

    const review = await device.post((await device.report({ observations: machines.vpn })).jws);
    expect(review.json.verdict).toBe('review');
    expect(await view()).toMatchObject({ status: 'review', latestVerdict: 'review' });
    const listed = HirePage.parse((await api(server.url, 'GET', '/v1/hires?status=review')).json);
    expect(listed.hires.map((h) => h.id)).toContain(device.hireId);

    await api(server.url, 'POST', `/v1/reports/${String(review.json.reportId)}/review`, {
      decision: 'pass',
      note: 'company VPN',
    });
    expect(await view()).toMatchObject({ status: 'enrolled', latestVerdict: 'pass' });
    expect(await counts()).toEqual(await recounted());
  });

  it('keeps the latest verdict when one hire’s reports commit together, and the counts exact', async () => {
    const device = await enrolDevice(server.url);
    const bodies = [];
    for (let i = 0; i < 8; i++)
      bodies.push((await device.report(i % 2 ? { observations: machines.pikvm } : {})).jws);
    const answers = await Promise.all(bodies.map((jws) => device.post(jws)));
    expect(answers.map((a) => a.status)).toEqual(Array<number>(8).fill(201));
    const latest = await server.context.db
      .selectFrom('reports')
      .select('verdict')
      .where('hire_id', '=', device.hireId)
      .orderBy('received_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const row = await server.context.db
      .selectFrom('roster')
      .selectAll()
      .where('hire_id', '=', device.hireId)
      .executeTakeFirstOrThrow();
    expect(row.latest_verdict).toBe(latest.verdict);

    // What intake kept is what recomputing every row and every count from scratch gives.
    const kept = await roster();
    const standings = await standingCounts();
    await rosterRefresh(null).execute(server.context.db);
    await recountStandings(server.context.db);
    expect(await roster()).toEqual(kept);
    expect(await standingCounts()).toEqual(standings);
    expect(await counts()).toEqual(await recounted());
  });
});
