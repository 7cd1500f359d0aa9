import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { hrApi } from '../main/contract/hr-api';
import { readAudit } from './audit/audit';
import { auditRoutes } from './audit/audit-routes';
import { installHrAccess } from './auth/hr-access';
import { oidcRoutes } from './auth/oidc-routes';
import { peopleRoutes } from './auth/people-routes';
import { sessionRoutes } from './auth/session-routes';
import type { ServerContext } from './context';
import { builtDashboard, dashboardRoutes } from './dashboard/dashboard-routes';
import { deviceRoutes } from './devices/device-routes';
import { exportRoutes } from './hires/export-routes';
import { erasureRoutes } from './hires/erasure-routes';
import { hireRoutes } from './hires/hire-routes';
import { trustedProxies } from './http/client-address';
import { capConnections, defaultHttpLimits, timeoutOptions, type HttpLimits } from './http/connections';
import { offboardingRoutes } from './hires/offboarding-routes';
import { dismissLinkRoutes } from './farm/dismiss-link';
import { linkRoutes } from './farm/link-routes';
import { enrolPageRoutes } from './mail/enrol-page';
import { installErrorHandler } from './http/error-handler';
import { installRequestLimits } from './http/request-limits';
import { photoRoutes } from './photos/photo-routes';
import { privacyRoutes } from './privacy/privacy-routes';
import { reportRoutes } from './reports/report-routes';
import { reportViewRoutes } from './reports/report-view-routes';
import { reviewRoutes } from './reports/review-routes';
import { statsRoutes } from './reports/stats-routes';
import { webhookRoutes } from './webhooks/webhook-routes';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers bytes (an image, a CSV stream), not JSON: it has no response schema. */
    raw?: boolean;
  }
}

export interface AppOptions {
  logger?: boolean;
  /** The built dashboard page; `out/dashboard` by default. */
  dashboardDir?: string;
  /**
   * The TLS proxies in front of the service (addresses or CIDR ranges): only their
   * X-Forwarded-For and X-Forwarded-Proto are believed. Empty: the socket's address is the client.
   */
  trustProxy?: readonly string[];
  http?: Partial<HttpLimits>;
}

/**
 * The HR service's HTTP surface. Logs carry method, route, status and timing, never bodies,
 * addresses or headers (which hold tokens and personal data).
 */
export async function buildApp(
  context: Omit<ServerContext, 'log' | 'auditRead'>,
  options: AppOptions = {},
): Promise<{ app: FastifyInstance; context: ServerContext }> {
  const http = { ...defaultHttpLimits, ...options.http };
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
    trustProxy: options.trustProxy?.length ? [...options.trustProxy] : false,
    ...timeoutOptions(http),
  });
  capConnections(app.server, http, trustedProxies(options.trustProxy ?? []));
  const full: ServerContext = { ...context, log: app.log, auditRead: readAudit(context.writes) };
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Every API route answers what its contract says, checked as it answers: one without a
  // response schema is a programming error caught at start (bytes, like a photo, are marked raw).
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/v1/') && !route.config?.raw && !route.schema?.response)
      throw new Error(`${String(route.method)} ${route.url} has no response schema in main/contract`);
  });
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
  installRequestLimits(app, full);
  // JSON, and application/jose for reports: anything else is 415, not a string the schema trips on.
  app.removeContentTypeParser('text/plain');
  installErrorHandler(app);
  installHrAccess(app, full);
  hireRoutes(app, full);
  offboardingRoutes(app, full);
  erasureRoutes(app, full);
  deviceRoutes(app, full);
  reportRoutes(app, full);
  reviewRoutes(app, full);
  reportViewRoutes(app, full);
  webhookRoutes(app, full);
  exportRoutes(app, full);
  sessionRoutes(app, full);
  oidcRoutes(app, full);
  peopleRoutes(app, full);
  statsRoutes(app, full);
  photoRoutes(app, full);
  privacyRoutes(app, full);
  auditRoutes(app, full);
  linkRoutes(app, full);
  dismissLinkRoutes(app, full);
  enrolPageRoutes(app, full);
  await dashboardRoutes(app, options.dashboardDir ?? builtDashboard());
  app.get(hrApi.health.path, { schema: { response: { 200: hrApi.health.response } } }, () => ({
    ok: true as const,
  }));
  return { app, context: full };
}
