import { describe, expect, it } from 'vitest';
import { nameOwners, parseNetstatTcp } from '../../../main/probes/sockets/parse-darwin';
import { serverSockets } from '../../../main/probes/sockets/server-sockets';
import { recordedText } from '../../support/replay-host';

describe('macOS sockets from netstat -anv', () => {
  it('reads the macOS 14 layout, owner names with spaces included', () => {
    const sockets = parseNetstatTcp(recordedText('darwin', 'anydesk-screensharing', 'netstat-anv-tcp.txt'));
    expect(sockets).toHaveLength(14);
    expect(sockets).toContainEqual({
      protocol: 'tcp6',
      localAddress: '::',
      localPort: 7070,
      remoteAddress: '::',
      remotePort: 0,
      state: 'listen',
      pid: 920,
      process: 'AnyDesk',
    });
    expect(sockets.find((s) => s.localPort === 52611)).toMatchObject({
      process: 'Google Chrome H',
      pid: 655,
    });
  });

  it('keeps only listeners and connections into them', () => {
    const kept = serverSockets(
      parseNetstatTcp(recordedText('darwin', 'anydesk-screensharing', 'netstat-anv-tcp.txt')),
    );
    expect(
      kept.filter((s) => s.state === 'established').map((s) => `${s.localPort}<-${s.remoteAddress}`),
    ).toEqual(['5900<-203.0.113.77']);
  });

  it('reads the older pid/epid layout and names owners from ps', () => {
    const sockets = parseNetstatTcp(recordedText('darwin', 'obs-virtual-camera', 'netstat-anv-tcp.txt'));
    expect(sockets.find((s) => s.localPort === 4455)).toMatchObject({
      pid: 880,
      process: null,
      protocol: 'tcp6',
    });
    expect(nameOwners(sockets, new Map([[880, 'OBS']])).find((s) => s.localPort === 4455)?.process).toBe(
      'OBS',
    );
  });

  it('skips rows it cannot read and output without a header', () => {
    expect(parseNetstatTcp('tcp4 0 0 *.80 *.* LISTEN')).toEqual([]);
    expect(
      parseNetstatTcp(
        'Proto Recv-Q Send-Q  Local Address          Foreign Address        (state)\ntcp4 0 0 nonsense *.* LISTEN\n',
      ),
    ).toEqual([]);
  });
});
