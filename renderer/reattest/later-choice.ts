import type { DeviceStatus } from '../../main/contract/ipc';

/** Whether the prompt offers "Later", and the sentence that says how often, or why not. */
export function laterChoice(status: DeviceStatus): { offered: boolean; note: string } {
  const left = status.reattestation?.deferralsLeft ?? 0;
  if (status.schedule?.overdue)
    return { offered: false, note: 'The due date has passed, so this check can no longer be put off.' };
  if (left === 0)
    return { offered: false, note: 'Your employer allows no more delays for this check, so it cannot wait.' };
  return {
    offered: true,
    note: `You can put it off ${left === 1 ? 'once more' : `${left} more times`} before it is due.`,
  };
}
