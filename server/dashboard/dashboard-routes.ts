import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { packageRoot } from '../../main/package-root';
import { ApiFailure } from '../http/api-failure';

/** Where `npm run build:dashboard` writes the page (index.html and assets/). */
export const builtDashboard = () => join(packageRoot(import.meta.url), 'out', 'dashboard');

/**
 * The HR dashboard: one page at / and /dashboard/*, whose scripts and styles are files (the CSP
 * allows no inline code). Its data comes from the same admin API, with the session cookie.
 */
export async function dashboardRoutes(app: FastifyInstance, dir: string): Promise<void> {
  const built = existsSync(join(dir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: join(dir, 'assets'),
      prefix: '/dashboard/assets/',
      cacheControl: false,
      setHeaders: (response) => {
        response.setHeader('cache-control', 'no-cache');
      },
    });
  }
  const page = async (_request: unknown, reply: FastifyReply) => {
    if (!built)
      throw new ApiFailure(
        503,
        'dashboard.not-built',
        `the dashboard is not built (${dir}): run \`npm run build:dashboard\``,
      );
    return reply.header('cache-control', 'no-cache').sendFile('index.html', dir);
  };
  app.get('/', (_request, reply) => reply.redirect('/dashboard/'));
  app.get('/dashboard', page);
  app.get('/dashboard/*', page);
}
