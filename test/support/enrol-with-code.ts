import { generateKeyPairSync } from 'node:crypto';
import { deviceAuthorization } from '../../main/identity/sign-request';
import { softwareSigner } from '../../main/identity/software-signer';
import { identityOf } from './device-under-test';
import { api } from './hr-service';

/** Enrols a fresh device key with `code` as the app (or CLI) does: the answer, and signed requests for the device. */
export async function enrolWithCode(base: string, code: string, client: 'app' | 'cli' = 'app') {
  const signer = await softwareSigner(generateKeyPairSync('ed25519').privateKey);
  const answer = await api(base, 'POST', '/v1/enrolments', {
    code,
    publicKey: signer.publicJwk,
    client,
    identity: identityOf(),
    observedFrom: 'live',
  });
  const signed = async (method: string, path: string, body?: unknown) =>
    api(base, method, path, body, {
      authorization: await deviceAuthorization(signer, {
        method,
        path,
        body: body === undefined ? '' : JSON.stringify(body),
      }),
    });
  return { answer, deviceId: String(answer.json.deviceId), signed };
}
