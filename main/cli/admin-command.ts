import { parseArgs } from 'node:util';
import { Role } from '../contract/hr-api';
import { createAdminToken } from '../../server/auth/admin-auth';
import { assignRole, listPeople } from '../../server/auth/people';
import { listAdminTokens, revokeAdminToken } from '../../server/auth/token-admin';
import { openDatabase } from '../../server/db/open-database';
import { rotatePhotoKey } from '../../server/photos/rotate-photo-key';
import { defaultDataDir } from '../data/data-dir';
import { UsageError } from './usage-error';

export const adminUsage =
  'hireproof admin token create [--name NAME] [--role ROLE] | token list | token revoke ID|NAME | role set EMAIL ROLE | role remove EMAIL | role list | photo-key rotate   [--data DIR] [--database URL] (HIREPROOF_PHOTO_KEY, HIREPROOF_NEW_PHOTO_KEY); ROLE: hr-admin, reviewer, it-helpdesk';

const roleOf = (value: string | undefined): Role => {
  const parsed = Role.safeParse(value ?? 'hr-admin');
  if (!parsed.success) throw new UsageError(`${value} is not a role: ${Role.options.join(', ')}`);
  return parsed.data;
};

/** The options every admin command takes: where the HR service keeps its data, as `serve` finds it. */
function parse(rest: string[]) {
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      data: { type: 'string' },
      database: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  return {
    name: values.name,
    role: values.role,
    positionals,
    dataDir: values.data ?? `${defaultDataDir()}-server`,
    url: values.database ?? process.env.HIREPROOF_DATABASE_URL,
  };
}

/**
 * `hireproof admin`: run on the HR service's own machine, against its database. `token create`
 * prints an HR API token once (stored only as a hash); `token list` names them (never the token);
 * `token revoke` stops one at once, its dashboard sessions too; `role` assigns people signing in
 * through the OpenID provider a role by email; `photo-key rotate` re-seals every
 * photo, frame, template and trace with a new key (stop the servers first).
 */
export async function adminCommand(args: string[]): Promise<number> {
  const [noun, verb, ...rest] = args;
  if (noun === 'token' && (verb === 'create' || verb === 'list' || verb === 'revoke')) {
    const { name, role, positionals, dataDir, url } = parse(rest);
    const { db } = await openDatabase({ dataDir, url, photoKey: process.env.HIREPROOF_PHOTO_KEY });
    try {
      if (verb === 'create')
        process.stdout.write(`${await createAdminToken(db, name ?? 'hr', new Date(), roleOf(role))}\n`);
      else if (verb === 'list')
        for (const t of await listAdminTokens(db))
          process.stdout.write(
            `${t.id}  ${t.name}  ${t.role}  created ${t.createdAt}${t.revokedAt ? `  revoked ${t.revokedAt}` : ''}\n`,
          );
      else {
        const [target] = positionals;
        if (!target) throw new UsageError('usage: hireproof admin token revoke ID|NAME');
        const revoked = await revokeAdminToken(db, target, new Date());
        if (revoked.length === 0) throw new UsageError(`no valid token has the id or name ${target}`);
        for (const t of revoked) process.stdout.write(`Revoked ${t.id} (${t.name}); its sessions ended.\n`);
      }
    } finally {
      await db.destroy();
    }
    return 0;
  }
  if (noun === 'role' && (verb === 'set' || verb === 'remove' || verb === 'list')) {
    const { positionals, dataDir, url } = parse(rest);
    const [email, role] = positionals;
    if (verb !== 'list' && !email?.includes('@'))
      throw new UsageError(`usage: hireproof admin role ${verb} EMAIL`);
    const { db } = await openDatabase({ dataDir, url, photoKey: process.env.HIREPROOF_PHOTO_KEY });
    try {
      if (verb === 'list')
        for (const p of await listPeople(db))
          process.stdout.write(`${p.email}  ${p.role}  assigned ${p.assigned_at}\n`);
      else {
        const assigned = verb === 'set' ? roleOf(role) : null;
        await assignRole(db, email!, assigned, new Date());
        process.stdout.write(
          `${email}: ${assigned ?? 'no role'} (from their next sign-in; a role from their groups wins).\n`,
        );
      }
    } finally {
      await db.destroy();
    }
    return 0;
  }
  if (noun === 'photo-key' && verb === 'rotate') {
    const { dataDir, url } = parse(rest);
    const { resealed, keyFile } = await rotatePhotoKey({
      dataDir,
      url,
      photoKey: process.env.HIREPROOF_PHOTO_KEY,
      newPhotoKey: process.env.HIREPROOF_NEW_PHOTO_KEY,
    });
    process.stdout.write(
      `Re-sealed ${resealed} values with the new photo key.\n` +
        (keyFile
          ? `${keyFile} holds the new key: back it up, and destroy every copy of the old one.\n`
          : 'Give every server HIREPROOF_PHOTO_KEY set to the new key, start them, and destroy every copy of the old one.\n'),
    );
    return 0;
  }
  throw new UsageError(`usage: ${adminUsage}`);
}
