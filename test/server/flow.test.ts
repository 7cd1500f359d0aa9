import { deviceContext } from '../../main/cli/device-context';
import { deviceAuthorization } from '../../main/identity/sign-request';
import { readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hireproof } from '../support/cli';
import { api, startTestServer, storages } from '../support/hr-service';
import { sysroot } from '../support/sysroots';

const photo = async (path: string) => (await readFile(path)).toString('base64');

/** The whole flow over real HTTP: HR creates a hire, the device enrols and attests with the real CLI. */
describe.each(storages)('the HR flow on %s', (storage) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let base: string;

  beforeAll(async () => {
    server = await startTestServer(storage, { runJobs: false });
    base = server.url;
  }, 60_000);
  afterAll(async () => server?.close());

  async function enrolledDevice(expectedSerial?: string) {
    const hire = await api(base, 'POST', '/v1/hires', {
      name: 'Ana Lima',
      email: 'ana@example.com',
      idPhoto: await photo('test/fixtures/faces/obama/1.jpg'),
      ...(expectedSerial ? { expectedDevice: { serial: expectedSerial } } : {}),
    });
    expect(hire.status).toBe(201);
    const data = await mkdtemp(join(tmpdir(), 'hireproof-device-'));
    const enrol = await hireproof([
      'enrol',
      '--server',
      base,
      `--code=${String(hire.json.code)}`,
      '--data',
      data,
      '--sysroot',
      sysroot('laptop'),
    ]);
    expect(enrol.stderr).toBe('');
    expect(enrol.stdout).toContain('Enrolled for Ana Lima');
    return { hireId: String(hire.json.id), code: String(hire.json.code), data };
  }

  it('creates a hire, enrols, and a device-only check passes a clean laptop without verifying the hire', async () => {
    const { hireId, data } = await enrolledDevice();
    const attest = await hireproof(['attest', '--data', data, '--sysroot', sysroot('laptop'), '--json']);
    const out = JSON.parse(attest.stdout) as {
      answer: { verdict: string; reasons: unknown[] };
      queued: number;
    };
    expect(out.answer.verdict).toBe('pass');
    expect(out.queued).toBe(0);
    expect(attest.code).toBe(0);
    const view = await api(base, 'GET', `/v1/hires/${hireId}`);
    // Not verified: a device-only check never verifies, and the headless command has no due date of its own.
    expect(view.json).toMatchObject({ status: 'enrolled', verifiedAt: null });
    expect(view.json.reports).toEqual([
      expect.objectContaining({ verdict: 'pass', kind: 'device-check', reasons: [] }),
    ]);
    const list = await api(base, 'GET', '/v1/hires');
    expect(list.json.hires).toContainEqual(expect.objectContaining({ id: hireId, status: 'enrolled' }));
  });

  it('fails a laptop behind a PiKVM, naming the checks and their evidence', async () => {
    const { hireId, data } = await enrolledDevice();
    const attest = await hireproof(['attest', '--data', data, '--sysroot', sysroot('pikvm')]);
    expect(attest.code).toBe(1);
    expect(attest.stdout).toMatch(/FAIL\n/);
    expect(attest.stdout).toContain('display.ipkvm');
    const view = await api(base, 'GET', `/v1/hires/${hireId}`);
    expect(view.json.status).toBe('failed');
    const [report] = view.json.reports as { reasons: { check: string; evidence?: unknown[] }[] }[];
    expect(report?.reasons.map((r) => r.check)).toEqual(
      expect.arrayContaining(['display.ipkvm', 'usb.ipkvm']),
    );
    expect(report?.reasons.find((r) => r.check === 'usb.ipkvm')?.evidence?.length).toBeGreaterThan(0);
  });

  it("fails a device whose serial is not the hire's expected laptop", async () => {
    const { data } = await enrolledDevice('PF-NOT-THIS-ONE');
    const attest = await hireproof(['attest', '--data', data, '--sysroot', sysroot('laptop'), '--json']);
    const out = JSON.parse(attest.stdout) as { answer: { verdict: string; reasons: { check: string }[] } };
    expect(out.answer.verdict).toBe('fail');
    expect(out.answer.reasons.map((r) => r.check)).toContain('identity.device');
  });

  it('refuses a used enrolment code with 410, and says when the device is due next', async () => {
    const { code, data } = await enrolledDevice();
    const again = await hireproof([
      'enrol',
      '--server',
      base,
      `--code=${code}`,
      '--data',
      await mkdtemp(join(tmpdir(), 'hp-')),
      '--sysroot',
      sysroot('laptop'),
    ]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('code.used');
    const enrolment = JSON.parse(await readFile(join(data, 'enrolment.json'), 'utf8')) as {
      deviceId: string;
    };
    const path = `/v1/devices/${enrolment.deviceId}/schedule`;
    expect((await api(base, 'GET', path)).json.error?.code).toBe('device.unsigned-request');
    const signer = await deviceContext(data).keys.load();
    if (!signer) throw new Error('the CLI kept no key');
    const schedule = await api(base, 'GET', path, undefined, {
      authorization: await deviceAuthorization(signer, { method: 'GET', path, body: '' }),
    });
    expect(schedule.json).toMatchObject({
      deviceId: enrolment.deviceId,
      everyDays: 7,
      overdue: true,
      lastReportAt: null,
    });
  });

  it('exports hires as CSV without letting a name run as a formula', async () => {
    await api(base, 'POST', '/v1/hires', {
      name: '=HYPERLINK("x")',
      email: 'eve@example.com',
      idPhoto: await photo('test/fixtures/faces/obama/1.jpg'),
    });
    const csv = await api(base, 'GET', '/v1/export.csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
