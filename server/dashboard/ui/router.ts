import { useEffect, useState } from 'react';
import { HireStatus } from '../../../main/contract/hr-api';

/**
 * The dashboard's pages, from the address bar: /dashboard/ (with ?status= and ?q= for the list's
 * filters, so a filtered list can be reloaded, bookmarked and left with Back), /dashboard/hires/new,
 * /dashboard/hires/:id, /dashboard/links (linked hires across the company), /dashboard/people (roles).
 */
export type Route =
  | { page: 'overview'; status?: HireStatus; q?: string }
  | { page: 'new-hire' }
  | { page: 'hire'; id: string }
  | { page: 'links' }
  | { page: 'people' };

export function routeOf(pathname: string, search = ''): Route {
  const path = pathname.replace(/^\/dashboard\/?/, '').replace(/\/$/, '');
  if (path === 'hires/new') return { page: 'new-hire' };
  if (path === 'links') return { page: 'links' };
  if (path === 'people') return { page: 'people' };
  const hire = /^hires\/([0-9a-f-]{36})$/.exec(path);
  if (hire?.[1]) return { page: 'hire', id: hire[1] };
  const query = new URLSearchParams(search);
  const status = HireStatus.safeParse(query.get('status'));
  const q = query.get('q')?.trim();
  return { page: 'overview', ...(status.success ? { status: status.data } : {}), ...(q ? { q } : {}) };
}

export function hrefOf(route: Route): string {
  if (route.page === 'new-hire') return '/dashboard/hires/new';
  if (route.page === 'hire') return `/dashboard/hires/${route.id}`;
  if (route.page === 'links') return '/dashboard/links';
  if (route.page === 'people') return '/dashboard/people';
  const query = new URLSearchParams();
  if (route.status) query.set('status', route.status);
  if (route.q) query.set('q', route.q);
  const search = query.toString();
  return search ? `/dashboard/?${search}` : '/dashboard/';
}

export function navigate(route: Route): void {
  window.history.pushState(null, '', hrefOf(route));
  window.dispatchEvent(new PopStateEvent('popstate'));
}

const here = () => routeOf(window.location.pathname, window.location.search);

export function useRoute(): Route {
  const [route, setRoute] = useState(here);
  useEffect(() => {
    const update = () => setRoute(here());
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return route;
}
