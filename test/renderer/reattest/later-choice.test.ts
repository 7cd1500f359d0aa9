import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../../main/contract/ipc';
import { laterChoice } from '../../../renderer/reattest/later-choice';
import { enrolled } from '../../support/device-status';

const due = (deferralsLeft: number, overdue = false): DeviceStatus => ({
  ...enrolled,
  schedule: { nextDueAt: '2026-12-02T10:00:00.000Z', overdue },
  reattestation: { due: true, deferralsLeft },
});

describe('"Later" on the re-attestation prompt', () => {
  it('is offered while deferrals are left, saying how many', () => {
    expect(laterChoice(due(2))).toEqual({
      offered: true,
      note: 'You can put it off 2 more times before it is due.',
    });
    expect(laterChoice(due(1)).note).toBe('You can put it off once more before it is due.');
  });

  it('is not offered once the limit is reached, and says why', () => {
    expect(laterChoice(due(0))).toEqual({
      offered: false,
      note: 'Your employer allows no more delays for this check, so it cannot wait.',
    });
  });

  it('is not offered once the check is overdue, whatever the count says', () => {
    expect(laterChoice(due(2, true))).toEqual({
      offered: false,
      note: 'The due date has passed, so this check can no longer be put off.',
    });
  });
});
