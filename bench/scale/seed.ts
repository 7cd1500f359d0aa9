import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../server/db/schema';
import { recountStandings, rosterRefresh, searchTextOf } from '../../server/db/roster';
import { recountReports } from '../../server/db/verdict-counts';

/**
 * A database of hires, devices and reports written straight into the tables (no HTTP, no ID
 * photos, no face matching), as a company's would look after months of weekly re-attestation.
 * Deterministic for a given `seed`, so tests can know what every hire should show.
 */
export interface SeedOptions {
  hires: number;
  /** Reports per enrolled hire, on average (each hire gets between 0 and twice this). */
  reportsPerHire: number;
  /** The stored payload of a report (the server's stored JSON), given its ids. */
  payloadOf: (report: { reportId: string; deviceId: string; kind: string; issuedAt: string }) => string;
  now: Date;
  seed?: number;
  /** Rows per INSERT statement, and reports per transaction. */
  batch?: number;
  onProgress?: (done: { hires: number; reports: number }) => void;
}

/** What a seeded hire is, so a test can say what the server must show for it. */
export interface SeededHire {
  id: string;
  name: string;
  email: string;
  createdAt: string;
  devices: { id: string; client: 'app' | 'cli'; nextDueAt: string }[];
  /** Newest first. */
  reports: { id: string; receivedAt: string; verdict: 'pass' | 'review' | 'fail' }[];
  verifiedAt: string | null;
}

const FIRST = [
  'Ana',
  'Bo',
  'Cy',
  'Dee',
  'Eli',
  'Fay',
  'Gus',
  'Hana',
  'Ivo',
  'Jun',
  'Kai',
  'Lena',
  'Mo',
  'Nia',
];
const LAST = ['Lima', 'Chen', 'Diaz', 'Evans', 'Okafor', 'Novak', 'Sato', 'Berg', 'Rossi', 'Kowalski'];
const DAY = 86_400_000;

/** A small, fast, seeded generator (mulberry32): the same seed gives the same company. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const uuidFrom = (next: () => number) => {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/** When retention (30 days after verification, 90 if never verified) deleted the hire's photos. */
function deletedAt(hire: SeededHire, now: number): string | null {
  const due = hire.verifiedAt
    ? Date.parse(hire.verifiedAt) + 30 * DAY
    : Date.parse(hire.createdAt) + 90 * DAY;
  return due <= now ? new Date(due).toISOString() : null;
}

export async function seedCompany(db: Kysely<Database>, options: SeedOptions): Promise<SeededHire[]> {
  const next = random(options.seed ?? 16);
  const batch = options.batch ?? 200;
  const now = options.now.getTime();
  const hires: SeededHire[] = [];
  // Hires joined over the past year, newest last; every third pair shares a creation time (ties).
  const span = 365 * DAY;
  for (let i = 0; i < options.hires; i++) {
    const first = FIRST[Math.floor(next() * FIRST.length)] ?? 'Ana';
    const last = LAST[Math.floor(next() * LAST.length)] ?? 'Lima';
    const createdAt = new Date(now - span + Math.floor((i - (i % 3)) * (span / options.hires))).toISOString();
    const invited = next() < 0.08;
    const devices: SeededHire['devices'] = [];
    if (!invited) {
      // Due within the coming week, or up to three weeks overdue.
      const due = new Date(now + Math.floor((next() * 28 - 21) * DAY)).toISOString();
      devices.push({ id: uuidFrom(next), client: 'app', nextDueAt: due });
      if (next() < 0.1) devices.push({ id: uuidFrom(next), client: 'cli', nextDueAt: createdAt });
    }
    const reports: SeededHire['reports'] = [];
    const count = invited ? 0 : Math.floor(next() * (2 * options.reportsPerHire + 1));
    const firstReport = Date.parse(createdAt) + DAY;
    for (let r = 0; r < count; r++) {
      const roll = next();
      const at = firstReport + Math.floor(((r + next()) / Math.max(count, 1)) * (now - firstReport));
      reports.push({
        id: uuidFrom(next),
        receivedAt: new Date(Math.min(at, now - 1000)).toISOString(),
        verdict: roll < 0.82 ? 'pass' : roll < 0.93 ? 'review' : 'fail',
      });
    }
    // Newest first, as the server orders a timeline (the id breaks a tie).
    reports.sort((a, b) =>
      (a.receivedAt === b.receivedAt ? b.id > a.id : b.receivedAt > a.receivedAt) ? 1 : -1,
    );
    const verifiedAt = reports.some((r) => r.verdict === 'pass') && next() < 0.9 ? createdAt : null;
    hires.push({
      id: uuidFrom(next),
      name: `${first} ${last} ${i}`,
      email: `${first}.${last}${i}@example.com`.toLowerCase(),
      createdAt,
      devices,
      reports,
      verifiedAt,
    });
  }

  let reportsDone = 0;
  for (let i = 0; i < hires.length; i += batch) {
    const chunk = hires.slice(i, i + batch);
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('hires')
        .values(
          chunk.map((h) => ({
            id: h.id,
            name: h.name,
            email: h.email,
            expected_serial: null,
            expected_asset_tag: null,
            id_photo: null,
            face_template: null,
            face_status: 'pending' as const,
            created_at: h.createdAt,
            verified_at: h.verifiedAt,
            // As the retention job left them (default policy): no photo 30 days after verification, 90 unverified.
            photos_deleted_at: deletedAt(h, now),
          })),
        )
        .execute();
      await trx
        .insertInto('roster')
        .values(
          chunk.map((h) => ({
            hire_id: h.id,
            name: h.name,
            email: h.email,
            expected_serial: null,
            created_at: h.createdAt,
            search_text: searchTextOf(h.name, h.email),
          })),
        )
        .execute();
      const devices = chunk.flatMap((h) =>
        h.devices.map((d) => ({
          id: d.id,
          hire_id: h.id,
          public_jwk: '{}',
          key_thumbprint: `seed-${d.id}`,
          identity: '{}',
          fingerprint: 'f'.repeat(64),
          enrolled_at: h.createdAt,
          next_due_at: d.nextDueAt,
          last_report_at: h.reports[0]?.receivedAt ?? null,
          client: d.client,
        })),
      );
      if (devices.length > 0) await trx.insertInto('devices').values(devices).execute();
    });
    // Reports in their own transactions of `batch * 5` rows: large payloads make large statements.
    const rows = chunk.flatMap((h) =>
      h.reports.map((r) => {
        const deviceId = h.devices[0]?.id ?? '';
        // The first is the onboarding; then weekly re-attestations with device checks between them.
        const index = h.reports.indexOf(r);
        const kind =
          index === h.reports.length - 1 ? 'onboarding' : index % 2 === 0 ? 'reattestation' : 'device-check';
        return {
          id: r.id,
          device_id: deviceId,
          hire_id: h.id,
          jws_hash: randomBytes(32).toString('hex'),
          kind,
          issued_at: r.receivedAt,
          received_at: r.receivedAt,
          payload: options.payloadOf({ reportId: r.id, deviceId, kind, issuedAt: r.receivedAt }),
          frames: null,
          // Frames and traces as retention left them (the seed stores none).
          biometrics_deleted_at: kind === 'device-check' ? null : deletedAt(h, now),
          verdict: r.verdict,
          reasons:
            r.verdict === 'pass'
              ? '[]'
              : JSON.stringify([{ check: 'remote.tools', message: 'seeded finding', weight: r.verdict }]),
          face_status: 'done' as const,
          reviewed_by: null,
          review_note: null,
          refusal: null,
        };
      }),
    );
    const perStatement = Math.max(1, Math.floor(batch / 4));
    for (let j = 0; j < rows.length; j += perStatement * 20) {
      const slice = rows.slice(j, j + perStatement * 20);
      await db.transaction().execute(async (trx) => {
        for (let k = 0; k < slice.length; k += perStatement)
          await trx
            .insertInto('reports')
            .values(slice.slice(k, k + perStatement))
            .execute();
      });
    }
    reportsDone += rows.length;
    options.onProgress?.({ hires: Math.min(i + batch, hires.length), reports: reportsDone });
  }
  await rosterRefresh(null).execute(db);
  await recountStandings(db);
  await recountReports(db);
  return hires;
}
