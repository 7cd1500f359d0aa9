import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sysrootHost } from '../../../main/probes/host';
import { readLinuxNetwork } from '../../../main/probes/network/linux';
import { sysroot } from '../../support/sysroots';

describe('readLinuxNetwork', () => {
  it('classifies interfaces from sysfs and finds catch-all routes and proxies', async () => {
    const network = await readLinuxNetwork(sysrootHost(sysroot('vpn')));
    expect(network.interfaces).toEqual([
      { name: 'lo', mac: null, physical: false, kind: 'loopback', up: true },
      // A tun device: nothing in this machine's /proc holds it open.
      { name: 'tun0', mac: null, physical: false, kind: 'tunnel', up: true, owners: [] },
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

  it("names the process holding a tun device, and vouches for a corporate client's file with dpkg", async () => {
    const network = await readLinuxNetwork(sysrootHost(sysroot('zscaler-laptop')));
    expect(network.interfaces.find((i) => i.name === 'zcctun0')).toMatchObject({
      kind: 'tunnel',
      owners: [2101],
    });
    expect(network.packages).toEqual(
      ['ZSTray', 'zsaservice', 'zstunnel'].map((file) => ({
        path: `/opt/zscaler/bin/${file}`,
        manager: 'dpkg',
        package: 'zscaler-client',
        verified: true,
      })),
    );
  });

  it("as the hire: a root daemon's tun holder is unreadable, its path comes from argv[0]", async () => {
    const network = await readLinuxNetwork(sysrootHost(sysroot('zscaler-laptop-as-hire')));
    expect(network.interfaces.find((i) => i.name === 'zcctun0')?.owners).toEqual([]);
    expect(network.packages?.map((r) => [r.path, r.verified])).toEqual([
      ['/opt/zscaler/bin/ZSTray', true],
      ['/opt/zscaler/bin/zsaservice', true],
      ['/opt/zscaler/bin/zstunnel', true],
    ]);
  });

  it('says a replaced client binary is not the one its package installed', async () => {
    const root = mkdtempSync(join(tmpdir(), 'hireproof-zscaler-'));
    try {
      cpSync(sysroot('zscaler-laptop'), root, { recursive: true, verbatimSymlinks: true });
      writeFileSync(
        join(root, 'opt/zscaler/bin/zstunnel'),
        'a consumer VPN copied over the corporate client\n',
      );
      const network = await readLinuxNetwork(sysrootHost(root));
      expect(network.packages?.find((r) => r.path.endsWith('zstunnel'))).toMatchObject({
        package: 'zscaler-client',
        verified: false,
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('reads no package records where no corporate VPN client runs', async () => {
    expect((await readLinuxNetwork(sysrootHost(sysroot('nordvpn-laptop')))).packages).toEqual([]);
  });
});
