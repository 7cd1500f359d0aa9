import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Waits until `time` on the given clock (ms): a timer for the bulk, then a busy-wait for the last
 * few milliseconds, since a timer cannot aim within a millisecond.
 */
export async function waitUntil(time: number, now: () => number): Promise<void> {
  const ahead = time - now();
  if (ahead > 4) await sleep(ahead - 3);
  while (now() < time) {
    // Busy-wait.
  }
}
