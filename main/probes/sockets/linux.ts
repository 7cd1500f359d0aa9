import type { Host } from '../host';
import { dpkgProvenance } from '../packages/linux';
import { REMOTE_CONTROL_PROTOCOLS } from './greeting';
import { identifyListeners } from './identify-protocols';
import { parseProcNetTcp, socketInode, type ProcNetSocket } from './parse-proc-net';
import type { SocketInfo } from './socket';

interface Owner {
  pid: number;
  name: string;
  /** /proc/PID/exe: readable for our own dumpable processes, or as root. */
  path: string | null;
}

/**
 * Listening sockets and inbound connections, each with the process that holds it, and what each
 * listening socket speaks. Owners come from /proc/[pid]/fd links (readable for our own processes,
 * or every process as root); the scan stops as soon as every socket worth naming has its owner.
 * The table is read before any socket is dialled, so our own connections are never in it.
 */
export async function readLinuxSockets(host: Host): Promise<SocketInfo[]> {
  const tables = await Promise.all(
    (['tcp', 'tcp6'] as const).map(async (protocol) =>
      parseProcNetTcp(await host.readText(`/proc/net/${protocol}`).catch(() => ''), protocol),
    ),
  );
  const listeningPorts = new Set(
    tables
      .flat()
      .filter((s) => s.state === 'listen')
      .map((s) => s.localPort),
  );
  const wanted = tables
    .flat()
    .filter((s) => s.state === 'listen' || (s.state === 'established' && listeningPorts.has(s.localPort)));
  const owners = await findOwners(host, new Set(wanted.map((s) => s.inode)));
  const sockets = wanted.map(({ inode, ...socket }: ProcNetSocket): SocketInfo => {
    const owner = owners.get(inode);
    return { ...socket, pid: owner?.pid ?? null, process: owner?.name ?? null, path: owner?.path ?? null };
  });
  return withProvenance(host, await identifyListeners(host, sockets));
}

/** Remote-control listeners whose executable we can read: is it the file its package installed? */
async function withProvenance(host: Host, sockets: SocketInfo[]): Promise<SocketInfo[]> {
  const servers = sockets.filter(
    (s) => s.path && s.pid !== null && s.speaks && REMOTE_CONTROL_PROTOCOLS.has(s.speaks.protocol),
  );
  if (servers.length === 0) return sockets;
  const files = new Map(
    servers.map((s) => [s.path ?? '', { path: s.path ?? '', image: `/proc/${s.pid}/exe` }]),
  );
  const provenance = await dpkgProvenance(host, [...files.values()]);
  return sockets.map((s) =>
    servers.includes(s) ? { ...s, provenance: provenance.get(s.path ?? '') ?? null } : s,
  );
}

async function findOwners(host: Host, inodes: Set<number>): Promise<Map<number, Owner>> {
  const owners = new Map<number, Owner>();
  inodes.delete(0);
  if (inodes.size === 0) return owners;
  const pids = (await host.list('/proc')).filter((name) => /^\d+$/.test(name));
  for (const pid of pids) {
    const fds = await host.list(`/proc/${pid}/fd`).catch(() => []);
    const links = await Promise.all(fds.map((fd) => host.readLink(`/proc/${pid}/fd/${fd}`).catch(() => '')));
    const held = links
      .map(socketInode)
      .filter((inode): inode is number => inode !== null && inodes.has(inode));
    if (held.length === 0) continue;
    const name = (await host.readText(`/proc/${pid}/comm`).catch(() => '?')).trim();
    const exe = await host.readLink(`/proc/${pid}/exe`).catch(() => null);
    const path = exe?.replace(/ \(deleted\)$/, '') ?? null;
    for (const inode of held) {
      owners.set(inode, { pid: Number(pid), name, path });
      inodes.delete(inode);
    }
    if (inodes.size === 0) break;
  }
  return owners;
}
