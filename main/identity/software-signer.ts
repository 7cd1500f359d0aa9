import { createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint } from 'jose';
import type { DeviceSigner, Ed25519Jwk } from './device-signer';

/** An Ed25519 key held in this process (node:crypto). */
export async function softwareSigner(privateKey: KeyObject): Promise<DeviceSigner> {
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') {
    throw new Error('the device key is not an Ed25519 key');
  }
  const publicJwk: Ed25519Jwk = { kty: 'OKP', crv: 'Ed25519', x: jwk.x };
  return {
    publicJwk,
    thumbprint: await calculateJwkThumbprint(publicJwk, 'sha256'),
    sign: (data) => Promise.resolve(new Uint8Array(sign(null, data, privateKey))),
  };
}

export function privateKeyFromPem(pem: string): KeyObject {
  return createPrivateKey({ key: pem, format: 'pem' });
}
