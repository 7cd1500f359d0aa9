import type { Kysely } from 'kysely';
import type { Role } from '../../main/contract/hr-api';
import { audit } from '../audit/audit';
import type { Database } from '../db/schema';
import { revokeTokens } from './admin-auth';

export interface TokenRow {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
}

/** Every HR API token by id, name and dates; a token itself is never stored, so never shown. */
export async function listAdminTokens(db: Kysely<Database>): Promise<TokenRow[]> {
  const rows = await db
    .selectFrom('admin_tokens')
    .select(['id', 'name', 'role', 'created_at', 'revoked_at'])
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  }));
}

/**
 * Revokes the token with this id, or every valid token with this name; their dashboard sessions
 * end with them. Audited as done from the server's own machine. Returns what was revoked.
 */
export async function revokeAdminToken(
  db: Kysely<Database>,
  idOrName: string,
  now: Date,
): Promise<TokenRow[]> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('admin_tokens')
      .select(['id', 'name', 'role', 'created_at'])
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('id', '=', idOrName), eb('name', '=', idOrName)]))
      .execute();
    await revokeTokens(
      trx,
      rows.map((r) => r.id),
      now,
    );
    for (const row of rows)
      await audit(trx, {
        actor: 'admin-cli',
        action: 'token.revoke',
        target: row.id,
        hire: null,
        detail: { name: row.name },
        at: now,
      });
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      role: r.role,
      createdAt: r.created_at,
      revokedAt: now.toISOString(),
    }));
  });
}
