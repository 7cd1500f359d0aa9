import type { Kysely } from 'kysely';
import type { Role } from '../../main/contract/hr-api';
import { audit } from '../audit/audit';
import type { Database } from '../db/schema';

/**
 * The roles HR assigns to people by email (the dashboard's People page, `hireproof admin role`),
 * for those the provider's groups give none. A change ends the person's sessions, so it holds from
 * their next sign-in. Audited as `actor`.
 */
export async function assignRole(
  db: Kysely<Database>,
  email: string,
  role: Role | null,
  now: Date,
  actor = 'admin-cli',
) {
  const person = email.trim().toLowerCase();
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('people').where('email', '=', person).execute();
    if (role)
      await trx
        .insertInto('people')
        .values({ email: person, role, assigned_at: now.toISOString() })
        .execute();
    await trx.deleteFrom('sessions').where('person', '=', person).execute();
    await audit(trx, {
      actor,
      action: role ? 'role.assign' : 'role.remove',
      target: person,
      hire: null,
      detail: role ? { role } : {},
      at: now,
    });
  });
  return person;
}

export const listPeople = (db: Kysely<Database>) =>
  db.selectFrom('people').select(['email', 'role', 'assigned_at']).orderBy('email').execute();
