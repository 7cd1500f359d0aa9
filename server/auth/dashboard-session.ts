import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../main/contract/hr-api';
import { audit } from '../audit/audit';
import type { ServerContext } from '../context';
import { SESSION_COOKIE } from './admin-auth';
import { hashSecret, newSecret } from './secrets';

const SESSION_HOURS = 8;

/** What a dashboard session is opened with: an API token, or a person the provider vouched for. */
export type SessionOrigin =
  | { kind: 'token'; tokenId: string; name: string }
  | { kind: 'person'; email: string; role: Role; idToken: string; detail: Record<string, unknown> };

/**
 * Opens a dashboard session: the browser holds only an httpOnly cookie, the database its hash.
 * Audited with who opened it. Answers the session's actor and end.
 */
export async function openSession(
  context: ServerContext,
  request: FastifyRequest,
  reply: FastifyReply,
  origin: SessionOrigin,
): Promise<{ actor: string; expiresAt: string }> {
  const session = newSecret('hps');
  const now = context.now();
  const expires = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  const actor = origin.kind === 'token' ? `session:${origin.name}` : `person:${origin.email}`;
  await context.db
    .insertInto('sessions')
    .values({
      id_hash: hashSecret(session),
      actor,
      created_at: now.toISOString(),
      expires_at: expires.toISOString(),
      token_id: origin.kind === 'token' ? origin.tokenId : null,
      role: origin.kind === 'person' ? origin.role : null,
      person: origin.kind === 'person' ? origin.email : null,
      id_token: origin.kind === 'person' ? origin.idToken : null,
    })
    .execute();
  await audit(context.db, {
    actor,
    action: 'session.start',
    target: '*',
    hire: null,
    detail: origin.kind === 'person' ? { role: origin.role, ...origin.detail } : {},
    at: now,
  });
  reply.setCookie(SESSION_COOKIE, session, {
    httpOnly: true,
    // Strict even after a provider's sign-in: the cookie is set on its cross-site return, and
    // sent on the dashboard's own requests, which come from the dashboard's page.
    sameSite: 'strict',
    secure: request.protocol === 'https',
    path: '/',
    expires,
  });
  return { actor, expiresAt: expires.toISOString() };
}
