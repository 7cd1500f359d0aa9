import { describe, expect, it } from 'vitest';
import { sysrootHost } from '../../../main/probes/host';
import { readLinuxNetwork } from '../../../main/probes/network/linux';
import { sysroot } from '../../support/sysroots';

describe('readLinuxNetwork', () => {
  it('classifies interfaces from sysfs and finds catch-all routes and proxies', async () => {
    const network = await readLinuxNetwork(sysrootHost(sysroot('vpn')));
    expect(network.interfaces).toEqual([
      { name: 'lo', mac: null, physical: false, kind: 'loopback', up: true },
      { name: 'tun0', mac: null, physical: false, kind: 'tunnel', up: true },
      { name: 'wg0', mac: null, physical: false, kind: 'tunnel', up: true },
      { name: 'wlp0s20f3', mac: '8c:c6:81:4a:0b:12', physical: true, kind: 'wireless', up: true },
    ]);
    // The IPv6 reject route on lo is not a default route.
    expect(network.defaultRoutes).toEqual(['wlp0s20f3', 'tun0']);
    expect(network.proxies).toEqual([
      { source: '/etc/environment https_proxy', value: 'http://proxy.example.net:3128' },
    ]);
  });

  it('sees a USB dock NIC as physical ethernet', async () => {
    const network = await readLinuxNetwork(sysrootHost(sysroot('docked-laptop')));
    expect(network.interfaces.find((i) => i.name === 'enx00e04c680001')).toMatchObject({
      physical: true,
      kind: 'ethernet',
    });
    expect(network.defaultRoutes[0]).toBe('enx00e04c680001');
  });
});
