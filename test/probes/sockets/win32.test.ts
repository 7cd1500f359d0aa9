import { describe, expect, it } from 'vitest';
import { decodeJson } from '../../../main/probes/command';
import { socketsFromWin32 } from '../../../main/probes/sockets/parse-win32';
import { recordedText } from '../../support/replay-host';

describe('Windows sockets from Get-NetTCPConnection', () => {
  it('reads listeners and connections with their owning process', () => {
    const sockets = socketsFromWin32(
      decodeJson(recordedText('win32', 'rdp-session', 'sockets.json'), 'test'),
    );
    expect(sockets).toContainEqual({
      protocol: 'tcp',
      localAddress: '192.168.1.57',
      localPort: 3389,
      remoteAddress: '198.51.100.23',
      remotePort: 50122,
      state: 'established',
      pid: 1480,
      process: 'svchost',
    });
    expect(sockets.find((s) => s.localAddress === '::')?.protocol).toBe('tcp6');
  });

  it('takes a single connection printed as a bare object, and enum states printed as numbers', () => {
    const sockets = socketsFromWin32(
      decodeJson(recordedText('win32', 'virtualbox-vm', 'sockets.json'), 'test'),
    );
    expect(sockets).toHaveLength(1);
    expect(
      socketsFromWin32([{ LocalAddress: '0.0.0.0', LocalPort: 5900, State: 2, OwningProcess: 9 }])[0],
    ).toMatchObject({
      state: 'listen',
      process: null,
    });
  });
});
