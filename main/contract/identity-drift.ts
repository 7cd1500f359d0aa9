import { ClaimName, STABLE_CLAIMS, type Claim, type IdentityClaims } from './identity';

export interface ClaimChange {
  claim: ClaimName;
  before: Claim['value'];
  after: Claim['value'];
  /** A stable claim changed: the fingerprint changed with it. */
  stable: boolean;
}

const canonical = (value: Claim['value']): string =>
  JSON.stringify(Array.isArray(value) ? [...value].sort() : value);

/** Which claims changed between two identities of (supposedly) the same device. */
export function identityDrift(before: IdentityClaims, after: IdentityClaims): ClaimChange[] {
  return ClaimName.options
    .filter((name) => canonical(before[name].value) !== canonical(after[name].value))
    .map((name) => ({
      claim: name,
      before: before[name].value,
      after: after[name].value,
      stable: STABLE_CLAIMS.includes(name),
    }));
}
