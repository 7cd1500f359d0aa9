import { sourceRuntime } from '../../main/cli/source-runtime';
import { mkdir, mkdtemp, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHost } from '../../main/cli/open-host';
import type { CheckProgress, IpcMethod, IpcRequest, IpcResponse } from '../../main/contract/ipc';
import { deviceService, type DeviceService } from '../../main/device/device-service';
import { fileKeyStore } from '../../main/identity/key-store';
import { dispatch, type IpcHandlers } from '../../main/ipc/dispatch';
import { Outbox } from '../../main/outbox/outbox';
import { loadEnrolment } from '../../main/data/enrolment';
import { committedFaces } from '../face/face-fixtures';
import { faceFrame } from '../support/face-frame';
import { api, createHire, startTestServer } from '../support/hr-service';
import { sysroot } from '../support/sysroots';
import { openDiagnostics } from '../support/diagnostics-zip';

// A JPEG's base64 starts with /9j/; the marker makes a leaked frame easy to find.
const FRAME = '/9j/FACEFRAMEMARKER' + 'A'.repeat(64);

describe('the device service behind the IPC contract', () => {
  let dir = '';
  let machine = '';
  let hr: Awaited<ReturnType<typeof startTestServer>>;
  let code = '';
  let hireId = '';
  let dataDir = '';
  let service: DeviceService;
  let outbox: Outbox;
  const progress: CheckProgress[] = [];

  const plant = async (name: string) => {
    await unlink(machine).catch(() => undefined);
    await symlink(sysroot(name), machine);
  };
  /** Every call goes through the dispatcher, so every answer is checked against the contract too. */
  const call = async <M extends IpcMethod>(method: M, request: IpcRequest<M>): Promise<IpcResponse<M>> => {
    const handlers = { ...service, takeEnrolLink: () => Promise.resolve({ code: null }) } as IpcHandlers;
    const reply = await dispatch(handlers, method, request);
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
    return reply.value as IpcResponse<M>;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hireproof-device-'));
    machine = join(dir, 'machine');
    await plant('pikvm');
    hr = await startTestServer('sqlite');
    ({ id: hireId, code } = await createHire(hr.url, {
      name: 'Grace Hopper',
      email: 'grace.hopper@example.com',
      idPhoto: join(committedFaces, 'obama/1.jpg'),
    }));
    dataDir = join(dir, 'data');
    outbox = new Outbox(dataDir);
    service = deviceService({
      dataDir,
      keys: fileKeyStore(dataDir),
      outbox,
      openHost: () => openHost(machine),
      server: hr.url,
      runtime: { ...sourceRuntime(), version: '0.1.0-test' },
      emit: (event, payload) => {
        if (event === 'checkProgress') progress.push(payload as CheckProgress);
      },
    });
  });

  afterAll(async () => {
    await hr.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('starts not enrolled, pointing at the configured HR service', async () => {
    expect(await call('getStatus', {})).toMatchObject({
      enrolled: false,
      server: hr.url,
      consent: null,
      schedule: null,
    });
    // The consent text states HR's own retention, read before anything is sent.
    expect(await call('getConsentTerms', {})).toEqual({ retentionDays: 30, unverifiedRetentionDays: 90 });
    await expect(
      call('submitAttestation', { input: null, face: null, liveness: null }),
    ).rejects.toMatchObject({
      code: 'device.not-enrolled',
    });
  });

  it('will not enrol before consent, then enrols with the code and learns the schedule', async () => {
    await expect(call('enrol', { code })).rejects.toMatchObject({ code: 'consent.missing' });
    const consented = await call('recordConsent', { biometric: true });
    expect(consented.consent?.biometric).toBe(true);
    expect(consented.consent?.version).toMatch(/^\d{4}-\d{2}$/);
    const status = await call('enrol', { code });
    expect(status).toMatchObject({
      enrolled: true,
      hireName: 'Grace Hopper',
      scheduleProblem: null,
      helpdeskOffered: false,
    });
    // Nothing reported yet: the service wants the first report at once.
    expect(status.schedule?.overdue).toBe(true);
    // A device enrols once; a second code is refused before HR is asked.
    await expect(call('enrol', { code })).rejects.toThrow(/already enrolled/);
  });

  it('runs the checks with a start and a done event per check', async () => {
    progress.length = 0;
    const report = await call('runChecks', {});
    expect(report.verdict).toBe('fail');
    expect(progress.filter((p) => p.type === 'start')).toHaveLength(report.checks.length);
    expect(progress.filter((p) => p.type === 'done').map((p) => p.type === 'done' && p.result.id)).toEqual(
      expect.arrayContaining(report.checks.map((c) => c.id)),
    );
  });

  it('re-runs one check against the machine as it is now', async () => {
    await plant('laptop');
    expect((await call('rerunCheck', { id: 'display.ipkvm' })).status).toBe('pass');
    await expect(call('rerunCheck', { id: 'display.nothing' })).rejects.toMatchObject({
      code: 'check.unknown',
    });
  });

  it('submits a signed report the HR service verifies, and remembers its answer', async () => {
    await call('runChecks', {});
    const frame = Buffer.from(await faceFrame(join(committedFaces, 'obama/3.jpg'))).toString('base64');
    // The camera step begins with the server's challenge; the report answers its movements, in order.
    const terms = await call('beginCameraStep', {});
    expect(terms?.movements).toHaveLength(3);
    expect(Date.parse(terms!.expiresAt)).toBeGreaterThan(Date.now());
    const movements = terms!.movements.map((kind) => ({ kind, frames: [{ t: 0, jpeg: FRAME }] }));
    const answer = (order: typeof movements) => ({
      input: { decision: 'local' as const, score: 0.1, features: {}, humanCheckRequested: false },
      face: {
        camera: { label: 'Integrated Camera', id: 'cam1' },
        backend: 'wasm',
        frames: [frame],
        match: null,
        humanCheckRequested: false,
      },
      liveness: { passed: true, challenges: [], trace: [], movements: order },
    });
    // Movements in another order than asked: refused here, never sent to land in review.
    await expect(call('submitAttestation', answer([...movements].reverse()))).rejects.toMatchObject({
      code: 'camera.movements-mismatch',
    });
    // That spent the challenge: the same answer now answers no camera step.
    await expect(call('submitAttestation', answer(movements))).rejects.toMatchObject({
      code: 'camera.not-begun',
    });
    const again = await call('beginCameraStep', {});
    const result = await call('submitAttestation', {
      input: { decision: 'local', score: 0.1, features: { dwellMedianMs: 92 }, humanCheckRequested: false },
      face: {
        camera: { label: 'Integrated Camera', id: 'cam1' },
        backend: 'wasm',
        frames: [frame],
        match: { distance: 0.31, threshold: 0.45, decision: 'match' },
        humanCheckRequested: false,
      },
      liveness: {
        passed: true,
        challenges: [{ kind: 'blink', passed: true, ms: 900 }],
        trace: [],
        movements: again!.movements.map((kind) => ({ kind, frames: [{ t: 0, jpeg: FRAME }] })),
      },
    });
    // The service decides on the checks now and re-runs the face match on the frame itself.
    expect(result).toMatchObject({
      state: 'accepted',
      verdict: { verdict: 'pass', pending: ['face.match', 'face.liveness'] },
    });
    const hire = await api(hr.url, 'GET', `/v1/hires/${hireId}`);
    expect(hire.json.reports).toEqual([
      expect.objectContaining({ verdict: 'pass', kind: 'onboarding', hasFaceFrames: true }),
    ]);
    expect((await call('getStatus', {})).lastVerdict?.verdict).toBe('pass');
  });

  it('asks the HR service again while its face check runs, and shows its decision when it ends', async () => {
    await hr.jobs.drain();
    const verdict = await call('refreshVerdict', {});
    expect(verdict?.pending ?? []).toEqual([]);
    // Its own judgement of the movements: these frames are no pictures, so a person reviews it.
    expect(verdict?.verdict).toBe('review');
    expect(verdict?.reasons.find((r) => r.check === 'face.liveness')?.message).toMatch(
      /a movement frame could not be read/,
    );
    expect((await call('getStatus', {})).lastVerdict).toEqual(verdict);
  });

  it('holds no face template: enrolment brought none, and an older enrolment file loses its copy', async () => {
    const raw = await readFile(join(dataDir, 'enrolment.json'), 'utf8');
    expect(raw).not.toMatch(/descriptor|template/i);
    const legacy = join(dir, 'legacy');
    await mkdir(legacy);
    const template = Array.from({ length: 128 }, (_, i) => 0.0123 + i / 1000);
    await writeFile(
      join(legacy, 'enrolment.json'),
      JSON.stringify({ ...JSON.parse(raw), faceDescriptor: template }),
    );
    expect(await loadEnrolment(legacy)).toEqual(JSON.parse(raw));
    expect(await readFile(join(legacy, 'enrolment.json'), 'utf8')).not.toMatch(/faceDescriptor|0\.0123/);
  });

  it('refuses face evidence when the hire declined the camera check', async () => {
    await call('recordConsent', { biometric: false });
    await expect(
      call('submitAttestation', {
        input: null,
        liveness: null,
        face: {
          camera: { label: 'c', id: 'c' },
          backend: 'wasm',
          frames: [],
          match: null,
          humanCheckRequested: false,
        },
      }),
    ).rejects.toMatchObject({ code: 'consent.biometric' });
  });

  it('learns that HR withdrew the camera consent, and a withdrawal from the app tells HR', async () => {
    await call('recordConsent', { biometric: true });
    const withdrawn = await api(hr.url, 'POST', `/v1/hires/${hireId}/biometric-consent/withdrawal`);
    expect(withdrawn.status).toBe(200);
    expect((await call('getStatus', {})).consent?.biometric).toBe(false);

    await call('recordConsent', { biometric: true });
    const status = await call('withdrawBiometricConsent', {});
    expect(status.consent?.biometric).toBe(false);
    // HR had already deleted the data: the app's withdrawal names the first one.
    const hire = await api(hr.url, 'GET', `/v1/hires/${hireId}`);
    expect(hire.json.biometricConsentWithdrawnAt).toBe(withdrawn.json.withdrawnAt);
    expect((await api(hr.url, 'GET', `/v1/hires/${hireId}/photo`)).status).toBe(410);
  });

  it('exports a zip of redacted JSON with no face data, even with a report holding frames in the outbox', async () => {
    await outbox.enqueue('11111111-2222-4333-8444-555555555555', `header.${FRAME}.signature`);
    const bundle = await call('exportDiagnostics', {});
    const files = openDiagnostics(Buffer.from(bundle.base64, 'base64'), ['FACEFRAMEMARKER', 'Grace Hopper']);
    const queued = files['outbox.json'] as { queued: { reportId: string }[] };
    expect(queued.queued).toEqual([
      expect.objectContaining({ reportId: '11111111-2222-4333-8444-555555555555' }),
    ]);
    const manifest = files['manifest.json'] as { redactions: string[] };
    expect(manifest.redactions.join(' ')).toMatch(/face frames/);
  });

  it('says why the schedule is missing when HR cannot be reached', async () => {
    await hr.close();
    const status = await call('getStatus', {});
    expect(status.schedule).toBeNull();
    expect(status.scheduleProblem).toMatch(/cannot reach the HR service/);
  });

  it('cannot begin the camera step offline, and says why', async () => {
    await call('recordConsent', { biometric: true });
    const begun = call('beginCameraStep', {});
    await expect(begun).rejects.toMatchObject({ code: 'camera.no-challenge' });
    await expect(begun).rejects.toThrow(/choose its movements.*cannot reach the HR service.*video call/);
  });
});
