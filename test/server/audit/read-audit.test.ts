import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAudit } from '../../../server/audit/audit';
import { openDatabase } from '../../../server/db/open-database';
import { groupCommit, type Writer } from '../../../server/db/write-batcher';

describe("HR reads' audit entries", () => {
  it('are written together, one write for the reads of one turn, and each read waits for its entry', async () => {
    const { db } = await openDatabase({ dataDir: await mkdtemp(join(tmpdir(), 'hireproof-audit-')) });
    const group = groupCommit(db);
    let writes = 0;
    const counted: Writer = { run: (write) => ((writes += 1), group.run(write)) };
    const record = readAudit(counted);
    const at = new Date('2027-03-01T12:00:00.000Z');
    const reads = Array.from({ length: 40 }, (_, i) =>
      record({ actor: 'token:hr', action: 'hire.view', target: `h${i}`, hire: `h${i}`, at }),
    );
    await Promise.all(reads);
    expect(writes).toBe(1);
    const stored = await db.selectFrom('audit_log').select(['target', 'hire_id']).orderBy('id').execute();
    expect(stored).toEqual(Array.from({ length: 40 }, (_, i) => ({ target: `h${i}`, hire_id: `h${i}` })));
    await record({ actor: 'token:hr', action: 'hire.list', target: '*', hire: null, at });
    expect(writes).toBe(2);
    await db.destroy();
  });

  it('fail the reads when their entries cannot be stored: a read is never answered unaudited', async () => {
    const { db } = await openDatabase({ dataDir: await mkdtemp(join(tmpdir(), 'hireproof-audit-')) });
    const record = readAudit(groupCommit(db));
    await db.destroy();
    await expect(
      record({ actor: 'token:hr', action: 'hire.view', target: 'h', hire: 'h', at: new Date() }),
    ).rejects.toThrow();
  });
});
