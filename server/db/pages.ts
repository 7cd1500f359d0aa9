import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';

/** A cursor that is not one this list handed out (altered, or from another list or order). */
export class BadCursor extends Error {}

const Keys = z.array(z.string().max(200)).min(2).max(3);

/**
 * A page's cursor: the list's order and the sort key of its last item, so the next page starts
 * strictly after it (keyset pagination: every page costs the same, and rows added meanwhile
 * never shift what follows).
 */
export function encodeCursor(order: string, ...keys: string[]): string {
  return Buffer.from(JSON.stringify([order, ...keys])).toString('base64url');
}

/** The sort key a cursor carries (`arity` values), or null for the first page. */
export function decodeCursor(order: string, cursor: string | undefined, arity: 1 | 2): string[] | null {
  if (cursor === undefined) return null;
  let keys: string[];
  try {
    keys = Keys.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new BadCursor('cursor: not a cursor this list handed out');
  }
  const [from, ...rest] = keys;
  if (from !== order) throw new BadCursor('cursor: from another list or order; start again without it');
  if (rest.length !== arity) throw new BadCursor('cursor: not a cursor this list handed out');
  return rest;
}

/** `(first, second)` strictly after `keys` in the list's direction: one index range on both databases. */
export function after(
  columns: [string, string],
  direction: 'asc' | 'desc',
  keys: string[],
): RawBuilder<boolean> {
  const [a, b] = columns.map((c) => sql.ref(c));
  const [x, y] = keys;
  return direction === 'desc'
    ? sql<boolean>`(${a}, ${b}) < (${x}, ${y})`
    : sql<boolean>`(${a}, ${b}) > (${x}, ${y})`;
}

/** Rows fetched one past the page: the extra one says there is a next page, and is not shown. */
export function pageOf<R>(rows: R[], limit: number, cursorOf: (last: R) => string) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, next: rows.length > limit && last !== undefined ? cursorOf(last) : null };
}
