import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { hrApi } from '../../main/contract/hr-api';
import { audit } from '../audit/audit';
import type { ServerContext } from '../context';
import { ApiFailure } from '../http/api-failure';
import { SESSION_COOKIE, validToken } from './admin-auth';
import { openSession } from './dashboard-session';
import { hashSecret } from './secrets';

/** Dashboard sign-in with an HR API token, who is signed in, and signing out (of the provider too). */
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
      const opened = await openSession(context, request, reply, {
        kind: 'token',
        tokenId: token.id,
        name: token.name,
      });
      return reply.send({ ...opened, role: token.role, emailsHires: context.mail !== null });
    },
  );
  /** Who is signed in and as what (the dashboard asks on load); 401 when no one is. */
  api.get(sessionRoute.path, { schema: { response: { 200: sessionRoute.response } } }, (request) => {
    if (!request.hrAccess) throw new Error('the session route has no line in hr-roles');
    return { ...request.hrAccess, emailsHires: context.mail !== null };
  });
  /**
   * Ends the session here; a session opened through the provider is answered with the provider's
   * end-session page, where the browser goes next to end the sign-in there too.
   */
  api.delete(signOut.path, { schema: { response: { 200: signOut.response } } }, async (request, reply) => {
    const session = request.cookies[SESSION_COOKIE];
    const ended = session
      ? await context.db
          .deleteFrom('sessions')
          .where('id_hash', '=', hashSecret(session))
          .returning(['actor', 'id_token', 'person'])
          .executeTakeFirst()
      : undefined;
    if (ended)
      await audit(context.db, {
        actor: ended.actor,
        action: 'session.end',
        target: '*',
        hire: null,
        at: context.now(),
      });
    const logoutUrl =
      ended?.person && context.oidc ? await context.oidc.signOutUrl(ended.id_token, context.now()) : null;
    return reply
      .clearCookie(SESSION_COOKIE, { path: '/' })
      .send({ signedOut: true as const, ...(logoutUrl ? { logoutUrl: logoutUrl.href } : {}) });
  });
}
