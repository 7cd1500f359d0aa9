import { describe, expect, it } from 'vitest';
import { networkTunnelCheck } from '../../../main/checks/catalogue/network-tunnel';
import { Policy } from '../../../main/contract/policy';
import type { NetworkInfo, NetworkInterface } from '../../../main/probes/network/network';
import type { ProcessInfo } from '../../../main/probes/processes/process';

const ZSTUNNEL = '/opt/zscaler/bin/zstunnel';
const wifi: NetworkInterface = {
  name: 'wlp0s20f3',
  mac: '8c:c6:81:4a:0b:12',
  physical: true,
  kind: 'wireless',
  up: true,
};
const tunnel = (name: string, owners?: number[]): NetworkInterface => ({
  name,
  mac: null,
  physical: false,
  kind: 'tunnel',
  up: true,
  ...(owners ? { owners } : {}),
});
const proc = (pid: number, name: string, path: string | null): ProcessInfo => ({
  pid,
  name,
  path,
  cmdline: '',
});
const zstunnel = proc(2101, 'zstunnel', ZSTUNNEL);
const intact = (intactFile = true): NetworkInfo['packages'] => [
  { path: ZSTUNNEL, manager: 'dpkg', package: 'zscaler-client', verified: intactFile },
];
const net = (interfaces: NetworkInterface[], packages = intact()): NetworkInfo => ({
  interfaces: [wifi, ...interfaces],
  defaultRoutes: ['wlp0s20f3'],
  proxies: [],
  packages,
});
const approving = Policy.parse({ vpn: { approvedClients: ['Zscaler Client Connector'] } });
const judge = (network: NetworkInfo, processes: ProcessInfo[], policy = approving, reportAddress?: string) =>
  networkTunnelCheck.rule(
    { network, processes },
    { policy, platform: 'linux', ...(reportAddress ? { reportAddress } : {}) },
  );

describe('network.tunnel: the company VPN', () => {
  it('passes a tunnel held by the approved client at its package-verified path', () => {
    const out = judge(net([tunnel('zcctun0', [2101])]), [zstunnel]);
    expect(out.status).toBe('pass');
    expect(out.summary).toBe(
      'Only the company’s approved VPN is in use: Zscaler Client Connector on zcctun0.',
    );
    expect(out.evidence[0]).toMatchObject({ owner: 'zstunnel', ownerPath: ZSTUNNEL, approved: true });
  });

  it('warns as before when the policy does not approve it, saying so', () => {
    const out = judge(net([tunnel('zcctun0', [2101])]), [zstunnel], Policy.parse({}));
    expect(out.status).toBe('warn');
    expect(out.evidence[0]).toMatchObject({
      vpn: 'Zscaler Client Connector',
      why: "not approved by the company's policy",
    });
  });

  it('does not approve a client whose file is not the one its package installed, nor one found by name only', () => {
    expect(judge(net([tunnel('zcctun0', [2101])], intact(false)), [zstunnel]).status).toBe('warn');
    const renamed = proc(2101, 'zstunnel', '/home/hire/bin/zstunnel');
    expect(judge(net([tunnel('zcctun0', [2101])]), [renamed]).status).toBe('warn');
  });

  it('never approves by interface name: a zcctun0 held by another program warns', () => {
    const openvpn = proc(3300, 'openvpn', '/usr/sbin/openvpn');
    const out = judge(net([tunnel('zcctun0', [3300])]), [zstunnel, openvpn]);
    expect(out.status).toBe('warn');
    expect(out.evidence[0]).toMatchObject({
      owner: 'openvpn',
      vpn: 'Zscaler Client Connector',
      approved: false,
      why: 'held by openvpn, not by Zscaler Client Connector',
    });
  });

  it('credits an unreadable tun device to the running approved client, one device per client', () => {
    expect(judge(net([tunnel('zcctun0', [])]), [zstunnel]).status).toBe('pass');
    const two = judge(net([tunnel('zcctun0', []), tunnel('tun0', [])]), [zstunnel]);
    expect(two.status).toBe('warn');
    expect(two.summary).toContain('tunnel interface(s) up: tun0');
  });

  it('does not credit a kernel WireGuard link (no tun device) or anything while a consumer client runs', () => {
    expect(judge(net([tunnel('wg0')]), [zstunnel]).status).toBe('warn');
    const nordvpnd = proc(1990, 'nordvpnd', '/usr/sbin/nordvpnd');
    expect(judge(net([tunnel('zcctun0', [])]), [zstunnel, nordvpnd]).status).toBe('warn');
  });

  it("approves on the server by the company's egress range, which the device cannot know", () => {
    const egress = Policy.parse({ vpn: { egressRanges: ['203.0.113.0/24'] } });
    const wg = net([tunnel('wg0')], []);
    expect(judge(wg, [], egress).status).toBe('warn');
    expect(judge(wg, [], egress, '198.51.100.4').status).toBe('warn');
    const server = judge(wg, [], egress, '203.0.113.40');
    expect(server.status).toBe('pass');
    expect(server.evidence[0]).toMatchObject({
      approvedBy: "report received from the company's egress range 203.0.113.0/24",
    });
  });
});

describe('network.tunnel: consumer VPNs', () => {
  it.each([
    ['nordlynx', [proc(1990, 'nordvpnd', '/usr/sbin/nordvpnd')], 'NordVPN'],
    ['wg0-mullvad', [], 'Mullvad VPN'],
    ['proton0', [], 'Proton VPN'],
    ['wgpia0', [], 'Private Internet Access'],
  ])('%s warns, naming %s, even from the company egress', (name, processes, product) => {
    const egress = Policy.parse({ vpn: { egressRanges: ['203.0.113.0/24'] } });
    const out = judge(net([tunnel(name)], []), processes, egress, '203.0.113.40');
    expect(out.status).toBe('warn');
    expect(out.summary).toBe(`Traffic may be tunnelled: a consumer VPN is connected (${product}).`);
    expect(out.remediation).toContain(`Disconnect ${product}`);
  });

  it('names the product from the process holding a plain tun device (ExpressVPN)', () => {
    const expressvpnd = proc(1800, 'expressvpnd', '/usr/sbin/expressvpnd');
    const out = judge(net([tunnel('tun0', [1800])], []), [expressvpnd]);
    expect(out.evidence[0]).toMatchObject({
      interface: 'tun0',
      vpn: 'ExpressVPN',
      vpnKind: 'consumer',
      owner: 'expressvpnd',
    });
  });

  it('lists a consumer client that runs without a tunnel, and passes', () => {
    const out = judge(net([], []), [proc(1990, 'nordvpnd', '/usr/sbin/nordvpnd')]);
    expect(out.status).toBe('pass');
    expect(out.evidence).toEqual([
      { vpn: 'NordVPN', vpnKind: 'consumer', state: 'client running, no tunnel up' },
    ]);
  });
});

describe('network.tunnel: macOS system utuns', () => {
  const utun = (name: string, addressed: boolean): NetworkInterface => ({ ...tunnel(name), addressed });

  it('passes the unaddressed utuns macOS keeps for its own services', () => {
    const result = judge(net([utun('utun0', false), utun('utun1', false)]), []);
    expect(result.status).toBe('pass');
  });

  it('still warns on a utun holding an address (a VPN or overlay network)', () => {
    const result = judge(net([utun('utun0', false), utun('utun6', true)]), []);
    expect(result.status).toBe('warn');
    expect(result.summary).toContain('utun6');
    expect(result.summary).not.toContain('utun0');
  });

  it('still warns on an unaddressed utun that carries the default route', () => {
    const network = { ...net([utun('utun4', false)]), defaultRoutes: ['wlp0s20f3', 'utun4'] };
    const result = judge(network, []);
    expect(result.status).toBe('warn');
    expect(result.summary).toContain('the default route goes through utun4');
  });
});
