import { describe, expect, it } from 'vitest';
import { readDarwinLan } from '../../../main/probes/lan/darwin';
import { gatewayMacFromArp, parseRouteGetDefault } from '../../../main/probes/lan/parse-darwin';
import { replayHost } from '../../../main/probes/recorded/replay-host';

/** `route -n get default` on macOS 14 at home (the layout route(8) prints, as on real-world-systems.com's route.1). */
const ROUTE = `   route to: default
destination: default
       mask: default
    gateway: 192.168.1.1
  interface: en0
      flags: <UP,GATEWAY,DONE,STATIC,PRCLONING,GLOBAL>
 recvpipe  sendpipe  ssthresh  rtt,msec    rttvar  hopcount      mtu     expire
       0         0         0         0         0         0      1500         0 
`;
/** `arp -n 192.168.1.1`: macOS drops leading zeros of each octet. */
const ARP = '? (192.168.1.1) at a0:63:91:2b:4c:d on en0 ifscope [ethernet]\n';

describe('the LAN on macOS', () => {
  it('finds the gateway with route -n get default and its MAC with arp -n, zero-padded', async () => {
    expect(parseRouteGetDefault(ROUTE)).toEqual({ ip: '192.168.1.1', iface: 'en0' });
    expect(gatewayMacFromArp(ARP, { ip: '192.168.1.1', iface: 'en0' })).toEqual({
      state: 'read',
      mac: 'a0:63:91:2b:4c:0d',
    });
    const host = replayHost({
      platform: 'darwin',
      folder: 'inline',
      recordings: [
        { command: { file: 'route', args: ['-n', 'get', 'default'] }, output: ROUTE },
        { command: { file: 'arp', args: ['-n', '192.168.1.1'] }, output: ARP },
      ],
    });
    const lan = await readDarwinLan(host);
    expect(lan.gatewayMac).toEqual({ state: 'read', mac: 'a0:63:91:2b:4c:0d' });
    // macOS 14+ withholds the BSSID without Location Services: unavailable, with the reason, never an error.
    expect(lan.bssid).toEqual({
      state: 'unavailable',
      reason: expect.stringContaining('Location Services') as unknown,
    });
  });

  it('says the MAC is unavailable for an incomplete entry, and the route for a Mac offline', async () => {
    expect(
      gatewayMacFromArp('? (192.168.1.1) at (incomplete) on en0 ifscope [ethernet]\n', {
        ip: '192.168.1.1',
        iface: 'en0',
      }),
    ).toMatchObject({ state: 'unavailable' });
    const offline = replayHost({
      platform: 'darwin',
      folder: 'inline',
      recordings: [
        {
          command: { file: 'route', args: ['-n', 'get', 'default'] },
          failure: 'route: writing to routing socket: not in table',
        },
      ],
    });
    expect((await readDarwinLan(offline)).gatewayMac).toEqual({
      state: 'unavailable',
      reason: 'no IPv4 default route through a gateway',
    });
  });
});
