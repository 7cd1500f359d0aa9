import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observeDevice } from '../../main/attest/observe-device';
import { sourceRuntime } from '../../main/cli/source-runtime';
import type { Observations, ProbeReadings } from '../../main/contract/observations';
import { defaultPolicy } from '../../main/contract/policy';
import type { ReportPayload } from '../../main/contract/report';
import { signReport } from '../../main/identity/sign-report';
import { sysrootHost } from '../../main/probes/host';
import { probesFor } from '../../main/probes/registry';
import { enrolDevice } from '../support/device-under-test';
import { api, startTestServer, storages } from '../support/hr-service';
import { sysroot } from '../support/sysroots';

/**
 * The person at the keyboard re-signs altered copies of a real report with the device's own key,
 * against a production-configured service (no --demo). None may reach PASS or verify the hire,
 * and every answer names why.
 */
describe.each(storages)('a hostile device on %s', (storage) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let pikvm: Observations;
  beforeAll(async () => {
    server = await startTestServer(storage, { runJobs: false, demo: false });
    const host = sysrootHost(sysroot('pikvm'));
    pikvm = (await observeDevice(host, probesFor(sourceRuntime()), defaultPolicy)).observations;
  }, 60_000);
  afterAll(async () => server?.close());

  type Device = Awaited<ReturnType<typeof enrolDevice>>;
  /** A real report of the clean laptop on the challenge's terms, as if read live, altered, re-signed. */
  const altered = async (device: Device, alter: (p: ReportPayload) => ReportPayload = (p) => p) => {
    const { payload } = await device.report();
    const live = { ...payload, observations: { ...payload.observations, source: 'live' as const } };
    return device.post(await signReport(alter(live), device.signer));
  };
  const hireOf = async (device: Device) =>
    (await api(server.url, 'GET', `/v1/hires/${device.hireId}`)).json as {
      status: string;
      verifiedAt: string | null;
    };
  const withReadings = (p: ReportPayload, probes: ProbeReadings): ReportPayload => ({
    ...p,
    observations: { ...p.observations, probes: { ...p.observations.probes, ...probes } },
  });
  const checksOf = (answer: { json: Record<string, unknown> }) =>
    ((answer.json.reasons ?? []) as { check: string }[]).map((r) => r.check);

  it('the headless command (a device-only check) passes a clean laptop but never verifies the hire', async () => {
    const device = await enrolDevice(server.url);
    const answer = await altered(device);
    expect(answer.status).toBe(201);
    expect(await hireOf(device)).toMatchObject({ verifiedAt: null });
    expect((await hireOf(device)).status).not.toBe('verified');
  });

  it('a device-only report claiming to be an onboarding is refused and recorded for review', async () => {
    const device = await enrolDevice(server.url);
    const answer = await altered(device, (p) => ({ ...p, kind: 'onboarding' }));
    expect([answer.status, answer.json.error?.code]).toEqual([422, 'report.terms-mismatch']);
    expect(answer.json.error?.message).toMatch(/asked for a device-check report; this one says onboarding/);
    expect(await hireOf(device)).toMatchObject({ status: 'review', verifiedAt: null });
    const trail = await api(server.url, 'GET', `/v1/hires/${device.hireId}/audit`);
    expect(JSON.stringify(trail.json)).toContain('report.terms-mismatch');
  });

  it('every check marked n/a by the app: the server judges the observations and names the disagreement', async () => {
    const device = await enrolDevice(server.url);
    const answer = await altered(device, (p) => ({
      ...p,
      checks: { ...p.checks, checks: p.checks.checks.map((c) => ({ ...c, status: 'n/a' as const })) },
    }));
    expect(answer.json.verdict).toBe('review');
    expect(checksOf(answer)).toEqual(['report.disagreement']);
  });

  it('every probe claimed unavailable: errors, not n/a, where HireProof can read them', async () => {
    const device = await enrolDevice(server.url);
    const answer = await altered(device, (p) => ({
      ...p,
      observations: {
        ...p.observations,
        probes: Object.fromEntries(
          Object.keys(p.observations.probes).map((id) => [id, { state: 'unavailable' }]),
        ),
      },
    }));
    expect(answer.json.verdict).toBe('review');
    expect(checksOf(answer)).toEqual(expect.arrayContaining(['remote.tools', 'usb.ipkvm', 'app.integrity']));
  });

  it('a failing critical check reported with severity low still fails, on the catalogue severity', async () => {
    const device = await enrolDevice(server.url);
    const answer = await altered(device, (p) => ({
      ...withReadings(p, pikvm.probes),
      checks: { ...p.checks, checks: p.checks.checks.map((c) => ({ ...c, severity: 'low' as const })) },
    }));
    expect(answer.json.verdict).toBe('fail');
    expect(checksOf(answer)).toEqual(expect.arrayContaining(['display.ipkvm', 'usb.ipkvm']));
  });

  it("a VNC server the device's own stored allow-list approves is still found", async () => {
    const device = await enrolDevice(server.url);
    const answer = await altered(device, (p) => {
      const processes = p.observations.probes.processes;
      if (processes?.state !== 'read') throw new Error('no processes');
      return withReadings(p, {
        processes: {
          state: 'read',
          facts: [...processes.facts, { pid: 999, name: 'x11vnc', path: '/usr/bin/x11vnc', cmdline: '' }],
        },
      });
    });
    expect(answer.json.verdict).toBe('fail');
    expect(checksOf(answer)).toContain('remote.tools');
  });

  it('a check the stored policy sets off, left out of the report, is an error, not a pass', async () => {
    const device = await enrolDevice(server.url);
    const answer = await altered(device, (p) => {
      const { usb: _usb, ...probes } = p.observations.probes;
      return {
        ...p,
        observations: { ...p.observations, probes },
        checks: { ...p.checks, checks: p.checks.checks.filter((c) => c.id !== 'usb.ipkvm') },
      };
    });
    expect(answer.json.verdict).toBe('review');
    expect(checksOf(answer)).toEqual(expect.arrayContaining(['usb.ipkvm', 'report.disagreement']));
  });

  it('fixture observations (--sysroot) are refused by a production server, reports and enrolments alike', async () => {
    const device = await enrolDevice(server.url);
    const { jws } = await device.report();
    const answer = await device.post(jws);
    expect([answer.status, answer.json.error?.code]).toEqual([422, 'observations.fixture']);
    expect(answer.json.error?.message).toMatch(/--sysroot/);
    await expect(enrolDevice(server.url, { observedFrom: 'fixture' })).rejects.toThrow(
      /observations.fixture/,
    );
  });

  it('an app report whose evidence differs from its onboarding challenge is refused and recorded', async () => {
    const device = await enrolDevice(server.url, { client: 'app' });
    const consent = { version: 'test', acceptedAt: new Date().toISOString(), biometric: true };
    const asDeviceCheck = await altered(device, (p) => ({ ...p, kind: 'device-check' }));
    expect(asDeviceCheck.json.error?.code).toBe('report.terms-mismatch');
    const noFace = await altered(device, (p) => ({
      ...p,
      consent,
      input: { decision: 'local', score: 0, features: {}, humanCheckRequested: false },
    }));
    expect(noFace.json.error?.message).toMatch(/asked for face frames/);
    const noInput = await altered(device, (p) => ({ ...p, consent: { ...consent, biometric: false } }));
    expect(noInput.json.error?.message).toMatch(/asked for input evidence/);
    expect(await hireOf(device)).toMatchObject({ status: 'review', verifiedAt: null });
  });

  it('the human paths are answers, not mismatches: no biometric consent and a person instead of the tasks end in review', async () => {
    const device = await enrolDevice(server.url, { client: 'app' });
    const answer = await altered(device, (p) => ({
      ...p,
      consent: { version: 'test', acceptedAt: new Date().toISOString(), biometric: false },
      input: { decision: 'insufficient-data', score: 0, features: {}, humanCheckRequested: true },
    }));
    expect(answer.status).toBe(201);
    expect(answer.json.verdict).toBe('review');
    expect(checksOf(answer)).toEqual(expect.arrayContaining(['input.cadence', 'app.integrity']));
  });

  it('a first-version report (conclusions, no observations) is refused as outdated and audited against the hire', async () => {
    const device = await enrolDevice(server.url);
    const { payload } = await device.report();
    const { observations: _dropped, ...conclusions } = payload;
    const v1 = { ...conclusions, schema: 'hireproof.report/v1' } as unknown as ReportPayload;
    const answer = await device.post(await signReport(v1, device.signer));
    expect([answer.status, answer.json.error?.code]).toEqual([422, 'report.outdated']);
    expect(answer.json.error?.message).toMatch(/v1/);
    expect((await hireOf(device)).verifiedAt).toBeNull();
    const trail = await api(server.url, 'GET', `/v1/hires/${device.hireId}/audit`);
    expect(JSON.stringify(trail.json)).toContain('report.outdated');
  });
});
