import { Webhook } from 'standardwebhooks';
import { z } from 'zod';
import { ReportVerdictEvent, WEBHOOK_SCHEMA } from '../../main/contract/webhook-payload';
import type { JobHandler } from '../jobs/job-runner';
import { columns } from '../db/codecs';
import { linkedHiresOf } from '../farm/link-hires';
import { redactUrl } from './redact-url';

/**
 * POSTs one report's final verdict to one receiver, signed per the Standard Webhooks spec
 * (webhook-id, webhook-timestamp, webhook-signature). The message id is stable per delivery, so a
 * receiver can drop a retry it already processed. Each attempt is recorded. A redirect is an
 * answer, not a new address: it is never followed (the signed verdict would go where the receiver
 * did not register). Errors and logs name the receiver by its origin only.
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
    .innerJoin('hires', 'hires.id', 'reports.hire_id')
    .select([
      'reports.id',
      'reports.hire_id',
      'reports.device_id',
      'reports.verdict',
      'reports.reasons',
      'reports.received_at',
      'hires.external_id',
    ])
    .where('reports.id', '=', reportId)
    .executeTakeFirstOrThrow();
  // Stable across retries of one verdict; a new verdict of the report (HR's review, a farm link
  // found later) is a new message, which a receiver dropping repeated ids must not drop.
  const messageId = `msg_${webhookId}_${reportId}_${report.verdict}`;
  // Built through the contract's schema: a receiver gets exactly what `hireproof.webhook/v1` documents.
  const body = JSON.stringify(
    ReportVerdictEvent.parse({
      schema: WEBHOOK_SCHEMA,
      type: 'report.verdict',
      timestamp: context.now().toISOString(),
      data: {
        reportId: report.id,
        hireId: report.hire_id,
        externalId: report.external_id,
        deviceId: report.device_id,
        verdict: report.verdict,
        receivedAt: report.received_at,
        linkedHires: linkedHiresOf(columns.reportReasons.decode(report.reasons)),
      },
    } satisfies ReportVerdictEvent),
  );
  const sentAt = context.now();
  const secret = context.seal.open(hook.sealed_secret).toString('utf8');
  const signature = new Webhook(secret).sign(messageId, sentAt, body);
  const receiver = redactUrl(hook.url);
  let status: number | null = null;
  let unreachable = 'no answer';
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
      redirect: 'manual',
      signal: AbortSignal.timeout(10_000),
    });
    status = response.status;
  } catch (error) {
    // The cause, not the message: undici's messages can carry the address.
    unreachable = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
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
  if (status === null) throw new Error(`webhook ${receiver} answered nothing (${unreachable})`);
  if (status >= 300 && status < 400)
    throw new Error(`webhook ${receiver} answered ${status} (a redirect, not followed)`);
  if (status < 200 || status >= 300) throw new Error(`webhook ${receiver} answered ${status}`);
};
