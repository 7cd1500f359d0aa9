import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { auditRoutes } from './audit/audit-routes';
import { sessionRoutes } from './auth/session-routes';
import type { ServerContext } from './context';
import { builtDashboard, dashboardRoutes } from './dashboard/dashboard-routes';
import { deviceRoutes } from './devices/device-routes';
import { exportRoutes } from './hires/export-routes';
import { erasureRoutes } from './hires/erasure-routes';
import { hireRoutes } from './hires/hire-routes';
import { offboardingRoutes } from './hires/offboarding-routes';
import { installErrorHandler } from './http/error-handler';
import { photoRoutes } from './photos/photo-routes';
import { privacyRoutes } from './privacy/privacy-routes';
import { reportRoutes } from './reports/report-routes';
import { reviewRoutes } from './reports/review-routes';
import { statsRoutes } from './reports/stats-routes';
import { webhookRoutes } from './webhooks/webhook-routes';

export interface AppOptions {
  logger?: boolean;
  /** Per-route limits still apply; this is the default for routes without their own. */
  rateLimitMax?: number;
  /** The built dashboard page; `out/dashboard` by default. */
  dashboardDir?: string;
}

/**
 * The HR service's HTTP surface. Logs carry method, route, status and timing, never bodies,
 * addresses or headers (which hold tokens and personal data).
 */
export async function buildApp(
  context: Omit<ServerContext, 'log'>,
  options: AppOptions = {},
): Promise<{ app: FastifyInstance; context: ServerContext }> {
  const app = Fastify({
    logger: options.logger
      ? {
          level: 'info',
          serializers: {
            req: (r: { method: string; routeOptions?: { url?: string } }) => ({
              method: r.method,
              route: r.routeOptions?.url,
            }),
            res: (r: { statusCode: number }) => ({ status: r.statusCode }),
          },
        }
      : false,
    bodyLimit: 8 * 1024 * 1024,
    trustProxy: false,
  });
  const full: ServerContext = { ...context, log: app.log };
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: true, max: options.rateLimitMax ?? 600, timeWindow: '1 minute' });
  // JSON, and application/jose for reports: anything else is 415, not a string the schema trips on.
  app.removeContentTypeParser('text/plain');
  installErrorHandler(app);
  hireRoutes(app, full);
  offboardingRoutes(app, full);
  erasureRoutes(app, full);
  deviceRoutes(app, full);
  reportRoutes(app, full);
  reviewRoutes(app, full);
  webhookRoutes(app, full);
  exportRoutes(app, full);
  sessionRoutes(app, full);
  statsRoutes(app, full);
  photoRoutes(app, full);
  privacyRoutes(app, full);
  auditRoutes(app, full);
  await dashboardRoutes(app, options.dashboardDir ?? builtDashboard());
  app.get('/healthz', () => ({ ok: true }));
  return { app, context: full };
}
