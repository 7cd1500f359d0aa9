import { describe, expect, it } from 'vitest';
import {
  parseDefaultRoutes,
  parseIfconfig,
  parseScutilProxy,
} from '../../../main/probes/network/parse-darwin';
import { recordedText } from '../../support/replay-host';

describe('macOS network from ifconfig, netstat -rn and scutil', () => {
  it('reads interfaces, their MACs and whether they are up', () => {
    const interfaces = parseIfconfig(recordedText('darwin', 'clean-macbook', 'ifconfig.txt'));
    expect(interfaces.find((i) => i.name === 'en0')).toEqual({
      name: 'en0',
      mac: '5c:e9:1e:8a:3b:42',
      physical: true,
      kind: 'ethernet',
      up: true,
    });
    expect(interfaces.find((i) => i.name === 'bridge0')).toMatchObject({ kind: 'virtual', up: false });
    expect(interfaces.find((i) => i.name === 'utun0')).toMatchObject({ kind: 'tunnel', mac: null });
  });

  it('says which tunnels hold a routable address: the system utuns of a real Mac do not', () => {
    const system = parseIfconfig(recordedText('darwin', 'jc-macos-10.14.6-system-utuns', 'ifconfig.txt'));
    expect(system.filter((i) => i.kind === 'tunnel' && i.up).map((i) => [i.name, i.addressed])).toEqual([
      ['utun0', false],
      ['utun1', false],
      ['utun2', false],
      ['utun3', false],
      ['utun4', false],
    ]);
    const tailscale = parseIfconfig(recordedText('darwin', 'tailscale-network-extension', 'ifconfig.txt'));
    expect(tailscale).toEqual([
      { name: 'utun6', mac: null, physical: false, kind: 'tunnel', up: true, addressed: true },
    ]);
    const overlay = parseIfconfig(recordedText('darwin', 'yggdrasil-utun', 'ifconfig.txt'));
    expect(overlay.find((i) => i.name === 'utun0')?.addressed).toBe(true);
    expect(overlay.find((i) => i.name === 'en0')).not.toHaveProperty('addressed');
  });

  it('ignores the interface-scoped utun defaults every Mac has', () => {
    expect(parseDefaultRoutes(recordedText('darwin', 'clean-macbook', 'netstat-rn.txt'))).toEqual(['en0']);
  });

  it('ignores scoped defaults of a Tailscale utun and a UTM bridge on a real Mac', () => {
    expect(parseDefaultRoutes(recordedText('darwin', 'tailscale-utm-routes', 'netstat-rn.txt'))).toEqual([
      'en0',
    ]);
  });

  it('sees a VPN that takes the default with 0/1 and 128.0/1', () => {
    const routes =
      'Internet:\nDestination        Gateway            Flags               Netif Expire\n' +
      'default            192.168.1.1        UGScg                 en0\n0/1                10.8.0.1           UGScg               utun4\n128.0/1            10.8.0.1           UGSc                utun4\n';
    expect(parseDefaultRoutes(routes)).toEqual(['en0', 'utun4']);
  });

  it('reads enabled proxies only', () => {
    expect(parseScutilProxy(recordedText('darwin', 'clean-macbook', 'scutil-proxy.txt'))).toEqual([]);
    expect(
      parseScutilProxy(
        '<dictionary> {\n  HTTPEnable : 1\n  HTTPPort : 3128\n  HTTPProxy : proxy.corp.example\n  SOCKSEnable : 0\n  SOCKSProxy : x\n}\n',
      ),
    ).toEqual([{ source: 'scutil --proxy HTTPProxy', value: 'proxy.corp.example:3128' }]);
  });
});
