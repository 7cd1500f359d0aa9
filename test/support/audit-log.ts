import type { ServerContext } from '../../server/context';

/** The audit entries a server wrote for one action, oldest first, read straight from its database. */
export async function auditEntries(context: ServerContext, action: string) {
  const rows = await context.db
    .selectFrom('audit_log')
    .select(['actor', 'action', 'target', 'detail'])
    .where('action', '=', action)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}
