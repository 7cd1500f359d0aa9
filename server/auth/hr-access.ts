import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hrApi, type HrApi } from '../../main/contract/hr-api';
import { hrRoles, seesFaceDetails } from '../../main/contract/hr-roles';
import type { ServerContext } from '../context';
import { ApiFailure } from '../http/api-failure';
import { authenticate, type HrAccess } from './admin-auth';
import { withoutFaceDetails } from './face-details';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who called an HR route and their role, once the access hook let them through. */
    hrAccess: HrAccess | null;
  }
}

/** The HR route a method and path name, if any (HEAD answers as its GET). */
const routeNames = new Map(
  Object.entries(hrApi).map(([name, e]) => [`${e.method} ${e.path}`, name as keyof HrApi]),
);
const routeOf = (method: string, url: string) =>
  routeNames.get(`${method === 'HEAD' ? 'GET' : method} ${url}`);

/**
 * The one place HR routes are guarded: every route of the HR API gets, first of all, a check
 * that the caller is signed in (401) and that their role may call it (403 `auth.role`), from the
 * roles table; and, last, the face details taken out of its answer for a role without them.
 * Installed before the routes, so none is registered without it.
 */
export function installHrAccess(app: FastifyInstance, context: Pick<ServerContext, 'db' | 'now'>): void {
  app.decorateRequest('hrAccess', null);
  app.addHook('onRoute', (route) => {
    const name = [route.method]
      .flat()
      .map((m) => routeOf(m, route.url))
      .find(Boolean);
    if (!name) return;
    const access = hrRoles[name];
    if (access === 'anyone') return;
    const guard = async (request: FastifyRequest) => {
      const caller = await authenticate(context.db, request, context.now());
      request.proven = true;
      if (!access.includes(caller.role))
        throw new ApiFailure(
          403,
          'auth.role',
          `the ${caller.role} role cannot ${request.method} ${route.url}`,
        );
      request.hrAccess = caller;
    };
    route.onRequest = [...[route.onRequest ?? []].flat(), guard];
    // Reports' reasons reach a role without face details with those reduced, on every route.
    const reduce = (request: FastifyRequest, _reply: unknown, payload: unknown) =>
      Promise.resolve(
        request.hrAccess && !seesFaceDetails(request.hrAccess.role) ? withoutFaceDetails(payload) : payload,
      );
    route.preSerialization = [...[route.preSerialization ?? []].flat(), reduce];
  });
}
