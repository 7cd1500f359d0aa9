import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Waits until `time` on the given clock (ms): a timer for the bulk, then a busy-wait for the last
 * few milliseconds, since a timer cannot aim within a millisecond. Returns how late it woke (ms),
 * which on a busy machine can be far more than that millisecond.
 */
export async function waitUntil(time: number, now: () => number): Promise<number> {
  const ahead = time - now();
  if (ahead > 4) await sleep(ahead - 3);
  while (now() < time) {
    // Busy-wait.
  }
  return now() - time;
}
