import type { Verdict } from '../../main/contract/checks';
import type { VerdictDay } from '../../main/contract/hr-api';

const DAY = 86_400_000;

/** The UTC days from `days - 1` days before `now` up to `now`'s day, oldest first. */
export function dayRange(now: Date, days: number): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: days }, (_, i) =>
    new Date(today - (days - 1 - i) * DAY).toISOString().slice(0, 10),
  );
}

/** Counts per day and verdict, with every day of the range present (a quiet day counts zero). */
export function verdictSeries(
  days: readonly string[],
  counts: readonly { day: string; verdict: Verdict; count: number }[],
): VerdictDay[] {
  const byDay = new Map(days.map((day) => [day, { day, pass: 0, review: 0, fail: 0 }]));
  for (const { day, verdict, count } of counts) {
    const entry = byDay.get(day);
    if (entry) entry[verdict] += count;
  }
  return [...byDay.values()];
}
