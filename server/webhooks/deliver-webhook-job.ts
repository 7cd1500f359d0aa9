import { Webhook } from 'standardwebhooks';
import { z } from 'zod';
import type { JobHandler } from '../jobs/job-runner';

/**
 * POSTs one report's final verdict to one receiver, signed per the Standard Webhooks spec
 * (webhook-id, webhook-timestamp, webhook-signature). The message id is stable per delivery, so a
 * receiver can drop a retry it already processed. Each attempt is recorded.
 */
export const deliverWebhookJob: JobHandler = async (job, context) => {
  const { webhookId, reportId } = z
    .object({ webhookId: z.string(), reportId: z.string() })
    .parse(job.payload);
  const { db } = context;
  const hook = await db.selectFrom('webhooks').selectAll().where('id', '=', webhookId).executeTakeFirst();
  if (!hook) return;
  const report = await db
    .selectFrom('reports')
    .select(['id', 'hire_id', 'device_id', 'verdict', 'reasons', 'received_at'])
    .where('id', '=', reportId)
    .executeTakeFirstOrThrow();
  const messageId = `msg_${webhookId}_${reportId}`;
  const body = JSON.stringify({
    type: 'report.verdict',
    timestamp: context.now().toISOString(),
    data: {
      reportId: report.id,
      hireId: report.hire_id,
      deviceId: report.device_id,
      verdict: report.verdict,
      receivedAt: report.received_at,
    },
  });
  const sentAt = context.now();
  const signature = new Webhook(hook.secret).sign(messageId, sentAt, body);
  let status: number | null = null;
  try {
    const response = await fetch(hook.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': messageId,
        'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    status = response.status;
  } finally {
    const existing = await db
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('webhook_id', '=', webhookId)
      .where('report_id', '=', reportId)
      .executeTakeFirst();
    const delivered = status !== null && status >= 200 && status < 300 ? context.now().toISOString() : null;
    if (existing) {
      await db
        .updateTable('webhook_deliveries')
        .set({ attempts: job.attempts, last_status: status, delivered_at: delivered })
        .where('id', '=', existing.id)
        .execute();
    } else {
      await db
        .insertInto('webhook_deliveries')
        .values({
          id: crypto.randomUUID(),
          webhook_id: webhookId,
          report_id: reportId,
          created_at: sentAt.toISOString(),
          attempts: job.attempts,
          last_status: status,
          delivered_at: delivered,
        })
        .execute();
    }
  }
  if (status === null || status < 200 || status >= 300)
    throw new Error(`webhook ${hook.url} answered ${status ?? 'nothing'}`);
};
