import { generateKeyPairSync } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { buildReport } from '../../main/attest/build-report';
import { observeDevice } from '../../main/attest/observe-device';
import { sourceRuntime } from '../../main/cli/source-runtime';
import { defaultPolicy } from '../../main/contract/policy';
import { ChallengeResponse } from '../../main/contract/protocol';
import { sysrootHost } from '../../main/probes/host';
import { probesFor } from '../../main/probes/registry';
import { deviceAuthorization } from '../../main/identity/sign-request';
import { sysroot } from './sysroots';
import type { Identity, IdentityClaims } from '../../main/contract/identity';
import type { ReportPayload } from '../../main/contract/report';
import { fingerprintOf } from '../../main/identity/fingerprint';
import { signReport } from '../../main/identity/sign-report';
import { softwareSigner } from '../../main/identity/software-signer';
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

/** A clean laptop as the probes really read it: the observations every test report starts from. */
export const cleanObservation = () =>
  observeDevice(sysrootHost(sysroot('laptop')), probesFor(sourceRuntime()), defaultPolicy);

/** An enrolled device driven from the test itself: it signs whatever report a test needs. */
export async function enrolDevice(
  base: string,
  {
    photo = 'test/fixtures/faces/obama/1.jpg',
    client = 'cli',
    observedFrom = 'live',
    identity = identityOf(),
    name = 'Test Hire',
    email = 'hire@example.com',
  }: {
    photo?: string;
    client?: string;
    observedFrom?: string;
    identity?: Identity;
    name?: string;
    email?: string;
  } = {},
) {
  const hire = await api(base, 'POST', '/v1/hires', {
    name,
    email,
    idPhoto: (await readFile(photo)).toString('base64'),
  });
  if (hire.status !== 201) throw new Error(`hire not created: ${JSON.stringify(hire.json)}`);
  const signer = await softwareSigner(generateKeyPairSync('ed25519').privateKey);
  const enrolled = await api(base, 'POST', '/v1/enrolments', {
    code: hire.json.code,
    publicKey: signer.publicJwk,
    client,
    identity,
    observedFrom,
  });
  if (enrolled.status !== 201) throw new Error(`not enrolled: ${JSON.stringify(enrolled.json)}`);
  const deviceId = String(enrolled.json.deviceId);
  const observed = await cleanObservation();
  /** A request signed with the device key, as the app and the CLI send them. */
  const signed = async (method: string, path: string, body?: unknown) =>
    api(base, method, path, body, {
      authorization: await deviceAuthorization(signer, {
        method,
        path,
        body: body === undefined ? '' : JSON.stringify(body),
      }),
    });
  return {
    hireId: String(hire.json.id),
    deviceId,
    signer,
    identity,
    observed,
    signed,
    async challenge(): Promise<ChallengeResponse> {
      const answer = await signed('POST', '/v1/challenges', {});
      if (answer.status !== 201) throw new Error(`no challenge: ${JSON.stringify(answer.json)}`);
      return ChallengeResponse.parse(answer.json);
    },
    async nonce(): Promise<string> {
      return (await this.challenge()).nonce;
    },
    /**
     * A report on the terms of a fresh challenge, with the clean observations, then `overrides`
     * (or what `overrides` makes of the challenge: the movements it asks for, say).
     */
    async report(
      overrides:
        Partial<ReportPayload> | ((challenge: ChallengeResponse) => Promise<Partial<ReportPayload>>) = {},
    ): Promise<{ payload: ReportPayload; jws: string }> {
      const challenge = await this.challenge();
      const extra = typeof overrides === 'function' ? await overrides(challenge) : overrides;
      const payload = {
        ...buildReport({
          deviceId,
          nonce: challenge.nonce,
          appVersion: '0.1.0',
          kind: challenge.kind,
          identity,
          observations: observed.observations,
          checks: observed.checks,
        }),
        ...extra,
      };
      return { payload, jws: await signReport(payload, signer) };
    },
    post: (jws: string) => api(base, 'POST', '/v1/reports', jws, { 'content-type': 'application/jose' }),
    /** Sends a report from another loopback address (127.0.0.0/8), as a device elsewhere would. */
    postFrom: (localAddress: string, jws: string) => postFrom(base, localAddress, jws),
  };
}

/** POSTs a report over a socket bound to `localAddress`: the server sees that client address. */
function postFrom(
  base: string,
  localAddress: string,
  jws: string,
): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      new URL('/v1/reports', base),
      { method: 'POST', localAddress, headers: { 'content-type': 'application/jose' } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, json: JSON.parse(text) as Record<string, unknown> }),
        );
      },
    );
    request.on('error', reject);
    request.end(jws);
  });
}
