import { parseArgs } from 'node:util';
import { createAdminToken } from '../../server/auth/admin-auth';
import { openDatabase } from '../../server/db/open-database';
import { defaultDataDir } from '../data/data-dir';
import { UsageError } from './usage-error';

export const adminUsage = 'hireproof admin token create [--name NAME] [--data DIR] [--database URL]';

/** `hireproof admin token create`: an HR API token, printed once and stored only as a hash. */
export async function adminCommand(args: string[]): Promise<number> {
  const [noun, verb, ...rest] = args;
  if (noun !== 'token' || verb !== 'create') throw new UsageError(`usage: ${adminUsage}`);
  const { values } = parseArgs({
    args: rest,
    options: { name: { type: 'string' }, data: { type: 'string' }, database: { type: 'string' } },
    strict: true,
  });
  const { db } = await openDatabase({
    dataDir: values.data ?? `${defaultDataDir()}-server`,
    url: values.database ?? process.env.HIREPROOF_DATABASE_URL,
  });
  try {
    process.stdout.write(`${await createAdminToken(db, values.name ?? 'hr', new Date())}\n`);
  } finally {
    await db.destroy();
  }
  return 0;
}
