import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** Limits count requests per key (a device, an address) in fixed one-minute periods. */
export const PERIOD_MS = 60_000;

export interface Limiter {
  /** Counts one request for `key`; whether it is still within `max` this minute, and when to retry. */
  take(key: string, max: number): Promise<{ allowed: boolean; retryAfterS: number }>;
  /** Whether `key` is already over `max` this minute, without counting. */
  over(key: string, max: number): Promise<boolean>;
  close(): void;
}

const periodOf = (now: number) => Math.floor(now / PERIOD_MS);
const retryAfter = (now: number) => Math.max(1, Math.ceil(((periodOf(now) + 1) * PERIOD_MS - now) / 1000));

/**
 * One server's limits, in memory, bounded: at most `maxKeys` keys per minute. A flood of new keys
 * never evicts a counted one (that would reset its limit): once full, a key not yet counted this
 * minute is treated as over its limit until the minute ends. Keys are verified devices and client
 * addresses, so a flood can fill it only from that many addresses.
 */
export function memoryLimiter(now: () => number, maxKeys = 100_000): Limiter {
  let period = periodOf(now());
  let counts = new Map<string, number>();
  const current = () => {
    const at = periodOf(now());
    if (at !== period) {
      period = at;
      counts = new Map();
    }
    return counts;
  };
  return {
    take(key, max) {
      const map = current();
      const seen = map.get(key);
      if (seen === undefined && map.size >= maxKeys)
        return Promise.resolve({ allowed: false, retryAfterS: retryAfter(now()) });
      const count = (seen ?? 0) + 1;
      map.set(key, count);
      return Promise.resolve({ allowed: count <= max, retryAfterS: retryAfter(now()) });
    },
    over(key, max) {
      const map = current();
      const seen = map.get(key);
      return Promise.resolve(seen === undefined ? map.size >= maxKeys : seen >= max);
    },
    close() {
      counts = new Map();
    },
  };
}

/**
 * Limits shared by every server on one PostgreSQL: each count is one upsert, so a device or an
 * address gets one budget however its requests are spread. Past minutes are swept every minute;
 * a key this server saw over its limit is remembered here until the minute ends, so a flood is
 * refused without a round trip.
 */
export function databaseLimiter(db: Kysely<Database>, now: () => number, maxRemembered = 100_000): Limiter {
  let period = periodOf(now());
  let blocked = new Set<string>();
  // Keys this server counted this minute: a key it never counted is not asked about (most
  // requests prove themselves and are never counted), at the cost of one request's delay in
  // learning that another server saw it flood.
  let counted = new Set<string>();
  const isBlocked = (key: string) => {
    if (periodOf(now()) !== period) {
      period = periodOf(now());
      blocked = new Set();
      counted = new Set();
    }
    return blocked.has(key);
  };
  const sweep = setInterval(() => {
    void db
      .deleteFrom('rate_limits')
      .where('period', '<', periodOf(now()) - 1)
      .execute()
      .catch(() => undefined);
  }, PERIOD_MS);
  sweep.unref();
  return {
    async take(key, max) {
      if (isBlocked(key)) return { allowed: false, retryAfterS: retryAfter(now()) };
      if (counted.size < maxRemembered) counted.add(key);
      const row = await db
        .insertInto('rate_limits')
        .values({ key, period: periodOf(now()), count: 1 })
        .onConflict((oc) =>
          oc.columns(['key', 'period']).doUpdateSet({ count: (eb) => eb('rate_limits.count', '+', 1) }),
        )
        .returning('count')
        .executeTakeFirstOrThrow();
      const allowed = Number(row.count) <= max;
      // The database stays the truth: a full memory only costs a round trip.
      if (!allowed && blocked.size < maxRemembered) blocked.add(key);
      return { allowed, retryAfterS: retryAfter(now()) };
    },
    async over(key, max) {
      if (isBlocked(key)) return true;
      if (!counted.has(key) && counted.size < maxRemembered) return false;
      const row = await db
        .selectFrom('rate_limits')
        .select('count')
        .where('key', '=', key)
        .where('period', '=', periodOf(now()))
        .executeTakeFirst();
      return Number(row?.count ?? 0) >= max;
    },
    close() {
      clearInterval(sweep);
    },
  };
}
