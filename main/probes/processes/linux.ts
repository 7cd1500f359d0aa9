import type { Host } from '../host';
import { parseStat } from '../runtime/parse-linux';
import type { ProcessInfo } from './process';
import { processNetwork, readSocketTables, type SocketTables } from './process-network';
import { parseCmdline, parseStatusUid, processFromProc } from './parse-linux';
import { roleOf, watchedLibraries } from './watched-libraries';

/** Libraries that make a process worth asking which sockets it holds. */
const SCREEN_ROLES = new Set(['remote-desktop server', 'input injection', 'screen capture']);

/**
 * Reads /proc/[pid]/{comm,cmdline,exe,stat,status,maps} directly: no `ps`, so a full scan stays
 * fast. stat and status are readable for every process (unless /proc hides other users' processes
 * altogether, hidepid=2); exe, maps and fd only for our own dumpable processes (or as root).
 */
export async function readLinuxProcesses(host: Host): Promise<ProcessInfo[]> {
  const pids = (await host.list('/proc')).filter((name) => /^\d+$/.test(name));
  let tables: Promise<SocketTables> | null = null;
  const rows = await Promise.all(
    pids.map(async (pid): Promise<ProcessInfo | null> => {
      const [comm, cmdline, exe, stat, status, maps] = await Promise.all([
        host.readText(`/proc/${pid}/comm`).catch(() => null),
        host.readText(`/proc/${pid}/cmdline`).catch(() => ''),
        host.readLink(`/proc/${pid}/exe`).catch(() => null),
        host.readText(`/proc/${pid}/stat`).catch(() => ''),
        host.readText(`/proc/${pid}/status`).catch(() => ''),
        host.readText(`/proc/${pid}/maps`).catch(() => null),
      ]);
      // A process that exited between the listing and the read leaves no comm: skip it.
      if (comm === null) return null;
      const process = processFromProc(Number(pid), comm, parseCmdline(cmdline), exe);
      const row = parseStat(stat);
      const uid = parseStatusUid(status);
      const libraries = maps === null ? null : watchedLibraries(maps);
      const watching = libraries?.some((name) => SCREEN_ROLES.has(roleOf(name) ?? '')) ?? false;
      const network = watching
        ? await processNetwork(host, Number(pid), await (tables ??= readSocketTables(host)))
        : null;
      return {
        ...process,
        ...(row ? { ppid: row.ppid, sid: row.session } : {}),
        ...(uid === null ? {} : { uid }),
        ...(libraries === null ? {} : { libraries }),
        ...(network === null ? {} : { network }),
      };
    }),
  );
  return rows.filter((row): row is ProcessInfo => row !== null);
}
