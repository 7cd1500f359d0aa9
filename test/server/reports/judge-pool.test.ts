import { generateKeyPairSync } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../../main/attest/build-report';
import { signReport } from '../../../main/identity/sign-report';
import { softwareSigner } from '../../../main/identity/software-signer';
import { judgePool } from '../../../server/reports/judge-pool';
import { judgeReport, type JudgeInput } from '../../../server/reports/judge-report';
import { defaultServerPolicy } from '../../../server/server-policy';
import { cleanObservation, identityOf } from '../../support/device-under-test';

/** Reports are judged in worker threads exactly as in-process: the same verdicts, checks and refusals. */
describe('the judge pool', () => {
  const pool = judgePool(defaultServerPolicy, true, 2);
  afterAll(() => pool.close());

  it('judges in its workers as the server would in-process, report after report', async () => {
    const signer = await softwareSigner(generateKeyPairSync('ed25519').privateKey);
    const observed = await cleanObservation();
    const identity = identityOf();
    const device = {
      id: 'device-1',
      publicJwk: JSON.stringify(signer.publicJwk),
      client: 'cli' as const,
      identity: JSON.stringify(identity.claims),
      expectedSerial: null,
      hasReferenceFace: false,
      biometricWithdrawn: false,
    };
    const now = new Date();
    const inputs: JudgeInput[] = [];
    for (let i = 0; i < 6; i++) {
      const payload = buildReport({
        deviceId: device.id,
        nonce: `nonce-${i}-${'x'.repeat(20)}`,
        appVersion: '0.1.0',
        kind: 'device-check',
        identity,
        observations: observed.observations,
        checks: observed.checks,
      });
      inputs.push({
        jws: await signReport(payload, signer),
        device,
        now: now.toISOString(),
        reportAddress: '127.0.0.1',
      });
    }
    const [h, p, s] = inputs[0]!.jws.split('.') as [string, string, string];
    inputs.push({ ...inputs[0]!, jws: `${h}.${p}.${s.startsWith('A') ? 'B' : 'A'}${s.slice(1)}` });
    inputs.push({ ...inputs[0]!, device: null });
    inputs.push({ ...inputs[0]!, jws: 'not a jws' });

    const pooled = await Promise.all(inputs.map((input) => pool.judge(input)));
    const inline = await Promise.all(inputs.map((input) => judgeReport(input, defaultServerPolicy, true)));
    expect(pooled).toEqual(inline);
    expect(pooled.slice(0, 6).map((j) => j.ok && j.decision.verdict)).toEqual(Array<string>(6).fill('pass'));
    expect(pooled.slice(6).map((j) => !j.ok && j.code)).toEqual([
      'report.bad-signature',
      'report.unknown-key',
      'report.malformed',
    ]);
  });
});
