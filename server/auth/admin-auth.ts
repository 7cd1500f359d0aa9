import type {} from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import type { Role } from '../../main/contract/hr-api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { ApiFailure } from '../http/api-failure';
import { hashSecret, newSecret } from './secrets';

export const SESSION_COOKIE = 'hireproof_session';
/** The name HIREPROOF_ADMIN_TOKEN is registered under. */
export const BOOTSTRAP_TOKEN_NAME = 'bootstrap';

/**
 * Who is acting, as written to the audit log: `token:<name>` (an API token), `session:<name>` (a
 * dashboard session opened with one), or `person:<email>` (signed in through the OpenID provider).
 */
export type Actor = string;

/** Who is acting and what their role lets them do. */
export interface HrAccess {
  actor: Actor;
  role: Role;
}

export async function createAdminToken(
  db: Kysely<Database>,
  name: string,
  now: Date,
  role: Role = 'hr-admin',
): Promise<string> {
  const token = newSecret('hp');
  await db
    .insertInto('admin_tokens')
    .values({
      id: crypto.randomUUID(),
      name,
      token_hash: hashSecret(token),
      created_at: now.toISOString(),
      revoked_at: null,
      role,
    })
    .execute();
  return token;
}

/**
 * HIREPROOF_ADMIN_TOKEN: the token to start with, registered (hashed) at start, until HR has
 * tokens of its own (`hireproof admin token create`). A new value revokes the one before it (and
 * its sessions); a value revoked once stays revoked, however often the server restarts with it.
 */
export async function registerBootstrapToken(db: Kysely<Database>, token: string, now: Date): Promise<void> {
  if (token.length < 24) throw new Error('HIREPROOF_ADMIN_TOKEN must be at least 24 characters');
  const hash = hashSecret(token);
  await db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('admin_tokens')
      .select('id')
      .where('token_hash', '=', hash)
      .executeTakeFirst();
    if (existing) return;
    const earlier = await trx
      .selectFrom('admin_tokens')
      .select('id')
      .where('name', '=', BOOTSTRAP_TOKEN_NAME)
      .where('revoked_at', 'is', null)
      .execute();
    await revokeTokens(
      trx,
      earlier.map((t) => t.id),
      now,
    );
    await trx
      .insertInto('admin_tokens')
      .values({
        id: crypto.randomUUID(),
        name: BOOTSTRAP_TOKEN_NAME,
        token_hash: hash,
        created_at: now.toISOString(),
        revoked_at: null,
      })
      .execute();
  });
}

/** Revokes tokens and ends their dashboard sessions, at once. */
export async function revokeTokens(db: Kysely<Database>, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('admin_tokens')
    .set({ revoked_at: now.toISOString() })
    .where('id', 'in', [...ids])
    .where('revoked_at', 'is', null)
    .execute();
  await db
    .deleteFrom('sessions')
    .where('token_id', 'in', [...ids])
    .execute();
}

/** The token a secret names, if it is still valid. */
export const validToken = (db: Kysely<Database>, secret: string) =>
  db
    .selectFrom('admin_tokens')
    .select(['id', 'name', 'role'])
    .where('token_hash', '=', hashSecret(secret))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();

/**
 * HR access: `Authorization: Bearer hp_…` or the dashboard's session cookie. Both are checked
 * against the database on every request, so a revoked token (and its sessions) stops at once. A
 * token session's role is its token's; a provider session's was fixed when it was opened.
 */
export async function authenticate(
  db: Kysely<Database>,
  request: FastifyRequest,
  now: Date,
): Promise<HrAccess> {
  const bearer = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (bearer) {
    const token = await validToken(db, bearer);
    if (token) return { actor: `token:${token.name}`, role: token.role };
    throw new ApiFailure(401, 'auth.invalid-token', 'the API token is not valid');
  }
  const session = request.cookies[SESSION_COOKIE];
  if (session) {
    const row = await db
      .selectFrom('sessions')
      .leftJoin('admin_tokens', 'admin_tokens.id', 'sessions.token_id')
      .select([
        'sessions.actor',
        'sessions.expires_at',
        'sessions.token_id',
        'sessions.role',
        'admin_tokens.role as token_role',
        'admin_tokens.revoked_at',
      ])
      .where('sessions.id_hash', '=', hashSecret(session))
      .executeTakeFirst();
    const role = row?.token_id ? (row.revoked_at === null ? row.token_role : null) : row?.role;
    if (row && role && row.expires_at > now.toISOString()) return { actor: row.actor, role };
    throw new ApiFailure(401, 'auth.session-expired', 'the session has ended; sign in again');
  }
  throw new ApiFailure(401, 'auth.required', 'HR access needs an API token or a dashboard session');
}

/**
 * The actor of an HR route's request, whom the access hook (`installHrAccess`) let through. A
 * route the roles table does not cover never gets here with one: that is a programming error.
 */
export function requireAdmin(request: FastifyRequest): Actor {
  if (!request.hrAccess)
    throw new Error(`${request.routeOptions.url ?? request.url} has no line in hr-roles`);
  return request.hrAccess.actor;
}
