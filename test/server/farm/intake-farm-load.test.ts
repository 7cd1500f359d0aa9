import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityClaims } from '../../../main/contract/identity';
import { fingerprintOf } from '../../../main/identity/fingerprint';
import { refreshRoster } from '../../../server/db/roster';
import { REVIEW_LINKED_HIRE } from '../../../server/farm/link-hires';
import { jobRunner } from '../../../server/jobs/job-runner';
import { jobKinds } from '../../../server/start-server';
import { enrolDevice, identityOf } from '../../support/device-under-test';
import { api, postgresUrl, startTestServer } from '../../support/hr-service';

/**
 * Report intake on PostgreSQL while farm signals link many hires at once (the bench's shape: many
 * devices behind one address, every report linking to every hire seen there). The stall this
 * guards against: each report's transaction put the verified hires it linked to back to review
 * inside itself, so it locked other hires' reports and roster rows; reports from one house waited
 * on each other's locks, deadlocked, and intake stopped.
 */

/** How long a report may take to be answered here: far above its usual tens of milliseconds. */
const ANSWER_MS = 15_000;

type Device = Awaited<ReturnType<typeof enrolDevice>>;
type Reason = { check: string; evidence?: Record<string, unknown>[] };

let laptops = 0;
/** A laptop of its own (serial, disk, MAC) unless `disk` is shared. */
function laptop(disk?: string) {
  laptops += 1;
  const n = String(laptops).padStart(4, '0');
  const base = identityOf(`PL${n}YY`);
  const claims: IdentityClaims = {
    ...base.claims,
    disks: { value: [disk ?? `nvme0n1: SAMSUNG MZVL2512 (S7${n}L)`], source: 'test' },
    macs: { value: [`8c:17:59:4f:${n.slice(0, 2)}:${n.slice(2)}`], source: 'test' },
  };
  return { ...base, claims, fingerprint: fingerprintOf(claims) };
}

/** The answer to a report, or a failure naming the stall once `ANSWER_MS` passed without one. */
async function answered<T>(answer: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${ANSWER_MS} ms: intake stalled`)),
      ANSWER_MS,
    );
  });
  try {
    return await Promise.race([answer, stalled]);
  } finally {
    clearTimeout(timer);
  }
}

describe.skipIf(!postgresUrl())('report intake on PostgreSQL with farm signals linking many hires', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer('postgres', { runJobs: false, farmSignals: true });
  }, 60_000);
  afterAll(async () => server?.close());

  /** A hire whose one report passed and who was verified (as a camera step would leave them), standing verified. */
  const verifiedHire = async (identity = laptop(), from: string): Promise<Device> => {
    const device = await enrolDevice(server.url, { identity });
    const first = await device.postFrom(from, (await device.report()).jws);
    expect([first.status, first.json.verdict]).toEqual([201, 'pass']);
    await server.context.db
      .updateTable('hires')
      .set({ verified_at: new Date().toISOString() })
      .where('id', '=', device.hireId)
      .execute();
    await refreshRoster(server.context.db, server.context.dialect, device.hireId);
    return device;
  };
  /** Runs the reviews of linked hires that are due (not the ID photos' face searches: minutes of work here). */
  const reviewLinkedHires = () =>
    jobRunner(server.context, { [REVIEW_LINKED_HIRE]: jobKinds[REVIEW_LINKED_HIRE]! }).drain();
  const latestOf = async (hireId: string) => {
    const view = await api(server.url, 'GET', `/v1/hires/${hireId}`);
    const [report] = view.json.reports as { verdict: string; reasons: Reason[] }[];
    return { status: view.json.status, verdict: report?.verdict, reasons: report?.reasons ?? [] };
  };

  it('answers a report linking to a verified hire while another transaction holds that hire’s rows', async () => {
    const disk = 'nvme0n1: WDC PC SN810 (22113L800042)';
    const verified = await verifiedHire(laptop(disk), '127.0.60.1');
    // Another writer busy with the verified hire (its own report committing, HR reviewing it).
    const other = new pg.Client({ connectionString: server.databaseUrl });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT id FROM reports WHERE hire_id = $1 FOR UPDATE', [verified.hireId]);
      await other.query('SELECT hire_id FROM roster WHERE hire_id = $1 FOR UPDATE', [verified.hireId]);

      const later = await enrolDevice(server.url, { identity: laptop(disk) });
      const answer = await answered(later.postFrom('127.0.61.1', (await later.report()).jws));
      expect([answer.status, answer.json.verdict]).toEqual([201, 'review']);
      await other.query('COMMIT');

      // The verified hire goes back to review once its own rows are free, with the link as the reason.
      await reviewLinkedHires();
      const after = await latestOf(verified.hireId);
      expect([after.status, after.verdict]).toEqual(['review', 'review']);
      expect(after.reasons.filter((r) => r.check.startsWith('farm.'))).toEqual([
        expect.objectContaining({
          check: 'farm.same-hardware',
          evidence: [{ signal: 'disk', hire: later.hireId, shared: `disk ${disk}` }],
        }),
      ]);
    } finally {
      await other.end();
    }
  }, 90_000);

  it('answers every report when many verified hires behind one address report at once, and links them all', async () => {
    const house: Device[] = [];
    for (let i = 0; i < 24; i++) house.push(await verifiedHire(laptop(), `127.0.${70 + i}.1`));
    for (const round of [1, 2]) {
      const reports = await Promise.all(house.map(async (device) => (await device.report()).jws));
      const answers = await answered(
        Promise.all(house.map((device, i) => device.postFrom('127.0.99.1', reports[i]!))),
      );
      expect(answers.map((a) => a.status)).toEqual(house.map(() => 201));
      // Every hire is linked to every other by the address once three were seen there.
      if (round === 1) expect(answers.filter((a) => a.json.verdict === 'review').length).toBeGreaterThan(0);
    }
    await reviewLinkedHires();
    for (const device of house) {
      const links = await api(server.url, 'GET', `/v1/hires/${device.hireId}/links`);
      const byAddress = (links.json.links as { hireId: string; signal: string }[]).filter(
        (l) => l.signal === 'address',
      );
      expect(new Set(byAddress.map((l) => l.hireId)).size).toBe(house.length - 1);
      expect((await latestOf(device.hireId)).status).toBe('review');
    }
  }, 240_000);
});
