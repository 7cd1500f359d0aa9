import { createHash } from 'node:crypto';
import { STABLE_CLAIMS, type IdentityClaims } from '../contract/identity';

export function fingerprintOf(claims: IdentityClaims): string {
  const stable = STABLE_CLAIMS.map((name) => [name, claims[name].value]);
  return createHash('sha256').update(JSON.stringify(stable)).digest('hex');
}
