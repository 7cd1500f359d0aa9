import type { MouseEvent, ReactNode } from 'react';
import { hrefOf, navigate, type Route } from './router';

/** A real link (it opens in a new tab, copies, reads as a link) that navigates in place on a plain click. */
export function Link({
  to,
  children,
  className,
  current,
}: {
  to: Route;
  children: ReactNode;
  className?: string;
  /** Marks the link to the page (or filter) being shown. */
  current?: boolean;
}) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={hrefOf(to)} onClick={onClick} className={className} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}
