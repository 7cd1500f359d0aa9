import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { audit } from '../audit/audit';
import { requireAdmin } from '../auth/admin-auth';
import type { ServerContext } from '../context';
import { redactUrl } from './redact-url';

const WebhookRequest = z
  .object({
    url: z
      .url()
      .refine((u) => /^https?:\/\//.test(u), 'must be http(s)')
      .refine(
        (u) => u.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(u),
        'must use https',
      ),
  })
  .strict();

/**
 * HR registers a receiver; each final verdict is POSTed to it, signed per Standard Webhooks. The
 * signing secret is shown in this answer only and stored sealed; the audit trail names the
 * receiver by its origin.
 */
export function webhookRoutes(app: FastifyInstance, context: ServerContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post('/v1/webhooks', { schema: { body: WebhookRequest } }, async (request, reply) => {
    const actor = await requireAdmin(context.db, request, context.now());
    const id = crypto.randomUUID();
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    await context.db
      .insertInto('webhooks')
      .values({
        id,
        url: request.body.url,
        sealed_secret: context.seal.seal(Buffer.from(secret)),
        created_at: context.now().toISOString(),
      })
      .execute();
    await audit(context.db, {
      actor,
      action: 'webhook.create',
      target: id,
      detail: { receiver: redactUrl(request.body.url) },
      at: context.now(),
    });
    return reply.status(201).send({ id, url: request.body.url, secret });
  });

  api.get('/v1/webhooks/deliveries', async (request) => {
    await requireAdmin(context.db, request, context.now());
    const rows = await context.db.selectFrom('webhook_deliveries').selectAll().orderBy('report_id').execute();
    return {
      deliveries: rows.map((d) => ({
        webhookId: d.webhook_id,
        reportId: d.report_id,
        attempts: d.attempts,
        lastStatus: d.last_status,
        deliveredAt: d.delivered_at,
      })),
    };
  });
}
