import { describe, expect, it } from 'vitest';
import { parseProcNetTcp, socketInode } from '../../../main/probes/sockets/parse-proc-net';

// Rows as this kernel prints them (a listener, a TIME_WAIT and an established outbound connection).
const TCP = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000:170C 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 48211 1 0000000000000000 100 0 0 10 0
   1: 020200C0:9E76 507100CB:0050 06 00000000:00000000 03:000012AE 00000000     0        0 0 3 00000000227ae4d9
   2: 0100007F:170C 0100007F:D1C2 01 00000000:00000000 02:0000000E 00000000     0        0 12862 2 000000005a5cdfbf 20 4 0 102 -1
   3: garbage row that does not parse
`;
const TCP6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000000000000:0D3D 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 5511 1 0000000000000000 100 0 0 10 0
   1: 0000000000000000FFFF00000100007F:1F90 0000000000000000FFFF00000100007F:C350 01 00000000:00000000 00:00000000 00000000     0        0 5512 1 0000000000000000 20 4 0 10 -1
   2: 00000000000000000000000001000000:0016 00000000000000000000000001000000:E000 01 00000000:00000000 00:00000000 00000000     0        0 5513 1 0000000000000000 20 4 0 10 -1
`;

describe('parseProcNetTcp', () => {
  it('decodes IPv4 addresses in host byte order, ports, states, owner uids and inodes', () => {
    const rows = parseProcNetTcp(TCP, 'tcp');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual({
      protocol: 'tcp',
      localAddress: '0.0.0.0',
      localPort: 5900,
      remoteAddress: '0.0.0.0',
      remotePort: 0,
      state: 'listen',
      inode: 48211,
      uid: 1000,
    });
    expect(rows[1]).toMatchObject({
      localAddress: '192.0.2.2',
      remoteAddress: '203.0.113.80',
      remotePort: 80,
      state: 'other',
    });
    expect(rows[2]).toMatchObject({
      localAddress: '127.0.0.1',
      localPort: 5900,
      remotePort: 53698,
      state: 'established',
    });
  });

  it('decodes IPv6, IPv4-mapped and loopback addresses', () => {
    const rows = parseProcNetTcp(TCP6, 'tcp6');
    expect(rows.map((r) => [r.localAddress, r.localPort, r.state])).toEqual([
      ['::', 3389, 'listen'],
      ['::ffff:127.0.0.1', 8080, 'established'],
      ['::1', 22, 'established'],
    ]);
  });

  it('reads nothing from an empty or header-only table', () => {
    expect(parseProcNetTcp('', 'tcp')).toEqual([]);
    expect(parseProcNetTcp(TCP.split('\n')[0] ?? '', 'tcp')).toEqual([]);
  });

  it('recognises socket fd links only', () => {
    expect(socketInode('socket:[48211]')).toBe(48211);
    expect(socketInode('pipe:[48211]')).toBeNull();
    expect(socketInode('/dev/null')).toBeNull();
  });
});
