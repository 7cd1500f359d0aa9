import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realHost, type Host } from '../../../main/probes/host';
import { darwinSocketCommands, readDarwinSockets } from '../../../main/probes/sockets/darwin';
import { readWin32Sockets } from '../../../main/probes/sockets/win32';
import { commandLine } from '../../../main/probes/command';

/**
 * macOS and Windows already name each socket's owner; they ask the same greeting of every listener
 * as Linux does. Their socket tables are given here as the tools print them (the layouts of
 * test/fixtures/recorded), naming live servers on this machine's loopback.
 */
const servers: Server[] = [];
beforeAll(async () => {
  const greet = (port: number, banner: string) =>
    new Promise<void>((resolve) => {
      const server = createServer((s) => s.end(banner)).listen(port, '127.0.0.1', () => resolve());
      servers.push(server);
    });
  await greet(16020, 'RFB 003.889\n');
  await greet(16021, 'SSH-2.0-OpenSSH_9.6\r\n');
});
afterAll(() => servers.forEach((s) => s.close()));

const hostAnswering = (platform: 'darwin' | 'win32', output: string): Host => ({
  ...realHost(platform),
  run: () => Promise.resolve(output),
});

describe('the greeting on other platforms', () => {
  it("asks macOS's listeners what they speak (Screen Sharing's RFB 003.889, Remote Login's SSH)", async () => {
    const netstat = [
      'Active Internet connections (including servers)',
      'Proto Recv-Q Send-Q  Local Address          Foreign Address        (state)          rxbytes      txbytes  rhiwat  shiwat          process:pid    state  options           gencnt    flags   flags1 usecnt rtncnt fltrs',
      'tcp4      0      0  127.0.0.1.16020        *.*                    LISTEN                 0            0  131072  131072  screensharingd:1310   00102 00000000 000000000000c3a0 00000080 01000900      1      0 000001',
      'tcp4      0      0  127.0.0.1.16021        *.*                    LISTEN                 0            0  131072  131072         launchd:1   00102 00000000 000000000000c3a1 00000080 01000900      1      0 000001',
    ].join('\n');
    expect(commandLine(darwinSocketCommands.netstat)).toBe('netstat -anv -p tcp');
    const sockets = await readDarwinSockets(hostAnswering('darwin', netstat));
    expect(sockets.map((s) => [s.localPort, s.process, s.speaks?.protocol, s.speaks?.banner])).toEqual([
      [16020, 'screensharingd', 'rfb', 'RFB 003.889'],
      [16021, 'launchd', 'ssh', 'SSH-2.0-OpenSSH_9.6'],
    ]);
  });

  it("asks Windows' listeners too", async () => {
    const rows = JSON.stringify([
      {
        LocalAddress: '127.0.0.1',
        LocalPort: 16020,
        RemoteAddress: '0.0.0.0',
        RemotePort: 0,
        State: 'Listen',
        OwningProcess: 4120,
        OwningProcessName: 'tvnserver',
      },
    ]);
    const [socket] = await readWin32Sockets(hostAnswering('win32', rows));
    expect(socket).toMatchObject({
      process: 'tvnserver',
      speaks: { protocol: 'rfb', banner: 'RFB 003.889' },
    });
  });
});
