/**
 * When a device must re-attest next: every N days, or sooner on a random spot check, so the date
 * cannot be planned around. `random` is injected so tests are deterministic.
 */
export function nextDueAt(
  from: Date,
  everyDays: number,
  spotCheckDailyChance: number,
  random: () => number = Math.random,
): Date {
  let days = everyDays;
  for (let day = 1; day < everyDays; day++) {
    if (random() < spotCheckDailyChance) {
      days = day;
      break;
    }
  }
  return new Date(from.getTime() + days * 86_400_000);
}

/**
 * Whether a device's re-attestation is due: from `promptHoursBefore` the due time on, when the
 * app starts asking. Only a report sent while due moves the date, so reporting again never draws
 * a new spot check.
 */
export function isDue(nextDueAt: string, now: Date, promptHoursBefore: number): boolean {
  return now.getTime() >= Date.parse(nextDueAt) - promptHoursBefore * 3_600_000;
}
