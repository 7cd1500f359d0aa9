import type { Host } from '../host';
import { parseProcNetTcp, socketInode, type ProcNetSocket } from './parse-proc-net';
import type { SocketInfo } from './socket';

/**
 * Listening sockets and inbound connections, each with the process that holds it. Owners come from
 * /proc/[pid]/fd links; the scan stops as soon as every socket worth naming has its owner.
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
  return wanted.map(({ inode, ...socket }: ProcNetSocket) => {
    const owner = owners.get(inode);
    return { ...socket, pid: owner?.pid ?? null, process: owner?.name ?? null };
  });
}

async function findOwners(
  host: Host,
  inodes: Set<number>,
): Promise<Map<number, { pid: number; name: string }>> {
  const owners = new Map<number, { pid: number; name: string }>();
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
    for (const inode of held) {
      owners.set(inode, { pid: Number(pid), name });
      inodes.delete(inode);
    }
    if (inodes.size === 0) break;
  }
  return owners;
}
