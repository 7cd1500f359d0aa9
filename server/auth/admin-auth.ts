import type {} from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { ApiFailure } from '../http/api-failure';
import { hashSecret, newSecret } from './secrets';

export const SESSION_COOKIE = 'hireproof_session';

/** Who is acting: an API token's name or a dashboard session's. Written to the audit log. */
export type Actor = string;

export async function createAdminToken(db: Kysely<Database>, name: string, now: Date): Promise<string> {
  const token = newSecret('hp');
  await db
    .insertInto('admin_tokens')
    .values({ id: crypto.randomUUID(), name, token_hash: hashSecret(token), created_at: now.toISOString() })
    .execute();
  return token;
}

/** HIREPROOF_ADMIN_TOKEN: automation's token, registered (hashed) at start. */
export async function registerBootstrapToken(db: Kysely<Database>, token: string, now: Date): Promise<void> {
  if (token.length < 24) throw new Error('HIREPROOF_ADMIN_TOKEN must be at least 24 characters');
  const hash = hashSecret(token);
  const existing = await db
    .selectFrom('admin_tokens')
    .select('id')
    .where('token_hash', '=', hash)
    .executeTakeFirst();
  if (!existing) {
    await db
      .insertInto('admin_tokens')
      .values({ id: crypto.randomUUID(), name: 'bootstrap', token_hash: hash, created_at: now.toISOString() })
      .execute();
  }
}

/** HR access: `Authorization: Bearer hp_…` or the dashboard's session cookie. */
export async function requireAdmin(db: Kysely<Database>, request: FastifyRequest, now: Date): Promise<Actor> {
  const bearer = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (bearer) {
    const token = await db
      .selectFrom('admin_tokens')
      .select('name')
      .where('token_hash', '=', hashSecret(bearer))
      .executeTakeFirst();
    if (token) {
      request.proven = true;
      return `token:${token.name}`;
    }
    throw new ApiFailure(401, 'auth.invalid-token', 'the API token is not valid');
  }
  const session = request.cookies[SESSION_COOKIE];
  if (session) {
    const row = await db
      .selectFrom('sessions')
      .select(['actor', 'expires_at'])
      .where('id_hash', '=', hashSecret(session))
      .executeTakeFirst();
    if (row && row.expires_at > now.toISOString()) {
      request.proven = true;
      return row.actor;
    }
    throw new ApiFailure(401, 'auth.session-expired', 'the session has expired; sign in again');
  }
  throw new ApiFailure(401, 'auth.required', 'HR access needs an API token or a dashboard session');
}
