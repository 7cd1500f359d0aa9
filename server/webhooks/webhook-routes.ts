import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { randomBytes } from 'node:crypto';
import { hrApi } from '../../main/contract/hr-api';
import { audit } from '../audit/audit';
import { requireAdmin } from '../auth/admin-auth';
import type { ServerContext } from '../context';
import { deliveryPage } from '../db/delivery-queries';
import { redactUrl } from './redact-url';

/**
 * HR registers a receiver; each final verdict is POSTed to it, signed per Standard Webhooks. The
 * signing secret is shown in this answer only and stored sealed; the audit trail names the
 * receiver by its origin.
 */
export function webhookRoutes(app: FastifyInstance, context: ServerContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { createWebhook, deliveries } = hrApi;
  api.post(
    createWebhook.path,
    { schema: { body: createWebhook.body, response: { 201: createWebhook.response } } },
    async (request, reply) => {
      const actor = requireAdmin(request);
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
        hire: null,
        detail: { receiver: redactUrl(request.body.url) },
        at: context.now(),
      });
      return reply.status(201).send({ id, url: request.body.url, secret });
    },
  );

  api.get(
    deliveries.path,
    { schema: { querystring: deliveries.query, response: { 200: deliveries.response } } },
    async (request) => {
      const actor = requireAdmin(request);
      const page = await deliveryPage(context.db, request.query);
      await context.auditRead({
        actor,
        action: 'webhook.deliveries',
        target: '*',
        hire: null,
        at: context.now(),
      });
      return page;
    },
  );
}
