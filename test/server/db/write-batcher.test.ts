import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/open-database';
import { groupCommit } from '../../../server/db/write-batcher';

describe('group commit on SQLite', () => {
  it('commits concurrent writes together, undoing only the one that fails', async () => {
    const { db } = await openDatabase({ dataDir: await mkdtemp(join(tmpdir(), 'hireproof-batch-')) });
    const writer = groupCommit(db);
    const webhook = (id: string) => (trx: Parameters<Parameters<typeof writer.run>[0]>[0]) =>
      trx
        .insertInto('webhooks')
        .values({
          id,
          url: 'https://hr.example.com/hook',
          sealed_secret: Buffer.from('s'),
          created_at: 'now',
        })
        .execute();
    const results = await Promise.allSettled([
      writer.run(webhook('a')),
      writer.run(webhook('b')),
      writer.run(webhook('a')),
      writer.run(webhook('c')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const ids = (await db.selectFrom('webhooks').select('id').orderBy('id').execute()).map((r) => r.id);
    expect(ids).toEqual(['a', 'b', 'c']);
    await db.destroy();
  });

  it('settles nothing before the commit: a failed commit fails every write of its batch', async () => {
    const { db } = await openDatabase({ dataDir: await mkdtemp(join(tmpdir(), 'hireproof-batch-')) });
    const writer = groupCommit(db);
    const ok = writer.run((trx) =>
      trx
        .insertInto('webhooks')
        .values({ id: 'x', url: 'u', sealed_secret: Buffer.from('s'), created_at: 'now' })
        .execute(),
    );
    const refused = expect(ok).rejects.toThrow();
    // Closing the database under the batch makes its transaction fail as a whole.
    await db.destroy();
    await refused;
  });
});
