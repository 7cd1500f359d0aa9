import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../main/attest/build-report';
import type { ReportPayload } from '../../main/contract/report';
import { nextDueAt } from '../../server/devices/schedule';
import { decideVerdict } from '../../server/reports/decide-verdict';
import { defaultServerPolicy, ServerPolicy } from '../../server/server-policy';
import { cleanObservation, identityOf } from '../support/device-under-test';
import type { DeviceObservation } from '../../main/attest/observe-device';
import type { ProbeReadings } from '../../main/contract/observations';

let clean: DeviceObservation;
beforeAll(async () => {
  clean = await cleanObservation();
});

const payload = (overrides: Partial<ReportPayload> = {}): ReportPayload => ({
  ...buildReport({
    deviceId: 'd',
    nonce: 'n'.repeat(32),
    appVersion: '0.1.0',
    kind: 'device-check',
    identity: identityOf(),
    observations: clean.observations,
    checks: clean.checks,
  }),
  ...overrides,
});
const decide = (
  p: ReportPayload,
  policy = defaultServerPolicy,
  expectedSerial: string | null = null,
  client: 'app' | 'cli' = 'cli',
) =>
  decideVerdict({
    payload: p,
    client,
    enrolledIdentity: identityOf().claims,
    expectedSerial,
    hasReferenceFace: true,
    biometricWithdrawn: false,
    policy,
    demo: false,
  });

/** The clean observations with one probe's reading replaced. */
const withReading = (id: keyof ProbeReadings, reading: ProbeReadings[keyof ProbeReadings]) => ({
  ...clean.observations,
  probes: { ...clean.observations.probes, [id]: reading },
});

describe("the server's verdict", () => {
  it('passes a clean device check, and judges every check itself', () => {
    const result = decide(payload());
    expect(result).toMatchObject({ verdict: 'pass', reasons: [], faceToVerify: false });
    expect(result.checks.map((c) => c.id)).toEqual(clean.checks.checks.map((c) => c.id));
  });

  it('derives failures from the observations, whatever the app concluded or flagged', () => {
    const processes = clean.observations.probes.processes;
    if (processes?.state !== 'read') throw new Error('the clean laptop has no process list');
    const observations = withReading('processes', {
      state: 'read',
      facts: [...processes.facts, { pid: 4321, name: 'AnyDesk', path: '/usr/bin/anydesk', cmdline: '' }],
    });
    const result = decide(payload({ observations, advisoryVerdict: 'pass' }));
    expect(result.verdict).toBe('fail');
    expect(result.reasons.map((r) => r.check)).toEqual(['remote.tools', 'report.disagreement']);
    expect(result.reasons[1]?.evidence).toEqual([
      { check: 'remote.tools', app: 'pass (high)', server: 'fail (high)' },
    ]);
    const relaxed = ServerPolicy.parse({ device: { checks: { 'remote.tools': 'report-only' } } });
    expect(decide(payload({ observations }), relaxed).reasons.map((r) => r.check)).toEqual([
      'report.disagreement',
    ]);
    const approved = ServerPolicy.parse({ device: { allowTools: ['AnyDesk'] } });
    expect(decide(payload({ observations }), approved).reasons.map((r) => r.check)).toEqual([]);
  });

  it("uses the catalogue's severity, not the one the app reports", () => {
    const checks = structuredClone(clean.checks);
    const tools = checks.checks.find((c) => c.id === 'remote.tools');
    if (!tools) throw new Error('no remote.tools');
    tools.severity = 'low';
    const result = decide(payload({ checks }));
    expect(result.checks.find((c) => c.id === 'remote.tools')?.severity).toBe('high');
    expect(result.reasons).toEqual([
      expect.objectContaining({ check: 'report.disagreement', weight: 'review' }),
    ]);
  });

  it('accepts n/a only where the catalogue cannot check: a readable probe claimed unavailable is an error', () => {
    const result = decide(payload({ observations: withReading('usb', { state: 'unavailable' }) }));
    expect(result.checks.find((c) => c.id === 'usb.ipkvm')).toMatchObject({ status: 'error' });
    expect(result.verdict).toBe('review');
    const missing = { ...clean.observations, probes: { ...clean.observations.probes, usb: undefined } };
    expect(decide(payload({ observations: missing })).checks.find((c) => c.id === 'usb.ipkvm')?.status).toBe(
      'error',
    );
  });

  it('reviews an app run from source unless the server is a demo; the headless command is always from source', () => {
    const fromApp = decide(payload(), defaultServerPolicy, null, 'app');
    expect(fromApp.reasons.map((r) => r.check)).toEqual(['app.integrity']);
    expect(decide(payload()).reasons).toEqual([]);
  });

  it('fails another serial than expected; reviews drift in stable claims only', () => {
    expect(decide(payload(), defaultServerPolicy, 'OTHER-SERIAL').verdict).toBe('fail');
    const drifted = identityOf('PF-SWAPPED');
    expect(decide(payload({ identity: drifted })).reasons.map((r) => r.check)).toEqual(['identity.drift']);
    const newDock = identityOf();
    newDock.claims.macs = { value: ['8c:17:59:3e:a2:01', 'c8:4b:d6:22:10:9f'], source: 'test' };
    expect(decide(payload({ identity: newDock })).verdict).toBe('pass');
  });

  it('needs face and liveness for onboarding (not for a device check), and verifies frames off the request path', () => {
    expect(decide(payload()).reasons).toEqual([]);
    expect(decide(payload({ kind: 'onboarding' })).reasons.map((r) => r.check)).toEqual([
      'face.match',
      'face.liveness',
    ]);
    const withFace = decide(
      payload({
        kind: 'onboarding',
        face: {
          camera: { label: 'cam', id: '1' },
          backend: 'wasm',
          frames: ['AAAA'],
          match: { distance: 0.1, threshold: 0.45, decision: 'match' },
          humanCheckRequested: false,
        },
        liveness: { passed: true, challenges: [], trace: [] },
      }),
    );
    expect(withFace).toMatchObject({ verdict: 'pass', reasons: [], faceToVerify: true });
  });

  it('reviews suspect input cadence', () => {
    const result = decide(
      payload({ input: { decision: 'suspect', score: 0.9, features: {}, humanCheckRequested: false } }),
    );
    expect(result.reasons).toEqual([expect.objectContaining({ check: 'input.cadence', weight: 'review' })]);
  });

  it("reviews a hire's request for a person instead of the timed tasks, so HR arranges it", () => {
    const result = decide(
      payload({
        input: { decision: 'insufficient-data', score: 0, features: {}, humanCheckRequested: true },
      }),
    );
    expect(result.verdict).toBe('review');
    expect(result.reasons.map((r) => r.check)).toEqual(['input.cadence']);
    expect(result.reasons[0]?.message).toMatch(/asked for a person/);
  });
});

describe('re-attestation schedule', () => {
  const from = new Date('2026-11-25T00:00:00Z');
  it('is due after the cadence, or earlier on a spot check', () => {
    expect(nextDueAt(from, 7, 0, () => 0.5).toISOString()).toBe('2026-12-02T00:00:00.000Z');
    const rolls = [0.9, 0.9, 0.01];
    expect(nextDueAt(from, 7, 0.02, () => rolls.shift() ?? 1).toISOString()).toBe('2026-11-28T00:00:00.000Z');
  });
});
