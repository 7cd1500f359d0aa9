import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realHost, sysrootHost } from '../../../main/probes/host';
import {
  dialAddress,
  GREETING_LIMITS,
  identifyListeners,
} from '../../../main/probes/sockets/identify-protocols';
import type { SocketInfo } from '../../../main/probes/sockets/socket';
import { SysrootBuilder } from '../../support/sysroot';

/**
 * Real TCP servers on loopback that behave as each protocol's server does at its first message
 * (the real servers are dialled in test/integration/remote-structure.test.ts).
 */
const servers: Server[] = [];
const accepted = new Map<number, number>();

function serve(port: number, onConnection: (socket: Socket) => void): Promise<void> {
  const server = createServer((socket) => {
    accepted.set(port, (accepted.get(port) ?? 0) + 1);
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  servers.push(server);
  return new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
}

const PORT = {
  ssh: 16001,
  slowRfb: 16002,
  rdp: 16003,
  relay: 16004,
  silent: 16005,
  closed: 16006,
  refused: 16007,
};

beforeAll(async () => {
  await serve(PORT.ssh, (s) => s.write('SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u10\r\n'));
  // x11vnc greets 250-310 ms after accepting: the wait must outlast it.
  await serve(PORT.slowRfb, (s) => setTimeout(() => s.writable && s.write('RFB 003.008\n'), 300));
  await serve(PORT.rdp, (s) =>
    s.once('data', (first: Buffer) =>
      first[0] === 0x03 ? s.write(Buffer.from('030000130ed000000000000203080001000000', 'hex')) : s.destroy(),
    ),
  );
  await serve(PORT.relay, (s) =>
    s.once('data', () => {
      s.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n');
      setTimeout(
        () => s.writable && s.write(Buffer.concat([Buffer.from([0x82, 0x0c]), Buffer.from('RFB 003.008\n')])),
        250,
      );
    }),
  );
  await serve(PORT.silent, () => undefined);
  await serve(PORT.closed, (s) => s.destroy());
});

afterAll(() => {
  for (const server of servers) server.close();
});

const listener = (port: number, localAddress = '127.0.0.1', pid = 700 + port): SocketInfo => ({
  protocol: localAddress.includes(':') ? 'tcp6' : 'tcp',
  localAddress,
  localPort: port,
  remoteAddress: localAddress.includes(':') ? '::' : '0.0.0.0',
  remotePort: 0,
  state: 'listen',
  pid,
  process: 'server',
});

describe('identifyListeners on live sockets', () => {
  it('tells each protocol by what it answers, in bounded time', async () => {
    const started = Date.now();
    const sockets = await identifyListeners(
      realHost('linux'),
      Object.values(PORT).map((port) => listener(port)),
    );
    const byPort = new Map(sockets.map((s) => [s.localPort, s.speaks]));
    expect(byPort.get(PORT.ssh)).toMatchObject({ protocol: 'ssh', asked: 'nothing' });
    expect(byPort.get(PORT.slowRfb)).toEqual({ protocol: 'rfb', banner: 'RFB 003.008', asked: 'nothing' });
    expect(byPort.get(PORT.rdp)).toEqual({
      protocol: 'rdp',
      banner: 'X.224 Connection Confirm, TLS',
      asked: 'rdp',
    });
    expect(byPort.get(PORT.relay)).toMatchObject({
      protocol: 'web-vnc',
      banner: 'WebSocket relay to RFB 003.008',
    });
    expect(byPort.get(PORT.silent)).toEqual({ protocol: 'silent', banner: null, asked: 'rdp' });
    expect(byPort.get(PORT.closed)).toEqual({ protocol: 'closed', banner: null, asked: 'rdp' });
    expect(byPort.get(PORT.refused)).toEqual({ protocol: 'refused', banner: null, asked: 'nothing' });
    // All seven run at once: the slowest (silent: greeting, web and RDP waits) bounds the whole.
    const { bannerWaitMs, webWaitMs, answerWaitMs } = GREETING_LIMITS;
    expect(Date.now() - started).toBeLessThan(bannerWaitMs + webWaitMs + answerWaitMs + 400);
  });

  it('asks one server once, however many addresses it listens on, and leaves connections alone', async () => {
    accepted.delete(PORT.ssh);
    const established = {
      ...listener(PORT.ssh),
      state: 'established' as const,
      remoteAddress: '203.0.113.9',
      remotePort: 50022,
    };
    const sockets = await identifyListeners(realHost('linux'), [
      listener(PORT.ssh, '0.0.0.0', 42),
      listener(PORT.ssh, '127.0.0.1', 42),
      established,
    ]);
    expect(accepted.get(PORT.ssh)).toBe(1);
    expect(sockets.map((s) => s.speaks?.protocol)).toEqual(['ssh', 'ssh', undefined]);
  });

  it('dials wildcards on loopback and never a link-local address', () => {
    expect(dialAddress('0.0.0.0')).toBe('127.0.0.1');
    expect(dialAddress('::')).toBe('::1');
    expect(dialAddress('::ffff:192.0.2.4')).toBe('192.0.2.4');
    expect(dialAddress('192.0.2.4')).toBe('192.0.2.4');
    expect(dialAddress('fe80::1')).toBeNull();
  });

  it('connects to nothing on a fixture machine', async () => {
    const host = sysrootHost((await SysrootBuilder.create()).root);
    const [socket] = await identifyListeners(host, [listener(PORT.ssh)]);
    expect(socket?.speaks).toEqual({ protocol: 'unprobed', banner: 'a fixture machine', asked: null });
  });
});
