import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityClaims } from '../../../main/contract/identity';
import type { ReportPayload } from '../../../main/contract/report';
import { fingerprintOf } from '../../../main/identity/fingerprint';
import type { DisplayInfo } from '../../../main/probes/displays/display';
import { refreshRoster } from '../../../server/db/roster';
import { REVIEW_LINKED_HIRE } from '../../../server/farm/link-hires';
import { jobRunner } from '../../../server/jobs/job-runner';
import { jobKinds } from '../../../server/start-server';
import { auditEntries } from '../../support/audit-log';
import { enrolDevice, identityOf } from '../../support/device-under-test';
import { api, startTestServer, storages } from '../../support/hr-service';

type Device = Awaited<ReturnType<typeof enrolDevice>>;
type Reason = { check: string; message: string; weight?: string; evidence?: Record<string, unknown>[] };

let laptops = 0;
/** A laptop of its own whose disk is `disk`. */
function laptopWithDisk(disk: string) {
  laptops += 1;
  const n = String(laptops).padStart(4, '0');
  const base = identityOf(`PD${n}XX`);
  const claims: IdentityClaims = {
    ...base.claims,
    disks: { value: [disk], source: 'test' },
    macs: { value: [`8c:17:59:5a:${n.slice(0, 2)}:${n.slice(2)}`], source: 'test' },
  };
  return { ...base, claims, fingerprint: fingerprintOf(claims) };
}

/** An external display with this EDID serial, added to the device's clean observations. */
const withMonitor = (device: Device, serialNumber: number): Partial<ReportPayload> => {
  const display: DisplayInfo = {
    connector: 'DP-2',
    builtIn: false,
    edid: {
      manufacturerId: 'GSM',
      productCode: 0x5b7f,
      serialNumber,
      week: 30,
      year: 2022,
      monitorName: 'LG HDR 4K',
      serialString: null,
      sha256Block0: 'c0ffee0000000000000000000000000000000000000000000000000000000001',
    },
    edidError: null,
    adapter: null,
  };
  const { observations } = device.observed;
  const displays = observations.probes.displays;
  const facts = displays?.state === 'read' ? displays.facts : [];
  return {
    observations: {
      ...observations,
      probes: { ...observations.probes, displays: { state: 'read', facts: [...facts, display] } },
    },
  };
};

describe.each(storages)('HR dismisses a link, on %s', (storage) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer(storage, { runJobs: false, farmSignals: true });
  }, 60_000);
  afterAll(async () => server?.close());

  const enrol = (disk: string) => enrolDevice(server.url, { identity: laptopWithDisk(disk) });
  const latestOf = async (hireId: string) => {
    const view = await api(server.url, 'GET', `/v1/hires/${hireId}`);
    const [report] = view.json.reports as { id: string; verdict: string; reasons: Reason[] }[];
    return { status: view.json.status, report: report! };
  };
  const dismiss = (hireId: string, otherId: string, body: unknown) =>
    api(server.url, 'POST', `/v1/hires/${hireId}/links/${otherId}/dismissal`, body);
  const farm = (reasons: Reason[]) => reasons.filter((r) => r.check.startsWith('farm.'));
  const reviewLinkedHires = () =>
    jobRunner(server.context, { [REVIEW_LINKED_HIRE]: jobKinds[REVIEW_LINKED_HIRE]! }).drain();

  it('dismisses a link with a reason, audited: the review it caused is settled and the same evidence never raises it again', async () => {
    const disk = 'nvme0n1: SAMSUNG MZVL21T0 (S6UNNF0T200011)';
    const [flatmate, other] = [await enrol(disk), await enrol(disk)];
    await flatmate.postFrom('127.0.140.1', (await flatmate.report()).jws);
    const linked = await other.postFrom('127.0.141.1', (await other.report()).jws);
    expect(linked.json.verdict).toBe('review');

    // A reason is required.
    expect((await dismiss(other.hireId, flatmate.hireId, {})).status).toBe(400);
    expect((await dismiss(other.hireId, flatmate.hireId, { reason: ' ' })).status).toBe(400);
    const answer = await dismiss(other.hireId, flatmate.hireId, { reason: 'flatmates, known' });
    expect(answer.status).toBe(200);
    const reviewed = await latestOf(other.hireId);
    expect(answer.json).toMatchObject({
      hireId: other.hireId,
      otherHireId: flatmate.hireId,
      dismissal: { reason: 'flatmates, known' },
      settledReports: [reviewed.report.id],
    });
    // The link no longer holds the hire in review; its reason stays on the report, weighed pass.
    expect(reviewed.report.verdict).toBe('pass');
    expect(farm(reviewed.report.reasons)).toEqual([
      expect.objectContaining({
        check: 'farm.same-hardware',
        message: expect.stringMatching(/\(dismissed by .+: flatmates, known\)$/) as unknown,
      }),
    ]);
    expect(reviewed.status).not.toBe('review');
    // Shown as dismissed from either hire, and on both trails.
    const links = await api(server.url, 'GET', `/v1/hires/${flatmate.hireId}/links`);
    expect(links.json.links).toEqual([
      expect.objectContaining({
        hireId: other.hireId,
        signal: 'disk',
        dismissal: expect.objectContaining({ reason: 'flatmates, known' }) as unknown,
      }),
    ]);
    const trail = await auditEntries(server.context, 'hire.link.dismiss');
    expect(trail.filter((e) => [other.hireId, flatmate.hireId].includes(e.target))).toEqual([
      expect.objectContaining({
        target: other.hireId,
        detail: { otherHireId: flatmate.hireId, signals: ['disk'], reason: 'flatmates, known' },
      }),
      expect.objectContaining({
        target: flatmate.hireId,
        detail: { otherHireId: other.hireId, signals: ['disk'], reason: 'flatmates, known' },
      }),
    ]);
    expect((await dismiss(flatmate.hireId, other.hireId, { reason: 'again' })).status).toBe(409);
    expect((await dismiss(flatmate.hireId, crypto.randomUUID(), { reason: 'no such link' })).status).toBe(
      404,
    );

    // The same disk again: not raised again, on either side.
    for (const device of [other, flatmate]) {
      const again = await device.postFrom('127.0.142.1', (await device.report()).jws);
      expect([again.json.verdict, farm(again.json.reasons as Reason[])]).toEqual(['pass', []]);
    }
    // A new kind of evidence between them (one monitor moved between their desks) is a new link.
    await flatmate.postFrom('127.0.143.1', (await flatmate.report(withMonitor(flatmate, 0x31a2b3c4))).jws);
    const moved = await other.postFrom(
      '127.0.144.1',
      (await other.report(withMonitor(other, 0x31a2b3c4))).jws,
    );
    expect(moved.json.verdict).toBe('review');
  });

  it('keeps a verified hire verified when HR dismissed the link before the job that would review it ran', async () => {
    const disk = 'nvme0n1: WDC PC SN740 (23010E801234)';
    const verified = await enrol(disk);
    expect((await verified.postFrom('127.0.150.1', (await verified.report()).jws)).json.verdict).toBe('pass');
    await server.context.db
      .updateTable('hires')
      .set({ verified_at: new Date().toISOString() })
      .where('id', '=', verified.hireId)
      .execute();
    await refreshRoster(server.context.db, server.context.dialect, verified.hireId);
    const later = await enrol(disk);
    expect((await later.postFrom('127.0.151.1', (await later.report()).jws)).json.verdict).toBe('review');
    expect((await dismiss(verified.hireId, later.hireId, { reason: 'the same family' })).status).toBe(200);
    await reviewLinkedHires();
    expect((await latestOf(verified.hireId)).report.verdict).toBe('pass');
    expect((await latestOf(later.hireId)).report.verdict).toBe('pass');
  });
});
