// Devices posting signed reports to a real HR service process: `npm run bench:server`.
// Accepted reports/s and latency for SQLite and (when HIREPROOF_TEST_DATABASE_URL is set) PostgreSQL.
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { buildReport } from '../main/attest/build-report';
import { observeDevice } from '../main/attest/observe-device';
import { defaultPolicy } from '../main/contract/policy';
import { sysrootHost } from '../main/probes/host';
import { probesFor } from '../main/probes/registry';
import { sourceRuntime } from '../main/cli/source-runtime';
import { signReport } from '../main/identity/sign-report';
import { softwareSigner } from '../main/identity/software-signer';
import { newEnrolmentCode } from '../server/hires/enrolment-code';
import { openDatabase } from '../server/db/open-database';

const DEVICES = 500;
const REPORTS = 20_000;
const CONNECTIONS = 64;
/** The service and this script seal with the same key (PostgreSQL needs one given). */
const PHOTO_KEY = randomBytes(32).toString('base64');

async function startService(
  dataDir: string,
  databaseUrl?: string,
): Promise<{ url: string; child: ChildProcess }> {
  const args = [
    'bin/hireproof.mjs',
    'serve',
    '--port',
    '0',
    '--data',
    dataDir,
    '--device-rate',
    '1000000',
    // Every bench device is 127.0.0.1.
    '--address-rate',
    '1000000',
    '--demo',
  ];
  const child = spawn(process.execPath, [...args, ...(databaseUrl ? ['--database', databaseUrl] : [])], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, HIREPROOF_PHOTO_KEY: PHOTO_KEY },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let err = '';
    child.stderr?.on('data', (c: Buffer) => {
      err += c.toString();
      const match = /HR service on (http:\/\/\S+)/.exec(err);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
  });
  return { url, child };
}

async function freshPostgres(base: string): Promise<string> {
  const name = `hp_bench_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function bench(label: string, databaseUrl?: string) {
  const dataDir = await mkdtemp(join(tmpdir(), 'hireproof-bench-'));
  const { url, child } = await startService(dataDir, databaseUrl);
  const { db } = await openDatabase({ dataDir, url: databaseUrl, photoKey: PHOTO_KEY });
  const now = new Date();
  const host = sysrootHost(new URL('../test/fixtures/sysroots/laptop', import.meta.url).pathname);
  const observed = await observeDevice(host, probesFor(sourceRuntime()), defaultPolicy);

  // Hires and codes go straight into the database: this measures report intake, not photo upload.
  const devices = [];
  for (let i = 0; i < DEVICES; i++) {
    const hireId = crypto.randomUUID();
    const { code, hash } = newEnrolmentCode();
    await db
      .insertInto('hires')
      .values({
        id: hireId,
        name: `Bench ${i}`,
        email: `b${i}@example.com`,
        expected_serial: null,
        expected_asset_tag: null,
        id_photo: null,
        face_template: null,
        face_status: 'pending',
        created_at: now.toISOString(),
        verified_at: null,
        photos_deleted_at: null,
      })
      .execute();
    await db
      .insertInto('enrolment_codes')
      .values({
        code_hash: hash,
        hire_id: hireId,
        expires_at: new Date(now.getTime() + 86_400_000).toISOString(),
        used_at: null,
        purpose: 'hire',
      })
      .execute();
    const signer = await softwareSigner(generateKeyPairSync('ed25519').privateKey);
    const enrolled = await fetch(`${url}/v1/enrolments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        code,
        publicKey: signer.publicJwk,
        client: 'cli',
        identity: observed.identity,
        observedFrom: observed.observations.source,
      }),
    });
    if (enrolled.status !== 201) throw new Error(`enrolment failed: ${await enrolled.text()}`);
    devices.push({ deviceId: String(((await enrolled.json()) as { deviceId: string }).deviceId), signer });
  }
  // One fresh nonce per report, issued ahead (as /v1/challenges would), so every report is new work.
  const bodies: string[] = [];
  for (let i = 0; i < REPORTS; i++) {
    const device = devices[i % DEVICES]!;
    const nonce = randomBytes(32).toString('base64url');
    await db
      .insertInto('nonces')
      .values({
        nonce,
        device_id: device.deviceId,
        expires_at: new Date(now.getTime() + 3_600_000).toISOString(),
        used_at: null,
        kind: 'device-check',
        evidence: JSON.stringify({ face: false, liveness: false, input: false }),
      })
      .execute();
    bodies.push(
      await signReport(
        buildReport({
          deviceId: device.deviceId,
          nonce,
          appVersion: '0.1.0',
          kind: 'device-check',
          identity: observed.identity,
          observations: observed.observations,
          checks: observed.checks,
          issuedAt: new Date(),
        }),
        device.signer,
      ),
    );
  }
  await db.destroy();

  let next = 0;
  const result = await autocannon({
    url: `${url}/v1/reports`,
    connections: CONNECTIONS,
    amount: REPORTS,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/jose' },
        setupRequest: (req) => ({ ...req, body: bodies[next++ % REPORTS] }),
      },
    ],
  });
  child.kill('SIGTERM');
  const accepted = result['2xx'];
  const seconds = result.duration;
  return `| ${label} | ${CONNECTIONS} | ${accepted} / ${REPORTS} | ${(accepted / seconds).toFixed(0)} | ${result.latency.p50} | ${result.latency.p99} | ${result.non2xx} | ${Math.round(bodies[0]!.length / 1024)} KB |`;
}

console.log(
  `${DEVICES} devices, ${REPORTS} signed reports (each with its own nonce), ${CONNECTIONS} concurrent connections\n`,
);
console.log(
  '| storage | connections | accepted | reports/s | p50 ms | p99 ms | non-2xx | report size |\n|---|---|---|---|---|---|---|---|',
);
console.log(await bench('SQLite (embedded)'));
const pgBase = process.env.HIREPROOF_TEST_DATABASE_URL;
if (pgBase) console.log(await bench('PostgreSQL', await freshPostgres(pgBase)));
else console.log('| PostgreSQL | (set HIREPROOF_TEST_DATABASE_URL to measure) |');
