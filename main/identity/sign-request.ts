import { createHash, randomBytes } from 'node:crypto';
import {
  DEVICE_AUTH_SCHEME,
  DEVICE_REQUEST_JWS_TYPE,
  type DeviceRequestClaims,
} from '../contract/device-request';
import type { DeviceSigner } from './device-signer';
import { compactJws } from './sign-report';

/** The `Authorization` header value that proves this request comes from the enrolled device. */
export async function deviceAuthorization(
  signer: DeviceSigner,
  request: { method: string; path: string; body: string },
  now: Date = new Date(),
): Promise<string> {
  const claims: DeviceRequestClaims = {
    method: request.method.toUpperCase(),
    path: request.path,
    iat: Math.floor(now.getTime() / 1000),
    jti: randomBytes(18).toString('base64url'),
    bodySha256: createHash('sha256').update(request.body).digest('hex'),
  };
  return `${DEVICE_AUTH_SCHEME} ${await compactJws(DEVICE_REQUEST_JWS_TYPE, claims, signer)}`;
}
