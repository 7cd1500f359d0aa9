import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { hrApi } from '../../main/contract/hr-api';
import { audit } from '../audit/audit';
import type { ServerContext } from '../context';
import { ApiFailure } from '../http/api-failure';
import { requireAdmin, SESSION_COOKIE, validToken } from './admin-auth';
import { hashSecret, newSecret } from './secrets';

const SESSION_HOURS = 8;

/** Dashboard sign-in with an HR API token; the browser then holds only an httpOnly session cookie. */
export function sessionRoutes(app: FastifyInstance, context: ServerContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { signIn, session: sessionRoute, signOut } = hrApi;
  api.post(
    signIn.path,
    {
      schema: { body: signIn.body, response: { 200: signIn.response } },
    },
    async (request, reply) => {
      const token = await validToken(context.db, request.body.token);
      if (!token) throw new ApiFailure(401, 'auth.invalid-token', 'the API token is not valid');
      request.proven = true;
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
        hire: null,
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
  api.get(sessionRoute.path, { schema: { response: { 200: sessionRoute.response } } }, async (request) => ({
    actor: await requireAdmin(context.db, request, context.now()),
  }));
  api.delete(signOut.path, { schema: { response: { 200: signOut.response } } }, async (request, reply) => {
    const session = request.cookies[SESSION_COOKIE];
    if (session) await context.db.deleteFrom('sessions').where('id_hash', '=', hashSecret(session)).execute();
    return reply.clearCookie(SESSION_COOKIE, { path: '/' }).send({ signedOut: true as const });
  });
}
