import { describe, expect, it } from 'vitest';
import { sysrootHost } from '../../../main/probes/host';
import { readLinuxLan } from '../../../main/probes/lan/linux';
import { bssidFromNmcli, defaultGateway } from '../../../main/probes/lan/parse-linux';
import { sysroot } from '../../support/sysroots';

describe('the LAN on Linux', () => {
  it("reads the default gateway's MAC from /proc/net/route and /proc/net/arp", async () => {
    const lan = await readLinuxLan(sysrootHost(sysroot('home-lan-laptop')));
    expect(lan.gatewayMac).toEqual({ state: 'read', mac: 'a0:63:91:2b:4c:1d' });
    // No command runs on a fixture machine: the BSSID (NetworkManager's) is unavailable, with why.
    expect(lan.bssid).toMatchObject({
      state: 'unavailable',
      reason: expect.stringMatching(/^NetworkManager \(nmcli\) did not answer/) as unknown,
    });
  });

  it('says the gateway MAC is unavailable while its ARP entry is incomplete, and when there is no ARP table', async () => {
    expect((await readLinuxLan(sysrootHost(sysroot('lan-gateway-unresolved')))).gatewayMac).toEqual({
      state: 'unavailable',
      reason: 'the gateway 192.168.1.1 is not in the ARP cache of wlp0s20f3',
    });
    expect((await readLinuxLan(sysrootHost(sysroot('laptop')))).gatewayMac).toMatchObject({
      state: 'unavailable',
    });
  });

  it('takes the lowest-metric default route through a gateway, its address in host byte order', () => {
    const route =
      'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n' +
      'wlp0s20f3\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0\n' +
      'enx00e04c680001\t00000000\t0100000A\t0003\t0\t0\t100\t00000000\t0\t0\t0\n' +
      'wlp0s20f3\t0001A8C0\t00000000\t0001\t0\t0\t600\t00FFFFFF\t0\t0\t0\n';
    expect(defaultGateway(route)).toEqual({ ip: '10.0.0.1', iface: 'enx00e04c680001' });
    // A default route without a gateway (a point-to-point tunnel's) names no router.
    expect(
      defaultGateway(
        'Iface\tDestination\tGateway\n' + 'tun0\t00000000\t00000000\t0001\t0\t0\t0\t00000000\t0\t0\t0\n',
      ),
    ).toBeNull();
  });

  it("reads the active access point's BSSID from nmcli's terse output (colons escaped)", () => {
    // `nmcli -t -f ACTIVE,BSSID dev wifi list --rescan no` on NetworkManager 1.42.
    const output =
      'no:A0\\:63\\:91\\:2B\\:4C\\:1F\nyes:A0\\:63\\:91\\:2B\\:4C\\:1E\nno:F4\\:92\\:BF\\:70\\:11\\:02\n';
    expect(bssidFromNmcli(output)).toEqual({ state: 'read', mac: 'a0:63:91:2b:4c:1e' });
    expect(bssidFromNmcli('no:A0\\:63\\:91\\:2B\\:4C\\:1F\n')).toEqual({
      state: 'unavailable',
      reason: 'not connected to a Wi-Fi network',
    });
  });
});
