import type { Host } from '../host';
import { parseProcNetTcp, socketInode } from '../sockets/parse-proc-net';
import type { ProcessNetwork } from './process';

/** __SO_ACCEPTCON in /proc/net/unix's Flags column: the socket listens (unix(7), net/unix/af_unix.c). */
const SO_ACCEPTCON = 0x10000;

/** /proc/net/unix: `Num RefCount Protocol Flags Type St Inode Path`; the inodes of listening sockets. */
export function listeningUnixInodes(text: string): Set<number> {
  const inodes = new Set<number>();
  for (const line of text.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    const flags = parseInt(fields[3] ?? '', 16);
    const inode = Number(fields[6]);
    if (Number.isInteger(inode) && (flags & SO_ACCEPTCON) !== 0) inodes.add(inode);
  }
  return inodes;
}

export interface SocketTables {
  tcpListening: Set<number>;
  tcpConnected: Set<number>;
  unixListening: Set<number>;
}

/** The socket inodes of this network namespace, by kind. */
export async function readSocketTables(host: Host): Promise<SocketTables> {
  const text = (path: string) => host.readText(path).catch(() => '');
  const tcp = [
    ...parseProcNetTcp(await text('/proc/net/tcp'), 'tcp'),
    ...parseProcNetTcp(await text('/proc/net/tcp6'), 'tcp6'),
  ];
  return {
    tcpListening: new Set(tcp.filter((s) => s.state === 'listen').map((s) => s.inode)),
    tcpConnected: new Set(tcp.filter((s) => s.state === 'established').map((s) => s.inode)),
    unixListening: listeningUnixInodes(await text('/proc/net/unix')),
  };
}

/** What the sockets one process holds (its /proc/PID/fd links) say; null when they cannot be read. */
export async function processNetwork(
  host: Host,
  pid: number,
  tables: SocketTables,
): Promise<ProcessNetwork | null> {
  const fds = await host.list(`/proc/${pid}/fd`).catch(() => null);
  if (fds === null) return null;
  const links = await Promise.all(fds.map((fd) => host.readLink(`/proc/${pid}/fd/${fd}`).catch(() => '')));
  const inodes = links.map(socketInode).filter((inode): inode is number => inode !== null);
  return {
    tcpListening: inodes.some((inode) => tables.tcpListening.has(inode)),
    tcpConnected: inodes.some((inode) => tables.tcpConnected.has(inode)),
    unixListening: inodes.some((inode) => tables.unixListening.has(inode)),
  };
}
