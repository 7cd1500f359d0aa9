import type { DeviceStatus } from '../contract/ipc';
import type { Policy } from '../contract/policy';
import type { DeviceSchedule } from '../contract/protocol';
import type { AppState } from '../data/app-state';

const HOUR_MS = 3_600_000;

/** Deferrals counted so far for this due date; a new date from the server starts again at none. */
const usedFor = (schedule: DeviceSchedule, deferrals: AppState['deferrals']) =>
  deferrals && Date.parse(deferrals.dueAt) === Date.parse(schedule.nextDueAt) ? deferrals.count : 0;

/**
 * Whether the app asks the hire now, and how often "Later" is still allowed. The server's schedule
 * decides the due date and whether it is overdue; the policy only sets the window and the limit.
 */
export function reattestationPrompt(
  schedule: DeviceSchedule,
  policy: Policy['reattestation'],
  deferrals: AppState['deferrals'],
  now: Date,
): NonNullable<DeviceStatus['reattestation']> {
  const opensAt = Date.parse(schedule.nextDueAt) - policy.promptHoursBefore * HOUR_MS;
  return {
    due: schedule.overdue || now.getTime() >= opensAt,
    deferralsLeft: schedule.overdue ? 0 : Math.max(0, policy.maxDeferrals - usedFor(schedule, deferrals)),
  };
}

/** The count after one more "Later" for this due date. */
export const oneMoreDeferral = (
  schedule: DeviceSchedule,
  deferrals: AppState['deferrals'],
): NonNullable<AppState['deferrals']> => ({
  dueAt: schedule.nextDueAt,
  count: usedFor(schedule, deferrals) + 1,
});
