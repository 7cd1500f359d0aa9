import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import {
  DEVICE_AUTH_SCHEME,
  DEVICE_REQUEST_JWS_TYPE,
  DEVICE_REQUEST_MAX_SKEW_S,
  DeviceRequestClaims,
} from '../../main/contract/device-request';
import type { ServerContext } from '../context';
import { columns } from '../db/codecs';
import { ApiFailure } from '../http/api-failure';
import { chargeDevice } from '../http/request-limits';

export interface AuthenticatedDevice {
  id: string;
  hireId: string;
  client: 'app' | 'cli';
  nextDueAt: string;
}

const refuse = (code: string, message: string) => new ApiFailure(401, code, message);

/**
 * The enrolled device that signed this request, or a 401 naming what is wrong. The signature
 * covers method, path, time, a one-time id (stored, so a copied header cannot be replayed) and
 * the body (as JSON text: what the client sent is what `JSON.stringify` gives of the parsed body).
 */
export async function authenticateDevice(
  request: FastifyRequest,
  context: ServerContext,
): Promise<AuthenticatedDevice> {
  const header = request.headers.authorization ?? '';
  const [scheme, jws] = header.split(' ');
  if (scheme !== DEVICE_AUTH_SCHEME || !jws)
    throw refuse(
      'device.unsigned-request',
      `sign the request with the device key (Authorization: ${DEVICE_AUTH_SCHEME} …); an older HireProof must be updated`,
    );
  let kid: unknown;
  try {
    const protectedHeader = decodeProtectedHeader(jws);
    if (protectedHeader.alg !== 'EdDSA' || protectedHeader.typ !== DEVICE_REQUEST_JWS_TYPE)
      throw new Error('wrong alg or typ');
    kid = protectedHeader.kid;
  } catch {
    throw refuse(
      'device.bad-request-signature',
      `the ${DEVICE_AUTH_SCHEME} header is not a device request JWS`,
    );
  }
  const device =
    typeof kid === 'string'
      ? await context.db
          .selectFrom('devices')
          .select(['id', 'hire_id', 'client', 'next_due_at', 'public_jwk', 'revoked_at'])
          .where('key_thumbprint', '=', kid)
          .executeTakeFirst()
      : undefined;
  if (!device) throw refuse('device.unknown-key', 'no enrolled device has the key that signed this request');
  if (device.revoked_at) {
    const hire = await context.db
      .selectFrom('hires')
      .select('offboarded_at')
      .where('id', '=', device.hire_id)
      .executeTakeFirst();
    // The app tells a hire who left that there is nothing more to report, not to enrol again.
    if (hire?.offboarded_at)
      throw new ApiFailure(
        410,
        'hire.offboarded',
        'HR offboarded this hire: the device has nothing to report',
      );
    throw refuse(
      'device.revoked',
      'HR revoked this device (the laptop was replaced): enrol the new one with the code from HR',
    );
  }

  let claims: DeviceRequestClaims;
  try {
    const key = await importJWK(columns.devicePublicJwk.decode(device.public_jwk), 'EdDSA');
    const { payload } = await compactVerify(jws, key, { algorithms: ['EdDSA'] });
    claims = DeviceRequestClaims.parse(JSON.parse(new TextDecoder().decode(payload)));
  } catch {
    throw refuse('device.bad-request-signature', 'the request signature does not verify');
  }
  const body = request.body === undefined ? '' : JSON.stringify(request.body);
  const bodySha256 = createHash('sha256').update(body).digest('hex');
  if (claims.method !== request.method || claims.path !== request.url || claims.bodySha256 !== bodySha256)
    throw refuse('device.request-mismatch', 'the signature covers another method, path or body');
  const now = context.now();
  const skew = claims.iat - Math.floor(now.getTime() / 1000);
  if (Math.abs(skew) > DEVICE_REQUEST_MAX_SKEW_S)
    throw refuse(
      'device.request-stale',
      `the request was signed ${Math.abs(skew)} s ${skew < 0 ? 'ago' : 'ahead'}; check the device clock`,
    );
  const fresh = await context.db
    .insertInto('device_requests')
    .values({
      jti: claims.jti,
      expires_at: new Date(now.getTime() + 2 * DEVICE_REQUEST_MAX_SKEW_S * 1000).toISOString(),
    })
    .onConflict((oc) => oc.column('jti').doNothing())
    .executeTakeFirst();
  if (Number(fresh.numInsertedOrUpdatedRows ?? 0) !== 1)
    throw refuse('device.request-replayed', 'this signed request was already used');
  // Signed, fresh and not replayed: only now does the request count against the device itself.
  await chargeDevice(request, context, device.id);
  return { id: device.id, hireId: device.hire_id, client: device.client, nextDueAt: device.next_due_at };
}
