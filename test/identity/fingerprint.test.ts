import { describe, expect, it } from 'vitest';
import type { IdentityClaims } from '../../main/contract/identity';
import { identityDrift } from '../../main/contract/identity-drift';
import { fingerprintOf } from '../../main/identity/fingerprint';

const claims = (
  overrides: Partial<Record<keyof IdentityClaims, IdentityClaims[keyof IdentityClaims]['value']>> = {},
): IdentityClaims => {
  const base = {
    machineId: 'm1',
    serial: 'PF4XK2LM',
    productUuid: 'uuid-1',
    vendor: 'LENOVO',
    model: '21HM',
    board: 'LENOVO 21HM',
    disks: ['nvme0n1: SAMSUNG (S64)'],
    macs: ['8c:17:59:3e:a2:01'],
    cpuModel: 'i7',
    memoryBytes: 1024,
    tpm: 'TPM 2.0',
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(base).map(([k, value]) => [k, { value, source: 'test' }]),
  ) as IdentityClaims;
};

describe('fingerprint and drift', () => {
  it('ignores a dock NIC or a new disk, changes with the serial', () => {
    const base = fingerprintOf(claims());
    expect(fingerprintOf(claims({ macs: ['8c:17:59:3e:a2:01', 'c8:4b:d6:22:10:9f'], disks: [] }))).toBe(base);
    expect(fingerprintOf(claims({ serial: 'OTHER' }))).not.toBe(base);
  });

  it('names each changed claim, and whether it was a stable one', () => {
    const drift = identityDrift(
      claims(),
      claims({ serial: 'OTHER', macs: ['8c:17:59:3e:a2:01', 'aa:bb:cc:dd:ee:ff'] }),
    );
    expect(drift).toEqual([
      { claim: 'serial', before: 'PF4XK2LM', after: 'OTHER', stable: true },
      {
        claim: 'macs',
        before: ['8c:17:59:3e:a2:01'],
        after: ['8c:17:59:3e:a2:01', 'aa:bb:cc:dd:ee:ff'],
        stable: false,
      },
    ]);
  });

  it('does not call a reordered list a change', () => {
    expect(identityDrift(claims({ macs: ['a', 'b'] }), claims({ macs: ['b', 'a'] }))).toEqual([]);
  });
});
