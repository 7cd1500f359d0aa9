import { describe, expect, it } from 'vitest';
import { inCidr, isCidr } from '../../main/contract/cidr';
import { Policy } from '../../main/contract/policy';

describe('CIDR ranges', () => {
  it.each([
    ['203.0.113.9', '203.0.113.0/24', true],
    ['203.0.114.9', '203.0.113.0/24', false],
    ['10.1.2.3', '0.0.0.0/0', true],
    ['::ffff:203.0.113.9', '203.0.113.0/24', true],
    ['2001:db8:1::5', '2001:db8::/32', true],
    ['2001:db9::5', '2001:db8::/32', false],
    ['::1', '::1/128', true],
    ['203.0.113.9', '2001:db8::/32', false],
    ['not an address', '203.0.113.0/24', false],
  ])('%s in %s: %s', (address, cidr, inside) => {
    expect(inCidr(address, cidr)).toBe(inside);
  });

  it('refuses what is not a range, in the policy too', () => {
    expect(['203.0.113.0/33', '203.0.113.0', '256.0.0.0/8', '2001:db8::/129', 'corp'].some(isCidr)).toBe(
      false,
    );
    expect(() => Policy.parse({ vpn: { egressRanges: ['203.0.113.0'] } })).toThrow(/CIDR/);
    expect(Policy.parse({ vpn: { egressRanges: ['203.0.113.0/24'] } }).vpn.approvedClients).toEqual([]);
  });
});
