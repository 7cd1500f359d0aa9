import { createHash } from 'node:crypto';
import type { ClaimName, IdentityClaims } from '../contract/identity';

/**
 * Claims that change only when the hardware or the OS install changes. MACs, disks and memory are
 * reported and diffed, but left out: a dock, a USB NIC or an upgraded SSD is not another laptop.
 */
export const STABLE_CLAIMS: readonly ClaimName[] = [
  'machineId',
  'serial',
  'productUuid',
  'vendor',
  'model',
  'board',
];

export function fingerprintOf(claims: IdentityClaims): string {
  const stable = STABLE_CLAIMS.map((name) => [name, claims[name].value]);
  return createHash('sha256').update(JSON.stringify(stable)).digest('hex');
}
