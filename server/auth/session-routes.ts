import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { audit } from '../audit/audit';
import type { ServerContext } from '../context';
import { ApiFailure } from '../http/api-failure';
import { requireAdmin, SESSION_COOKIE, validToken } from './admin-auth';
import { hashSecret, newSecret } from './secrets';

const SESSION_HOURS = 8;

/** Dashboard sign-in with an HR API token; the browser then holds only an httpOnly session cookie. */
export function sessionRoutes(app: FastifyInstance, context: ServerContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/v1/session',
    {
      schema: { body: z.object({ token: z.string().min(1).max(200) }).strict() },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const token = await validToken(context.db, request.body.token);
      if (!token) throw new ApiFailure(401, 'auth.invalid-token', 'the API token is not valid');
      const session = newSecret('hps');
      const now = context.now();
      const expires = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
      await context.db
        .insertInto('sessions')
        .values({
          id_hash: hashSecret(session),
          actor: `session:${token.name}`,
          created_at: now.toISOString(),
          expires_at: expires.toISOString(),
          token_id: token.id,
        })
        .execute();
      await audit(context.db, {
        actor: `session:${token.name}`,
        action: 'session.start',
        target: '*',
        at: now,
      });
      return reply
        .setCookie(SESSION_COOKIE, session, {
          httpOnly: true,
          sameSite: 'strict',
          secure: request.protocol === 'https',
          path: '/',
          expires,
        })
        .send({ actor: `session:${token.name}`, expiresAt: expires.toISOString() });
    },
  );
  /** Who is signed in (the dashboard asks on load); 401 when no one is. */
  api.get('/v1/session', async (request) => ({
    actor: await requireAdmin(context.db, request, context.now()),
  }));
  api.delete('/v1/session', async (request, reply) => {
    const session = request.cookies[SESSION_COOKIE];
    if (session) await context.db.deleteFrom('sessions').where('id_hash', '=', hashSecret(session)).execute();
    return reply.clearCookie(SESSION_COOKIE, { path: '/' }).send({ signedOut: true });
  });
}
