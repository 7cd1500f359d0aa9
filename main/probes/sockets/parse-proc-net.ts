import type { SocketInfo, SocketState } from './socket';

/** One row of /proc/net/tcp or tcp6, before its owner is known. */
export interface ProcNetSocket extends Omit<SocketInfo, 'pid' | 'process' | 'uid'> {
  inode: number;
  /** The socket's owner uid: readable here even when its process is not. */
  uid: number;
}

const STATES: Record<string, SocketState> = { '01': 'established', '0A': 'listen' };

/**
 * /proc/net/tcp{,6}: addresses are hex in host byte order, 32-bit words for IPv6 (little-endian
 * on the machines we run on). Rows that do not parse are skipped; the header is the first line.
 */
export function parseProcNetTcp(text: string, protocol: 'tcp' | 'tcp6'): ProcNetSocket[] {
  const sockets: ProcNetSocket[] = [];
  for (const line of text.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 10) continue;
    const [, local, remote, state, , , , uid, , inode] = fields;
    const l = splitAddress(local ?? '');
    const r = splitAddress(remote ?? '');
    if (!l || !r || !/^\d+$/.test(inode ?? '') || !/^\d+$/.test(uid ?? '')) continue;
    sockets.push({
      protocol,
      localAddress: l.address,
      localPort: l.port,
      remoteAddress: r.address,
      remotePort: r.port,
      state: STATES[state ?? ''] ?? 'other',
      inode: Number(inode),
      uid: Number(uid),
    });
  }
  return sockets;
}

function splitAddress(field: string): { address: string; port: number } | null {
  const match = /^([0-9A-F]{8}|[0-9A-F]{32}):([0-9A-F]{4})$/i.exec(field);
  if (!match) return null;
  const [, hex = '', port = ''] = match;
  return { address: hex.length === 8 ? ipv4(hex) : ipv6(hex), port: parseInt(port, 16) };
}

function ipv4(hex: string): string {
  const bytes = littleEndianBytes(hex);
  return bytes.join('.');
}

function ipv6(hex: string): string {
  const bytes = [0, 8, 16, 24].flatMap((offset) => littleEndianBytes(hex.slice(offset, offset + 8)));
  if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff) {
    return `::ffff:${bytes.slice(12).join('.')}`;
  }
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0)).toString(16));
  return groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::');
}

function littleEndianBytes(word: string): number[] {
  const bytes = [0, 2, 4, 6].map((i) => parseInt(word.slice(i, i + 2), 16));
  return bytes.reverse();
}

/** `socket:[12345]`, the target of a /proc/[pid]/fd link to a socket. */
export function socketInode(link: string): number | null {
  const match = /^socket:\[(\d+)\]$/.exec(link);
  return match ? Number(match[1]) : null;
}
