import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context';
import { ApiFailure } from '../http/api-failure';
import { addressKey } from './client-address';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set once the request proved who sent it: a device's signature, an HR token or session. */
    proven: boolean;
    /** Its address had used up its allowance of unproven requests this minute when it arrived. */
    addressOver: boolean;
  }
}

/**
 * Routes that never prove a sender (a code, a token or a provider's answer is what they check):
 * refused early once over. Starting a provider sign-in stores an attempt, so it is one of them.
 */
const UNPROVABLE = new Set([
  'POST /v1/enrolments',
  'POST /v1/session',
  'GET /v1/session/oidc',
  'GET /v1/session/oidc/callback',
]);

export const tooMany = (retryAfterS: number) =>
  new ApiFailure(429, 'rate-limited', `too many requests; retry in ${retryAfterS} s`, {
    'retry-after': String(retryAfterS),
  });

/**
 * Who pays for a request: the verified device that signed it (its own per-minute allowance, which
 * no one else can spend), or, until a request proves its sender, the client's address. A request
 * that proves itself is never refused for its address; one that does not is counted against it
 * and refused once the address is over its allowance. Never a string the client picks.
 */
export function installRequestLimits(app: FastifyInstance, context: ServerContext): void {
  app.decorateRequest('proven', false);
  app.decorateRequest('addressOver', false);
  const { limiter, limits } = context;
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (!request.url.startsWith('/v1/')) return;
    request.addressOver = await limiter.over(addressKey(request.ip), limits.addressPerMinute);
    if (request.addressOver && UNPROVABLE.has(`${request.method} ${request.routeOptions.url ?? ''}`))
      throw tooMany(60);
  });
  app.addHook('onResponse', async (request: FastifyRequest, _reply: FastifyReply) => {
    if (request.url.startsWith('/v1/') && !request.proven)
      await limiter.take(addressKey(request.ip), limits.addressPerMinute);
  });
}

/** A verified device's request: counted against that device (and refused past its allowance). */
export async function chargeDevice(request: FastifyRequest, context: ServerContext, deviceId: string) {
  request.proven = true;
  const { allowed, retryAfterS } = await context.limiter.take(
    `device:${deviceId}`,
    context.limits.devicePerMinute,
  );
  if (!allowed) throw tooMany(retryAfterS);
}
