import type { DeviceStatus } from '../../main/contract/ipc';

/** A device before enrolment, as main reports it; tests change only what they are about. */
export const notEnrolled: DeviceStatus = {
  enrolled: false,
  hireName: null,
  deviceId: null,
  server: null,
  consent: null,
  schedule: null,
  scheduleProblem: null,
  lastVerdict: null,
  lastRefusal: null,
  helpdeskOffered: false,
  reattestation: null,
};

/** An enrolled device whose next check is due on 2 Dec 2026, with nothing due yet. */
export const enrolled: DeviceStatus = {
  ...notEnrolled,
  enrolled: true,
  hireName: 'Ada',
  deviceId: 'd1',
  server: 'https://hr.example.com',
  schedule: { nextDueAt: '2026-12-02T10:00:00.000Z', overdue: false },
  reattestation: { due: false, deferralsLeft: 2 },
};
