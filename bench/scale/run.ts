// The HR service at company scale: `npm run bench:scale [-- --full] [-- --database sqlite|postgres]
// [-- --keep DIR | --reuse DIR]`.
// Builds a company's database directly (hires, devices, months of reports with the real payload),
// starts the service as its own process, and measures every HR endpoint, then report intake at a
// steady rate while HR readers page through, with the service's event-loop delay and memory.
import { spawn, type ChildProcess } from 'node:child_process';
import { createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { appendFileSync, statfsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { z } from 'zod';
import { HireDetail, HirePage } from '../../main/contract/hr-api';
import { signReport } from '../../main/identity/sign-report';
import type { DeviceSigner } from '../../main/identity/device-signer';
import { softwareSigner } from '../../main/identity/software-signer';
import { openDatabase } from '../../server/db/open-database';
import { realReports } from './payloads';
import { seedCompany, type SeededHire } from './seed';

const { values: flags } = parseArgs({
  options: {
    full: { type: 'boolean', default: false },
    hires: { type: 'string' },
    reports: { type: 'string' },
    database: { type: 'string', default: 'both' },
    seconds: { type: 'string', default: '30' },
    rate: { type: 'string', default: '200' },
    readers: { type: 'string', default: '10' },
    /** A reader's pause between pages (0: each asks again as soon as it has its answer). */
    'think-ms': { type: 'string', default: '250' },
    /** Only seed, into this folder, and keep it (PostgreSQL: the database) to measure with --reuse: a long seed need not run on a quiet machine. */
    keep: { type: 'string' },
    /** Measure the company a --keep run left in this folder, without seeding. */
    reuse: { type: 'string' },
  },
});
const HIRES = Number(flags.hires ?? (flags.full ? 100_000 : 10_000));
const REPORTS = Number(flags.reports ?? (flags.full ? 2_000_000 : 200_000));
const SECONDS = Number(flags.seconds);
const RATE = Number(flags.rate);
const READERS = Number(flags.readers);
const THINK_MS = Number(flags['think-ms']);
const TOKEN = 'bench-admin-token-0123456789abcdef';
const INTAKE_DEVICES = 400;
const SAMPLES = 60;

type Storage = 'sqlite' | 'postgres';
/** What the probe inside the service answers: event-loop delay since the last sample (ms), and RSS. */
const LoopSample = z.object({ p50: z.number(), p99: z.number(), max: z.number(), rss: z.number() });
type LoopSample = z.infer<typeof LoopSample>;
const stats = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? NaN };
};
const round = (n: number) => (n < 10 ? n.toFixed(1) : n.toFixed(0));
const log = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

/** Refuses to start a run the disk cannot hold (SQLite keeps payloads as written; PostgreSQL compresses them). */
function checkDisk(dir: string, storage: Storage, averageBytes: number) {
  const { bavail, bsize } = statfsSync(dir);
  const free = bavail * bsize;
  const need = REPORTS * (storage === 'sqlite' ? averageBytes * 1.15 : averageBytes * 0.45) + 2e9;
  log(`${storage}: ~${(need / 1e9).toFixed(1)} GB needed, ${(free / 1e9).toFixed(1)} GB free on ${dir}`);
  if (need > free)
    throw new Error(`not enough disk for ${REPORTS} reports on ${storage}; use a smaller --reports`);
}

async function freshPostgres(base: string) {
  const name = `hp_scale_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** The service as HR runs it, in its own process, with the event-loop probe preloaded. */
/** `photoKey`: the seeder's, so the service opens what it sealed (PostgreSQL keeps no key of its own). */
async function startService(dataDir: string, databaseUrl: string | undefined, photoKey: string) {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE] : []),
      '--import',
      new URL('./loop-probe.mjs', import.meta.url).pathname,
      'bin/hireproof.mjs',
      'serve',
      '--port',
      '0',
      '--data',
      dataDir,
      ...(databaseUrl ? ['--database', databaseUrl] : []),
      // Every bench client is 127.0.0.1, and 400 devices report at 200/s.
      '--device-rate',
      '1000000',
      '--address-rate',
      '1000000',
      '--connections-per-address',
      '100000',
      '--demo',
    ],
    {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env: { ...process.env, HIREPROOF_ADMIN_TOKEN: TOKEN, HIREPROOF_PHOTO_KEY: photoKey },
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let err = '';
    child.stderr?.on('data', (c: Buffer) => {
      // BENCH_SERVICE_LOG=FILE keeps what the service printed (its errors under load).
      if (process.env.BENCH_SERVICE_LOG) appendFileSync(process.env.BENCH_SERVICE_LOG, c);
      err += c.toString();
      const match = /HR service on (http:\/\/\S+)/.exec(err);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`service exited ${code}: ${err.slice(-2000)}`)));
  });
  const sample = () =>
    new Promise<LoopSample>((resolve) => {
      child.once('message', (m) => resolve(LoopSample.parse(m)));
      child.send('sample');
    });
  return { url, child, sample };
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

async function timed(
  url: string,
  init: RequestInit = {},
): Promise<{ ms: number; status: number; body: string }> {
  const start = performance.now();
  const response = await fetch(url, {
    ...init,
    headers: { authorization: `Bearer ${TOKEN}`, ...(init.headers ?? {}) },
  });
  const body = await response.text();
  return { ms: performance.now() - start, status: response.status, body };
}

/** What `--keep` leaves beside the data, so `--reuse` can measure the same company again. */
const Kept = z.object({
  storage: z.enum(['sqlite', 'postgres']),
  dataDir: z.string(),
  databaseUrl: z.string().optional(),
  photoKey: z.string(),
  seedSeconds: z.number(),
  hires: z.array(z.custom<SeededHire>()),
  /** The intake devices' keys (PKCS #8 PEM), enrolled in the kept database. */
  devices: z.array(z.object({ id: z.string(), privateKey: z.string() })),
});
type Kept = z.infer<typeof Kept>;
const KEPT_FILE = 'bench-scale-seeded.json';

/** Seeds a company (into `keepDir` when given, kept afterwards), or reopens one `--keep` left. */
async function company(storage: Storage, real: Awaited<ReturnType<typeof realReports>>) {
  if (flags.reuse) {
    const kept = Kept.parse(JSON.parse(await readFile(join(flags.reuse, KEPT_FILE), 'utf8')));
    if (kept.storage !== storage)
      throw new Error(`${flags.reuse} holds a ${kept.storage} company, not ${storage}`);
    const opened = await openDatabase({
      dataDir: kept.dataDir,
      url: kept.databaseUrl,
      photoKey: kept.photoKey,
    });
    const devices = await Promise.all(
      kept.devices.map(async (d) => ({
        id: d.id,
        signer: await softwareSigner(createPrivateKey(d.privateKey)),
      })),
    );
    log(`${storage}: reusing ${kept.hires.length} hires from ${flags.reuse}`);
    return { ...kept, db: opened.db, devices, drop: () => Promise.resolve() };
  }
  const average = (real.storedBytes.withFace + real.storedBytes.deviceOnly) / 2;
  const dataDir = flags.keep ?? (await mkdtemp(join(tmpdir(), 'hireproof-scale-')));
  await mkdir(dataDir, { recursive: true });
  const pgBase = process.env.HIREPROOF_TEST_DATABASE_URL;
  if (storage === 'postgres' && !pgBase) throw new Error('set HIREPROOF_TEST_DATABASE_URL for PostgreSQL');
  checkDisk(storage === 'sqlite' ? dataDir : '/var/lib/postgresql', storage, average);
  const database = storage === 'postgres' && pgBase ? await freshPostgres(pgBase) : null;
  const photoKey = randomBytes(32).toString('base64');
  const now = new Date();
  const opened = await openDatabase({ dataDir, url: database?.url, photoKey });
  const { db } = opened;

  log(
    `${storage}: seeding ${HIRES} hires, ~${REPORTS} reports (${Math.round(average / 1024)} KB stored each on average)`,
  );
  const seedStart = performance.now();
  let shown = 0;
  const hires: SeededHire[] = await seedCompany(db, {
    hires: HIRES,
    reportsPerHire: REPORTS / (HIRES * 0.92),
    payloadOf: real.stored,
    now,
    batch: storage === 'sqlite' ? 500 : 200,
    onProgress: ({ hires: h, reports: r }) => {
      if (r - shown >= 100_000 || h === HIRES) {
        shown = r;
        log(`  ${h} hires, ${r} reports, ${((performance.now() - seedStart) / 1000).toFixed(0)} s`);
      }
    },
  });
  const reportCount = hires.reduce((n, h) => n + h.reports.length, 0);
  // Each hire's creation on its trail, and a webhook's deliveries, as a running service leaves them.
  await sql`INSERT INTO audit_log (at, actor, action, target, hire_id, detail)
    SELECT created_at, 'token:hr', 'hire.create', id, id, '{}' FROM hires`.execute(db);
  // HR's receiver: every report's verdict is delivered to it during the run, as in production.
  const receiver = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(204).end());
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiver.unref();
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  const secret = opened.seal.seal(Buffer.from(`whsec_${randomBytes(24).toString('base64')}`));
  await sql`INSERT INTO webhooks (id, url, sealed_secret, created_at)
    VALUES ('bench-hook', ${hookUrl}, ${secret}, ${now.toISOString()})`.execute(db);
  await sql`INSERT INTO webhook_deliveries (id, webhook_id, report_id, created_at, attempts, last_status, delivered_at)
    SELECT id, 'bench-hook', id, received_at, 1, 204, received_at FROM reports WHERE received_at > ${new Date(now.getTime() - 7 * 86_400_000).toISOString()}`.execute(
    db,
  );
  // Real keys for the devices that report during the run.
  const enrolled = hires.filter((h) => h.devices[0]?.client === 'app').slice(0, INTAKE_DEVICES);
  const devices: { id: string; signer: DeviceSigner; privateKey: string }[] = [];
  for (const hire of enrolled) {
    const { privateKey } = generateKeyPairSync('ed25519');
    const signer = await softwareSigner(privateKey);
    const id = hire.devices[0]!.id;
    await db
      .updateTable('devices')
      .set({
        public_jwk: JSON.stringify(signer.publicJwk),
        key_thumbprint: signer.thumbprint,
        identity: JSON.stringify(real.identity.claims),
        fingerprint: real.identity.fingerprint,
      })
      .where('id', '=', id)
      .execute();
    devices.push({ id, signer, privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() });
  }
  if (storage === 'sqlite') await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
  else await sql`VACUUM ANALYZE`.execute(db);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  log(`${storage}: seeded ${HIRES} hires and ${reportCount} reports in ${seedSeconds.toFixed(0)} s`);

  const kept: Kept = {
    storage,
    dataDir,
    ...(database ? { databaseUrl: database.url } : {}),
    photoKey,
    seedSeconds,
    hires,
    devices: devices.map(({ id, privateKey }) => ({ id, privateKey })),
  };
  if (flags.keep) {
    await writeFile(join(dataDir, KEPT_FILE), JSON.stringify(kept));
    log(`${storage}: kept in ${dataDir}: measure it again with --reuse ${dataDir}`);
  }
  const drop = async () => {
    if (flags.keep) return;
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
  return { ...kept, db, devices, drop };
}

async function run(storage: Storage) {
  const real = await realReports();
  const seeded = await company(storage, real);
  if (flags.keep) {
    await seeded.db.destroy();
    return null;
  }
  const reportCount = seeded.hires.reduce((n, h) => n + h.reports.length, 0);
  const service = await startService(seeded.dataDir, seeded.databaseUrl, seeded.photoKey);
  try {
    return await measureService(service, { ...seeded, reportCount, real });
  } finally {
    await stop(service.child);
    await seeded.db.destroy();
    await seeded.drop();
  }
}

async function measureService(
  service: Awaited<ReturnType<typeof startService>>,
  seeded: {
    storage: Storage;
    db: Awaited<ReturnType<typeof openDatabase>>['db'];
    hires: SeededHire[];
    reportCount: number;
    seedSeconds: number;
    real: Awaited<ReturnType<typeof realReports>>;
    devices: { id: string; signer: DeviceSigner }[];
  },
) {
  const { storage, db, hires, reportCount, seedSeconds, real, devices } = seeded;
  const base = service.url;
  const idle = await service.sample();
  const results: { endpoint: string; p50: number; p95: number; n: number; note?: string }[] = [];
  const measure = async (endpoint: string, paths: () => string, note?: string) => {
    const ms: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const answer = await timed(`${base}${paths()}`);
      if (answer.status !== 200)
        throw new Error(`${endpoint}: ${answer.status} ${answer.body.slice(0, 300)}`);
      ms.push(answer.ms);
    }
    const s = stats(ms);
    results.push({ endpoint, p50: s.p50, p95: s.p95, n: s.n, note });
    log(`  ${endpoint}: p50 ${round(s.p50)} ms, p95 ${round(s.p95)} ms`);
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;
  const withReports = hires.filter((h) => h.reports.length > 0);
  const busiest = [...hires].sort((a, b) => b.reports.length - a.reports.length)[0]!;

  // Cursors deep in the lists, collected by walking them.
  const walk = async (path: string, pages: number, key: string) => {
    const cursors: string[] = [];
    let next: string | null = null;
    for (let i = 0; i < pages; i++) {
      const page = await timed(
        `${base}${path}${next ? `${path.includes('?') ? '&' : '?'}cursor=${next}` : ''}`,
      );
      const json = z.object({ next: z.string().nullable() }).loose().parse(JSON.parse(page.body));
      if (!Array.isArray(json[key])) throw new Error(`${path}: ${page.body.slice(0, 200)}`);
      next = json.next;
      if (!next) break;
      cursors.push(next);
    }
    return cursors;
  };
  const hireCursors = await walk('/v1/hires', 200, 'hires');
  const verifiedCursors = await walk('/v1/hires?status=verified', 50, 'hires');
  const deliveryCursors = await walk('/v1/webhooks/deliveries', 50, 'deliveries');

  log(`${storage}: each HR endpoint alone, ${SAMPLES} requests`);
  await measure('GET /v1/hires', () => '/v1/hires');
  await measure('GET /v1/hires?cursor= (pages 1-200)', () => `/v1/hires?cursor=${pick(hireCursors)}`);
  await measure('GET /v1/hires?status=overdue', () => '/v1/hires?status=overdue');
  await measure(
    'GET /v1/hires?status=verified&cursor=',
    () => `/v1/hires?status=verified&cursor=${pick(verifiedCursors)}`,
  );
  await measure('GET /v1/hires?q=okafor', () => '/v1/hires?q=okafor');
  await measure(
    'GET /v1/hires?q=no-such-name',
    () => '/v1/hires?q=no-such-name',
    'matches nothing: the whole list is searched',
  );
  await measure('GET /v1/stats/hires', () => '/v1/stats/hires');
  await measure('GET /v1/stats/verdicts?days=30', () => '/v1/stats/verdicts?days=30');
  await measure('GET /v1/hires/:id', () => `/v1/hires/${pick(hires).id}`);
  const busyCursor = HireDetail.parse(JSON.parse((await timed(`${base}/v1/hires/${busiest.id}`)).body));
  await measure(
    'GET /v1/hires/:id/reports?cursor=',
    () =>
      `/v1/hires/${busiest.id}/reports${busyCursor.nextReports ? `?cursor=${busyCursor.nextReports}` : ''}`,
    `the busiest hire (${busiest.reports.length} reports)`,
  );
  await measure(
    'GET /v1/reports/:id',
    () => `/v1/reports/${pick(pick(withReports).reports).id}`,
    'every check and its evidence',
  );
  await measure('GET /v1/hires/:id/audit', () => `/v1/hires/${pick(hires).id}/audit`);
  await measure(
    'GET /v1/webhooks/deliveries?cursor=',
    () => `/v1/webhooks/deliveries?cursor=${pick(deliveryCursors)}`,
  );
  const exports: number[] = [];
  let exportBytes = 0;
  for (let i = 0; i < 3; i++) {
    const answer = await timed(`${base}/v1/export.csv`);
    exports.push(answer.ms);
    exportBytes = answer.body.length;
  }
  const exportStats = stats(exports);
  log(`  GET /v1/export.csv: ${round(exportStats.p50)} ms for ${(exportBytes / 1e6).toFixed(1)} MB`);
  const afterReads = await service.sample();

  // Intake at a steady rate while HR reads: reports signed ahead, each on its own nonce.
  log(`${storage}: ${RATE} reports/s for ${SECONDS} s while ${READERS} HR readers page through`);
  const total = RATE * SECONDS;
  const nonces = Array.from({ length: total }, () => randomBytes(32).toString('base64url'));
  const expires = new Date(Date.now() + 3_600_000).toISOString();
  const evidence = JSON.stringify({ face: false, liveness: false, input: false });
  for (let i = 0; i < total; i += 500)
    await db
      .insertInto('nonces')
      .values(
        nonces.slice(i, i + 500).map((nonce, j) => ({
          nonce,
          device_id: devices[(i + j) % devices.length]!.id,
          expires_at: expires,
          used_at: null,
          kind: 'device-check',
          evidence,
        })),
      )
      .execute();
  const bodies: string[] = [];
  for (let i = 0; i < total; i++) {
    const device = devices[i % devices.length]!;
    bodies.push(await signReport(real.deviceCheck(device.id, nonces[i]!), device.signer));
  }
  const intake: number[] = [];
  const refused: string[] = [];
  const reads: number[] = [];
  const loop: { p50: number; p99: number; max: number }[] = [];
  let rssMax = 0;
  let stopped = false;
  let readFailures = 0;
  const reader = async () => {
    while (!stopped) {
      try {
        let next: string | null = null;
        for (let page = 0; page < 20 && !stopped; page++) {
          const answer = await timed(`${base}/v1/hires${next ? `?cursor=${next}` : ''}`);
          reads.push(answer.ms);
          next = HirePage.parse(JSON.parse(answer.body)).next;
          if (THINK_MS > 0) await new Promise((resolve) => setTimeout(resolve, THINK_MS));
        }
        if (stopped) break;
        reads.push((await timed(`${base}/v1/hires/${pick(hires).id}`)).ms);
        reads.push((await timed(`${base}/v1/stats/hires`)).ms);
      } catch {
        readFailures += 1;
      }
    }
  };
  const sampler = setInterval(() => {
    void service.sample().then((s) => {
      loop.push(s);
      rssMax = Math.max(rssMax, s.rss);
    });
  }, 1000);
  await service.sample();
  const readersDone = Promise.all(Array.from({ length: READERS }, reader));
  const started = performance.now();
  const posts: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const sent = performance.now();
    posts.push(
      fetch(`${base}/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/jose' },
        body: bodies[i],
      }).then(
        async (response) => {
          const text = await response.text();
          intake.push(performance.now() - sent);
          if (response.status !== 201) refused.push(`${response.status} ${text.slice(0, 120)}`);
        },
        (error: unknown) => {
          intake.push(performance.now() - sent);
          refused.push(`no answer: ${String(error)}`);
        },
      ),
    );
  }
  await Promise.all(posts);
  const intakeSeconds = (performance.now() - started) / 1000;
  stopped = true;
  await readersDone;
  clearInterval(sampler);
  const final = await service.sample();
  rssMax = Math.max(rssMax, final.rss);

  const i = stats(intake);
  const r = stats(reads);
  const delays = loop.map((s) => s.p99).sort((a, b) => a - b);
  return {
    storage,
    hires: hires.length,
    reports: reportCount,
    seedSeconds,
    results,
    exportStats,
    exportBytes,
    intake: { ...i, refused: refused.length, firstRefusal: refused[0], achieved: total / intakeSeconds },
    reads: { ...r, failures: readFailures },
    loop: {
      p99Median: delays[Math.floor(delays.length / 2)] ?? NaN,
      p99Worst: delays.at(-1) ?? NaN,
      max: Math.max(...loop.map((s) => s.max)),
    },
    rss: { idle: idle.rss, afterReads: afterReads.rss, max: rssMax },
  };
}

const storages: Storage[] =
  flags.database === 'both'
    ? process.env.HIREPROOF_TEST_DATABASE_URL
      ? ['sqlite', 'postgres']
      : ['sqlite']
    : [flags.database === 'postgres' ? 'postgres' : 'sqlite'];
for (const storage of storages) {
  const r = await run(storage);
  if (!r) continue;
  const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;
  console.log(
    `\n### ${storage}: ${r.hires.toLocaleString()} hires / ${r.reports.toLocaleString()} reports (seeded in ${r.seedSeconds.toFixed(0)} s)\n`,
  );
  console.log('| endpoint | p50 ms | p95 ms | note |\n| --- | --- | --- | --- |');
  for (const e of r.results)
    console.log(`| \`${e.endpoint}\` | ${round(e.p50)} | ${round(e.p95)} | ${e.note ?? ''} |`);
  console.log(
    `| \`GET /v1/export.csv\` | ${round(r.exportStats.p50)} | ${round(r.exportStats.max)} | all hires, ${(r.exportBytes / 1e6).toFixed(1)} MB streamed (3 runs: median, worst) |`,
  );
  console.log(
    `\nIntake at ${RATE} reports/s (achieved ${r.intake.achieved.toFixed(0)}/s, ${r.intake.n} reports, ${r.intake.refused} not 201${r.intake.firstRefusal ? `: ${r.intake.firstRefusal}` : ''}) while ${READERS} HR readers paged (${THINK_MS} ms between pages): intake p50 ${round(r.intake.p50)} ms, p95 ${round(r.intake.p95)} ms, p99 ${round(r.intake.p99)} ms; HR reads p50 ${round(r.reads.p50)} ms, p95 ${round(r.reads.p95)} ms (${r.reads.n} reads, ${r.reads.failures} failed). Event-loop delay p99 per second: median ${r.loop.p99Median} ms, worst ${r.loop.p99Worst} ms, max ${r.loop.max} ms. Service RSS: ${mb(r.rss.idle)} at start, ${mb(r.rss.afterReads)} after the endpoint runs, ${mb(r.rss.max)} at most under load.`,
  );
}
