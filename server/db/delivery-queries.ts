import type { Kysely } from 'kysely';
import type { DeliveryPage } from '../../main/contract/hr-api';
import { after, decodeCursor, encodeCursor, pageOf } from './pages';
import type { Database } from './schema';

/** One page of webhook deliveries, newest first. */
export async function deliveryPage(
  db: Kysely<Database>,
  page: { cursor?: string; limit: number },
): Promise<DeliveryPage> {
  const keys = decodeCursor('newest', page.cursor, 2);
  let select = db.selectFrom('webhook_deliveries');
  if (keys) select = select.where(after(['created_at', 'id'], 'desc', keys));
  const rows = await select
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const { items, next } = pageOf(rows, page.limit, (last) =>
    encodeCursor('newest', last.created_at, last.id),
  );
  return {
    deliveries: items.map((d) => ({
      webhookId: d.webhook_id,
      reportId: d.report_id,
      createdAt: d.created_at,
      attempts: d.attempts,
      lastStatus: d.last_status,
      deliveredAt: d.delivered_at,
    })),
    next,
  };
}
