import type { Kysely } from 'kysely';
import type { AuditEntry } from '../../main/contract/hr-api';
import { columns } from './codecs';
import { decodeCursor, encodeCursor, pageOf } from './pages';
import type { Database } from './schema';

/** One page of a hire's audit trail (its own entries and its reports'), newest first. */
export async function auditPage(
  db: Kysely<Database>,
  hireId: string,
  page: { cursor?: string; limit: number },
): Promise<{ entries: AuditEntry[]; next: string | null }> {
  const keys = decodeCursor('newest', page.cursor, 1);
  let select = db.selectFrom('audit_log').where('hire_id', '=', hireId);
  if (keys) select = select.where('id', '<', Number(keys[0]));
  const rows = await select
    .select(['id', 'at', 'actor', 'action', 'target', 'detail'])
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const { items, next } = pageOf(rows, page.limit, (last) => encodeCursor('newest', String(last.id)));
  return {
    entries: items.map((e) => ({
      at: e.at,
      actor: e.actor,
      action: e.action,
      target: e.target,
      detail: columns.auditDetail.decode(e.detail),
    })),
    next,
  };
}
