import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCompany, type SeededHire } from '../../../bench/scale/seed';
import {
  AuditPage,
  DeliveryPage,
  HireDetail,
  HirePage,
  ReportDetail,
  ReportPage,
  StatusCounts,
  type HireStatus,
} from '../../../main/contract/hr-api';
import { rosterBatches } from '../../../server/db/hire-queries';
import { addToRoster, recountStandings } from '../../../server/db/roster';
import { api, startTestServer, storages } from '../../support/hr-service';

const NOW = new Date('2027-03-01T12:00:00.000Z');
const HIRES = 157;

/** What the server must show for a seeded hire, worked out here from what was seeded. */
function expectedStatus(hire: SeededHire): HireStatus {
  if (hire.devices.length === 0) return 'invited';
  const latest = hire.reports[0]?.verdict;
  if (latest === 'fail') return 'failed';
  if (latest === 'review') return 'review';
  if (hire.devices.some((d) => d.client === 'app' && d.nextDueAt < NOW.toISOString())) return 'overdue';
  return latest === 'pass' && hire.verifiedAt ? 'verified' : 'enrolled';
}

const storedPayload = ({ reportId }: { reportId: string }) =>
  JSON.stringify({
    reportId,
    checks: { checks: [] },
    serverChecks: [
      {
        id: 'remote.tools',
        title: 'Remote-control tools',
        status: 'pass',
        severity: 'critical',
        summary: 'no remote-control tool running',
        evidence: [{ process: 'none' }],
        remediation: '',
        durationMs: 3,
      },
    ],
  });

/**
 * HR's lists on a seeded company: every list pages by keyset, a walk visits every item exactly
 * once and no answer is larger than a page; filters, search and counts agree with what was seeded.
 */
describe.each(storages)('HR lists, paged, on %s', (storage) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let hires: SeededHire[];

  beforeAll(async () => {
    server = await startTestServer(storage, { runJobs: false, now: () => NOW });
    hires = await seedCompany(server.context.db, {
      hires: HIRES,
      reportsPerHire: 3,
      payloadOf: storedPayload,
      now: NOW,
      batch: 40,
    });
  }, 120_000);
  afterAll(async () => server?.close());

  /** Follows `next` from the first page to the last; every page as it came. */
  async function walk<T>(path: string, pick: (json: unknown) => { items: T[]; next: string | null }) {
    const pages: T[][] = [];
    let cursor: string | null = null;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const answer = await api(
        server.url,
        'GET',
        cursor ? `${path}${separator}cursor=${encodeURIComponent(cursor)}` : path,
      );
      expect(answer.status, answer.text).toBe(200);
      const page = pick(answer.json);
      pages.push(page.items);
      cursor = page.next;
      expect(pages.length).toBeLessThan(500);
    } while (cursor);
    return pages;
  }
  const hirePages = (query: string) =>
    walk(`/v1/hires?${query}`, (json) => {
      const page = HirePage.parse(json);
      return { items: page.hires, next: page.next };
    });
  const newestFirst = (a: SeededHire, b: SeededHire) =>
    a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1;

  it('a cursor walk visits every hire exactly once, newest first, and no page is larger than asked', async () => {
    const pages = await hirePages('limit=10');
    expect(pages.every((p) => p.length <= 10)).toBe(true);
    expect(pages.slice(0, -1).every((p) => p.length === 10)).toBe(true);
    const seen = pages.flat().map((h) => h.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...hires].sort(newestFirst).map((h) => h.id));
    // Ties on the creation time are broken by the id, across page boundaries too.
    expect(
      hires.filter((h, i) => hires.findIndex((o) => o.createdAt === h.createdAt) !== i).length,
    ).toBeGreaterThan(10);
    const first = await api(server.url, 'GET', '/v1/hires');
    expect(HirePage.parse(first.json).hires).toHaveLength(50);
  });

  it('filters by each status, overdue most overdue first, each walk exactly the hires in it', async () => {
    const statuses: HireStatus[] = ['invited', 'enrolled', 'verified', 'review', 'failed', 'overdue'];
    for (const status of statuses) {
      const expected = hires.filter((h) => expectedStatus(h) === status);
      expect(expected.length, status).toBeGreaterThan(0);
      const pages = await hirePages(`status=${status}&limit=7`);
      const seen = pages.flat();
      expect(pages.every((p) => p.length <= 7)).toBe(true);
      expect(seen.every((h) => h.status === status)).toBe(true);
      if (status === 'overdue') {
        const due = seen.map((h) => h.nextDueAt ?? '');
        expect(due).toEqual([...due].sort());
        expect(new Set(seen.map((h) => h.id))).toEqual(new Set(expected.map((h) => h.id)));
      } else {
        expect(seen.map((h) => h.id)).toEqual([...expected].sort(newestFirst).map((h) => h.id));
      }
    }
  });

  it('shows each hire as seeded: status, latest verdict and when it was reported', async () => {
    const all = (await hirePages('limit=100')).flat();
    const byId = new Map(all.map((h) => [h.id, h]));
    for (const hire of hires)
      expect(byId.get(hire.id), hire.name).toMatchObject({
        status: expectedStatus(hire),
        latestVerdict: hire.reports[0]?.verdict ?? null,
        latestReportAt: hire.reports[0]?.receivedAt ?? null,
        // Only while the hire stands verified: a later failure or review is not "verified at".
        verifiedAt: hire.devices.length > 0 && hire.reports[0]?.verdict === 'pass' ? hire.verifiedAt : null,
      });
  });

  it('searches part of a name or an email in any case, with % and _ taken literally', async () => {
    const okafor = hires.filter((h) => h.name.includes('Okafor'));
    const pages = await hirePages(`q=${encodeURIComponent('oKaFoR')}&limit=5`);
    expect(new Set(pages.flat().map((h) => h.id))).toEqual(new Set(okafor.map((h) => h.id)));
    const one = hires[42]!;
    const byEmail = await api(
      server.url,
      'GET',
      `/v1/hires?q=${encodeURIComponent(one.email.toUpperCase())}`,
    );
    expect(HirePage.parse(byEmail.json).hires.map((h) => h.id)).toEqual([one.id]);
    const withFilter = await hirePages(`q=okafor&status=${expectedStatus(okafor[0]!)}`);
    expect(withFilter.flat().every((h) => h.name.includes('Okafor'))).toBe(true);

    const id = crypto.randomUUID();
    const at = NOW.toISOString();
    await server.context.db
      .insertInto('hires')
      .values({
        id,
        name: '100% Real_Name',
        email: 'real@example.com',
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
      name: '100% Real_Name',
      email: 'real@example.com',
      expectedSerial: null,
      createdAt: at,
    });
    for (const [q, ids] of [
      ['0% r', [id]],
      ['l_n', [id]],
      ['%', [id]],
      ['_', [id]],
      ["'; DROP TABLE roster; --", []],
    ] as const) {
      const found = await api(server.url, 'GET', `/v1/hires?q=${encodeURIComponent(q)}`);
      expect(
        HirePage.parse(found.json).hires.map((h) => h.id),
        q,
      ).toEqual(ids);
    }
    await server.context.db.deleteFrom('roster').where('hire_id', '=', id).execute();
    await server.context.db.deleteFrom('hires').where('id', '=', id).execute();
    await recountStandings(server.context.db);
  });

  it('counts hires by status as the lists show them', async () => {
    const counts = StatusCounts.parse((await api(server.url, 'GET', '/v1/stats/hires')).json);
    const expected = {
      total: hires.length,
      invited: 0,
      enrolled: 0,
      verified: 0,
      review: 0,
      failed: 0,
      overdue: 0,
      offboarded: 0,
    };
    for (const hire of hires) expected[expectedStatus(hire)] += 1;
    expect(counts).toEqual(expected);
  });

  it('refuses an altered cursor, one from another list, and a page larger than the maximum', async () => {
    const overdue = HirePage.parse((await api(server.url, 'GET', '/v1/hires?status=overdue&limit=2')).json);
    expect(overdue.next).not.toBeNull();
    const mixed = await api(server.url, 'GET', `/v1/hires?cursor=${overdue.next}`);
    expect([mixed.status, mixed.json.error?.code]).toEqual([400, 'request.invalid']);
    expect(mixed.json.error?.message).toMatch(/another list/);
    for (const bad of ['x', 'eyJhIjoxfQ', Buffer.from('["newest",1,2]').toString('base64url'), '%2e%2e']) {
      const refused = await api(server.url, 'GET', `/v1/hires?cursor=${bad}`);
      expect([refused.status, refused.json.error?.code], bad).toEqual([400, 'request.invalid']);
    }
    for (const limit of ['0', '101', 'ten']) {
      const refused = await api(server.url, 'GET', `/v1/hires?limit=${limit}`);
      expect(refused.status, limit).toBe(400);
    }
    const unknownStatus = await api(server.url, 'GET', '/v1/hires?status=asleep');
    expect(unknownStatus.status).toBe(400);
  });

  it("pages a hire's reports newest first; the hire's page holds the first page, a report opens with its checks", async () => {
    const busy = [...hires].sort((a, b) => b.reports.length - a.reports.length)[0]!;
    expect(busy.reports.length).toBeGreaterThan(5);
    const detail = HireDetail.parse((await api(server.url, 'GET', `/v1/hires/${busy.id}`)).json);
    expect(detail.reports.map((r) => r.id)).toEqual(busy.reports.slice(0, 20).map((r) => r.id));
    expect(detail.nextReports === null).toBe(busy.reports.length <= 20);
    const pages = await walk(`/v1/hires/${busy.id}/reports?limit=3`, (json) => {
      const page = ReportPage.parse(json);
      return { items: page.reports, next: page.next };
    });
    expect(pages.every((p) => p.length <= 3)).toBe(true);
    expect(pages.flat().map((r) => r.id)).toEqual(busy.reports.map((r) => r.id));
    expect(JSON.stringify(pages)).not.toContain('serverChecks');

    const opened = ReportDetail.parse(
      (await api(server.url, 'GET', `/v1/reports/${busy.reports[0]!.id}`)).json,
    );
    expect(opened).toMatchObject({ hireId: busy.id, judgedBy: 'server', verdict: busy.reports[0]!.verdict });
    expect(opened.checks).toEqual([
      expect.objectContaining({ id: 'remote.tools', evidence: [{ process: 'none' }] }),
    ]);
    const unknown = await api(server.url, 'GET', `/v1/reports/${crypto.randomUUID()}`);
    expect([unknown.status, unknown.json.error?.code]).toEqual([404, 'report.unknown']);
    const noHire = await api(server.url, 'GET', `/v1/hires/${crypto.randomUUID()}/reports`);
    expect([noHire.status, noHire.json.error?.code]).toEqual([404, 'hire.unknown']);
  });

  it("pages a hire's audit trail newest first, each entry once", async () => {
    const hire = hires[7]!;
    for (let i = 0; i < 12; i++) await api(server.url, 'GET', `/v1/hires/${hire.id}`);
    const pages = await walk(`/v1/hires/${hire.id}/audit?limit=5`, (json) => {
      const page = AuditPage.parse(json);
      return { items: page.entries, next: page.next };
    });
    const entries = pages.flat();
    expect(pages.every((p) => p.length <= 5)).toBe(true);
    // Reading the trail is on it; entries written while paging do not shift the pages that follow.
    expect(entries.map((e) => e.action)).toEqual(['audit.view', ...Array<string>(12).fill('hire.view')]);
    expect(pages.length).toBe(3);
    const again = AuditPage.parse((await api(server.url, 'GET', `/v1/hires/${hire.id}/audit?limit=5`)).json);
    expect(again.entries.map((e) => e.action).slice(0, 4)).toEqual([
      'audit.view',
      'audit.view',
      'audit.view',
      'audit.view',
    ]);
  });

  it('pages webhook deliveries newest first, each once', async () => {
    const hookId = crypto.randomUUID();
    await server.context.db
      .insertInto('webhooks')
      .values({
        id: hookId,
        url: 'https://hr.example.com/hooks',
        sealed_secret: Buffer.from('whsec_x'),
        created_at: NOW.toISOString(),
      })
      .execute();
    const deliveries = hires.slice(0, 23).map((h, i) => ({
      id: crypto.randomUUID(),
      webhook_id: hookId,
      report_id: h.reports[0]?.id ?? h.id,
      created_at: new Date(NOW.getTime() - Math.floor(i / 2) * 60_000).toISOString(),
      attempts: 1,
      last_status: 204,
      delivered_at: NOW.toISOString(),
    }));
    await server.context.db.insertInto('webhook_deliveries').values(deliveries).execute();
    const pages = await walk('/v1/webhooks/deliveries?limit=4', (json) => {
      const page = DeliveryPage.parse(json);
      return { items: page.deliveries, next: page.next };
    });
    expect(pages.every((p) => p.length <= 4)).toBe(true);
    const seen = pages.flat();
    expect(seen.map((d) => d.reportId).sort()).toEqual(deliveries.map((d) => d.report_id).sort());
    expect(seen.map((d) => d.createdAt)).toEqual(
      seen
        .map((d) => d.createdAt)
        .sort()
        .reverse(),
    );
  });

  it('streams the CSV export: every hire once, read in batches', async () => {
    const response = await fetch(`${server.url}/v1/export.csv`, {
      headers: { authorization: `Bearer test-admin-token-0123456789abcdef` },
    });
    expect(response.headers.get('content-length')).toBeNull();
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'id,name,email,expected_serial,status,latest_verdict,created_at,verified_at,external_id',
    );
    const ids = lines.slice(1).map((l) => l.split(',')[0]);
    expect(ids.sort()).toEqual(hires.map((h) => h.id).sort());
    const statusOf = new Map(lines.slice(1).map((l) => [l.split(',')[0], l.split(',')[4]]));
    for (const hire of hires) expect(statusOf.get(hire.id)).toBe(expectedStatus(hire));

    const batches = [];
    for await (const batch of rosterBatches(server.context.db, 16)) batches.push(batch.map((r) => r.hire_id));
    expect(batches.every((b) => b.length <= 16)).toBe(true);
    expect(batches.flat()).toHaveLength(hires.length);
    expect(new Set(batches.flat()).size).toBe(hires.length);
  });
});
