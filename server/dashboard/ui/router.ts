import { useEffect, useState } from 'react';

/** The dashboard's pages, from the address bar: /dashboard/, /dashboard/hires/new, /dashboard/hires/:id. */
export type Route = { page: 'overview' } | { page: 'new-hire' } | { page: 'hire'; id: string };

export function routeOf(pathname: string): Route {
  const path = pathname.replace(/^\/dashboard\/?/, '').replace(/\/$/, '');
  if (path === 'hires/new') return { page: 'new-hire' };
  const hire = /^hires\/([0-9a-f-]{36})$/.exec(path);
  if (hire?.[1]) return { page: 'hire', id: hire[1] };
  return { page: 'overview' };
}

export function hrefOf(route: Route): string {
  if (route.page === 'new-hire') return '/dashboard/hires/new';
  if (route.page === 'hire') return `/dashboard/hires/${route.id}`;
  return '/dashboard/';
}

export function navigate(route: Route): void {
  window.history.pushState(null, '', hrefOf(route));
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => routeOf(window.location.pathname));
  useEffect(() => {
    const update = () => setRoute(routeOf(window.location.pathname));
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return route;
}
