import { generateKeyPairSync } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { buildReport } from '../../main/attest/build-report';
import type { ChecksReport } from '../../main/contract/checks';
import type { Identity, IdentityClaims } from '../../main/contract/identity';
import type { ReportPayload } from '../../main/contract/report';
import { fingerprintOf } from '../../main/identity/fingerprint';
import { signReport } from '../../main/identity/sign-report';
import { softwareSigner } from '../../main/identity/software-signer';
import { defaultServerPolicy } from '../../server/server-policy';
import { api } from './hr-service';

const claims = (serial: string): IdentityClaims => {
  const values: Record<string, string | number | boolean | string[] | null> = {
    machineId: 'a'.repeat(64),
    serial,
    productUuid: '8f3c2a10-51d2-11b2-a85c-c2b7a0e4f912',
    vendor: 'LENOVO',
    model: '20XW0055UK ThinkPad X1 Carbon Gen 9',
    board: 'LENOVO 20XW0055UK',
    disks: ['nvme0n1: SAMSUNG (S64)'],
    macs: ['8c:17:59:3e:a2:01'],
    cpuModel: 'i7',
    memoryBytes: 16 * 2 ** 30,
    tpm: 'TPM 2.0',
  };
  return Object.fromEntries(
    Object.entries(values).map(([k, value]) => [k, { value, source: 'test' }]),
  ) as IdentityClaims;
};

export function identityOf(serial = 'PF2XK7LM'): Identity {
  const c = claims(serial);
  return { schema: 'hireproof.identity/v1', platform: 'linux', claims: c, fingerprint: fingerprintOf(c) };
}

export const cleanChecks = (ids: string[]): ChecksReport => ({
  schema: 'hireproof.checks/v1',
  verdict: 'pass',
  platform: 'linux',
  durationMs: 40,
  checks: ids.map((id) => ({
    id,
    title: id,
    status: 'pass',
    severity: 'high',
    summary: 'ok',
    evidence: [],
    remediation: '',
    durationMs: 1,
  })),
});

export const REQUIRED = defaultServerPolicy.requiredChecks;

/** An enrolled device driven from the test itself: it signs whatever report a test needs. */
export async function enrolDevice(base: string, photo = 'test/fixtures/faces/obama/1.jpg') {
  const hire = await api(base, 'POST', '/v1/hires', {
    name: 'Test Hire',
    email: 'hire@example.com',
    idPhoto: (await readFile(photo)).toString('base64'),
  });
  if (hire.status !== 201) throw new Error(`hire not created: ${JSON.stringify(hire.json)}`);
  const signer = await softwareSigner(generateKeyPairSync('ed25519').privateKey);
  const identity = identityOf();
  const enrolled = await api(base, 'POST', '/v1/enrolments', {
    code: hire.json.code,
    publicKey: signer.publicJwk,
    identity,
  });
  if (enrolled.status !== 201) throw new Error(`not enrolled: ${JSON.stringify(enrolled.json)}`);
  const deviceId = String(enrolled.json.deviceId);
  return {
    hireId: String(hire.json.id),
    deviceId,
    signer,
    async nonce(): Promise<string> {
      return String((await api(base, 'POST', '/v1/challenges', { deviceId })).json.nonce);
    },
    async report(overrides: Partial<ReportPayload> = {}): Promise<{ payload: ReportPayload; jws: string }> {
      const payload = {
        ...buildReport({
          deviceId,
          nonce: await this.nonce(),
          appVersion: '0.1.0',
          kind: 'cli',
          identity,
          checks: cleanChecks(REQUIRED),
        }),
        ...overrides,
      };
      return { payload, jws: await signReport(payload, signer) };
    },
    post: (jws: string) => api(base, 'POST', '/v1/reports', jws, { 'content-type': 'application/jose' }),
  };
}
