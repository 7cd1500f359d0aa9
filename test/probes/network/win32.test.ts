import { describe, expect, it } from 'vitest';
import { decodeJson } from '../../../main/probes/command';
import { networkFromWin32 } from '../../../main/probes/network/parse-win32';
import { recordedText } from '../../support/replay-host';

const network = (scenario: string) =>
  networkFromWin32(decodeJson(recordedText('win32', scenario, 'network.json'), 'test'));

describe('Windows network from Get-NetAdapter, Get-NetRoute and proxy settings', () => {
  it('tells Wi-Fi, a Hyper-V switch and a GlobalProtect tunnel apart, with both proxies', () => {
    const info = network('dell-vbs');
    expect(info.interfaces.map((i) => [i.name, i.kind, i.physical, i.mac])).toEqual([
      ['Wi-Fi', 'wireless', true, '70:a8:d3:11:22:33'],
      ['vEthernet (Default Switch)', 'virtual', false, '00:15:5d:a1:07:3c'],
      ['Ethernet 3', 'tunnel', false, '02:50:41:00:00:01'],
    ]);
    expect(info.defaultRoutes).toEqual(['Wi-Fi', 'Ethernet 3']);
    expect(info.proxies).toEqual([
      { source: 'Internet Settings ProxyServer', value: 'proxy.corp.example:8080' },
      { source: 'netsh winhttp show proxy', value: 'proxy.corp.example:8080' },
    ]);
  });

  it('takes single adapters and routes printed as bare objects (a VirtualBox guest)', () => {
    expect(network('virtualbox-vm')).toEqual({
      interfaces: [
        { name: 'Ethernet', mac: '08:00:27:5b:2c:11', physical: true, kind: 'ethernet', up: true },
      ],
      defaultRoutes: ['Ethernet'],
      proxies: [],
    });
  });
});
