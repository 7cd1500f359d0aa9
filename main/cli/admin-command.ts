import { parseArgs } from 'node:util';
import { createAdminToken } from '../../server/auth/admin-auth';
import { listAdminTokens, revokeAdminToken } from '../../server/auth/token-admin';
import { openDatabase } from '../../server/db/open-database';
import { rotatePhotoKey } from '../../server/photos/rotate-photo-key';
import { defaultDataDir } from '../data/data-dir';
import { UsageError } from './usage-error';

export const adminUsage =
  'hireproof admin token create [--name NAME] | token list | token revoke ID|NAME | photo-key rotate   [--data DIR] [--database URL] (HIREPROOF_PHOTO_KEY, HIREPROOF_NEW_PHOTO_KEY)';

/** The options every admin command takes: where the HR service keeps its data, as `serve` finds it. */
function parse(rest: string[]) {
  const { values, positionals } = parseArgs({
    args: rest,
    options: { data: { type: 'string' }, database: { type: 'string' }, name: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  return {
    name: values.name,
    positionals,
    dataDir: values.data ?? `${defaultDataDir()}-server`,
    url: values.database ?? process.env.HIREPROOF_DATABASE_URL,
  };
}

/**
 * `hireproof admin`: run on the HR service's own machine, against its database. `token create`
 * prints an HR API token once (stored only as a hash); `token list` names them (never the token);
 * `token revoke` stops one at once, its dashboard sessions too; `photo-key rotate` re-seals every
 * photo, frame, template and trace with a new key (stop the servers first).
 */
export async function adminCommand(args: string[]): Promise<number> {
  const [noun, verb, ...rest] = args;
  if (noun === 'token' && (verb === 'create' || verb === 'list' || verb === 'revoke')) {
    const { name, positionals, dataDir, url } = parse(rest);
    const { db } = await openDatabase({ dataDir, url, photoKey: process.env.HIREPROOF_PHOTO_KEY });
    try {
      if (verb === 'create')
        process.stdout.write(`${await createAdminToken(db, name ?? 'hr', new Date())}\n`);
      else if (verb === 'list')
        for (const t of await listAdminTokens(db))
          process.stdout.write(
            `${t.id}  ${t.name}  created ${t.createdAt}${t.revokedAt ? `  revoked ${t.revokedAt}` : ''}\n`,
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
