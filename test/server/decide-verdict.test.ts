import { describe, expect, it } from 'vitest';
import { buildReport } from '../../main/attest/build-report';
import type { ReportPayload } from '../../main/contract/report';
import { nextDueAt } from '../../server/devices/schedule';
import { decideVerdict } from '../../server/reports/decide-verdict';
import { defaultServerPolicy, ServerPolicy } from '../../server/server-policy';
import { cleanChecks, identityOf, REQUIRED } from '../support/device-under-test';

const payload = (overrides: Partial<ReportPayload> = {}): ReportPayload => ({
  ...buildReport({
    deviceId: 'd',
    nonce: 'n'.repeat(32),
    appVersion: '0.1.0',
    kind: 'cli',
    identity: identityOf(),
    checks: cleanChecks(REQUIRED),
  }),
  ...overrides,
});
const decide = (p: ReportPayload, policy = defaultServerPolicy, expectedSerial: string | null = null) =>
  decideVerdict({
    payload: p,
    enrolledIdentity: identityOf().claims,
    expectedSerial,
    hasReferenceFace: true,
    policy,
  });

describe("the server's verdict", () => {
  it('passes a clean CLI report', () => {
    expect(decide(payload())).toEqual({ verdict: 'pass', reasons: [], faceToVerify: false });
  });

  it("ignores the app's verdict and report-only flags: its own policy decides", () => {
    const checks = cleanChecks(REQUIRED);
    checks.checks[0] = {
      ...checks.checks[0]!,
      status: 'fail',
      severity: 'high',
      summary: 'AnyDesk running',
      reportOnly: true,
    };
    const result = decide(payload({ checks, advisoryVerdict: 'pass' }));
    expect(result.verdict).toBe('fail');
    const relaxed = ServerPolicy.parse({ device: { checks: { 'remote.tools': 'report-only' } } });
    expect(decide(payload({ checks }), relaxed).verdict).toBe('pass');
  });

  it('asks for review when a required check is missing (an old or altered app)', () => {
    const result = decide(payload({ checks: cleanChecks(REQUIRED.filter((id) => id !== 'usb.ipkvm')) }));
    expect(result.verdict).toBe('review');
    expect(result.reasons.map((r) => [r.check, r.message])).toEqual([
      ['usb.ipkvm', 'missing from the report (an old or altered app)'],
    ]);
  });

  it('fails another serial than expected; reviews drift in stable claims only', () => {
    expect(decide(payload(), defaultServerPolicy, 'OTHER-SERIAL').verdict).toBe('fail');
    const drifted = identityOf('PF-SWAPPED');
    expect(decide(payload({ identity: drifted })).reasons.map((r) => r.check)).toEqual(['identity.drift']);
    const newDock = identityOf();
    newDock.claims.macs = { value: ['8c:17:59:3e:a2:01', 'c8:4b:d6:22:10:9f'], source: 'test' };
    expect(decide(payload({ identity: newDock })).verdict).toBe('pass');
  });

  it('needs face and liveness for onboarding, and verifies frames off the request path', () => {
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
    expect(withFace).toEqual({ verdict: 'pass', reasons: [], faceToVerify: true });
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
