import { z } from 'zod';

/**
 * How a device proves itself on every device endpoint but `/v1/reports` (whose body is already a
 * JWS bound to a server nonce): `Authorization: HireProof-Device <compact JWS>`, signed with the
 * device key over the method, the path, the time, a one-time id and the body's hash, so knowing a
 * device id is not enough to take its challenges or read its schedule, and a request cannot be replayed.
 */
export const DEVICE_AUTH_SCHEME = 'HireProof-Device';
export const DEVICE_REQUEST_JWS_TYPE = 'hireproof.request+jws';
/** A signed request is accepted this long either side of the server's clock. */
export const DEVICE_REQUEST_MAX_SKEW_S = 300;

export const DeviceRequestClaims = z
  .object({
    method: z.string().min(1).max(10),
    /** Path and query as sent. */
    path: z.string().min(1).max(512),
    /** Seconds since the epoch. */
    iat: z.number().int(),
    jti: z.string().regex(/^[A-Za-z0-9_-]{22,64}$/),
    /** SHA-256 of the body (hex); of the empty string when there is none. */
    bodySha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type DeviceRequestClaims = z.infer<typeof DeviceRequestClaims>;
