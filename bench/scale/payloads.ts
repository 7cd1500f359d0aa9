import { readFileSync } from 'node:fs';
import { buildReport } from '../../main/attest/build-report';
import { observeDevice } from '../../main/attest/observe-device';
import { sourceRuntime } from '../../main/cli/source-runtime';
import { drawChallenges, LivenessSession, type LivenessFrame } from '../../main/contract/liveness';
import { defaultPolicy } from '../../main/contract/policy';
import type { ReportPayload } from '../../main/contract/report';
import { sysrootHost } from '../../main/probes/host';
import { probesFor } from '../../main/probes/registry';
import { decideVerdict } from '../../server/reports/decide-verdict';
import { defaultServerPolicy } from '../../server/server-policy';

/**
 * What the product really sends and stores: the clean laptop's observations read by the real
 * probes, and for a re-attestation the hire's consent, input features and a liveness trace made
 * by the real liveness session from a recorded clip (frames are sealed apart and not in it).
 */
export async function realReports() {
  const root = new URL('../../test/fixtures/sysroots/laptop', import.meta.url).pathname;
  const observed = await observeDevice(sysrootHost(root), probesFor(sourceRuntime()), defaultPolicy);
  const clip = JSON.parse(
    readFileSync(new URL('../../test/fixtures/liveness/video_01-landmarks.json', import.meta.url), 'utf8'),
  ) as { fps: number; people: { t: number; faces: number; landmarks: [number, number][] | null }[][] };
  const session = new LivenessSession(drawChallenges(() => 0.3));
  // The clip twice over: about ten seconds at the camera step's frame rate.
  const person = clip.people[0] ?? [];
  const span = (person.at(-1)?.t ?? 0) + 1000 / clip.fps;
  for (const round of [0, 1])
    for (const frame of person) {
      const seen: LivenessFrame = {
        t: frame.t + round * span,
        faces: frame.faces,
        landmarks: frame.landmarks?.map(([x, y]) => ({ x, y })) ?? null,
      };
      session.observe(seen);
    }
  const evidence = {
    consent: { version: '2027-01', acceptedAt: new Date().toISOString(), biometric: true },
    input: {
      decision: 'local' as const,
      score: 0.12,
      features: Object.fromEntries(
        [
          'dwellMedian',
          'dwellIqr',
          'flightMedian',
          'flightIqr',
          'reactionMedian',
          'pointerRate',
          'pathStraightness',
        ].map((name, i) => [name, 40 + i * 13.7]),
      ),
      humanCheckRequested: false,
    },
    face: {
      camera: { label: 'Integrated Camera (04f2:b6ea)', id: 'a1b2c3' },
      backend: 'wasm',
      frames: [],
      match: { distance: 0.38, threshold: 0.53, decision: 'match' as const },
      humanCheckRequested: false,
    },
    liveness: {
      passed: true,
      challenges: drawChallenges(() => 0.3).map((kind) => ({ kind, passed: true, ms: 900 })),
      trace: [...session.trace],
    },
  };
  const report = (kind: ReportPayload['kind'], ids: { deviceId: string; nonce: string; issuedAt?: Date }) =>
    buildReport({
      ...ids,
      appVersion: '0.1.0',
      kind,
      identity: observed.identity,
      observations: observed.observations,
      checks: observed.checks,
      ...(kind === 'device-check' ? {} : evidence),
    });
  /** The payload as the server stores it: what the device signed, frames apart, and the server's checks. */
  const stored = (payload: ReportPayload) =>
    JSON.stringify({
      ...payload,
      serverChecks: decideVerdict({
        payload,
        client: 'app',
        enrolledIdentity: observed.identity.claims,
        expectedSerial: null,
        hasReferenceFace: true,
        biometricWithdrawn: false,
        policy: defaultServerPolicy,
        demo: true,
      }).checks,
    });
  const templates = {
    withFace: stored(report('reattestation', { deviceId: 'DEVICE-ID', nonce: 'N'.repeat(43) })),
    deviceOnly: stored(report('device-check', { deviceId: 'DEVICE-ID', nonce: 'N'.repeat(43) })),
  };
  return {
    identity: observed.identity,
    /** A report as stored, with its ids filled in: what the seeded reports hold. */
    stored: (r: { reportId: string; deviceId: string; kind: string; issuedAt: string }) =>
      (r.kind === 'device-check' ? templates.deviceOnly : templates.withFace)
        .replace(/"reportId":"[^"]+"/, `"reportId":"${r.reportId}"`)
        .replace('DEVICE-ID', r.deviceId)
        .replace(/"kind":"[^"]+"/, `"kind":"${r.kind}"`)
        .replace(/"issuedAt":"[^"]+"/, `"issuedAt":"${r.issuedAt}"`),
    storedBytes: { withFace: templates.withFace.length, deviceOnly: templates.deviceOnly.length },
    /** A device check as the app or the headless command sends it: what intake is measured with. */
    deviceCheck: (deviceId: string, nonce: string) => report('device-check', { deviceId, nonce }),
  };
}
