import type { MarkKind } from './farm-marks';

/** What links two hires: a shared mark, or the same face. */
export type FarmSignal = MarkKind | 'face';

/** The verdict reason each signal is reported under: same hardware, place, rhythm or face. */
export const FARM_CHECK_OF: Record<FarmSignal, FarmCheck> = {
  fingerprint: 'farm.same-hardware',
  serial: 'farm.same-hardware',
  disk: 'farm.same-hardware',
  mac: 'farm.same-hardware',
  edid: 'farm.same-hardware',
  usb: 'farm.same-hardware',
  address: 'farm.same-place',
  network: 'farm.same-place',
  rhythm: 'farm.same-rhythm',
  gateway: 'farm.same-place',
  wifi: 'farm.same-place',
  face: 'farm.same-face',
};
export type FarmCheck = 'farm.same-hardware' | 'farm.same-place' | 'farm.same-rhythm' | 'farm.same-face';

export const FARM_CHECKS: ReadonlySet<string> = new Set<FarmCheck>([
  'farm.same-hardware',
  'farm.same-place',
  'farm.same-rhythm',
  'farm.same-face',
]);
