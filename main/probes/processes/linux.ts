import type { Host } from '../host';
import type { ProcessInfo } from './process';
import { parseCmdline, processFromProc } from './parse-linux';

/** Reads /proc/[pid]/{comm,cmdline,exe} directly: no `ps`, so a full scan stays in milliseconds. */
export async function readLinuxProcesses(host: Host): Promise<ProcessInfo[]> {
  const pids = (await host.list('/proc')).filter((name) => /^\d+$/.test(name));
  const rows = await Promise.all(
    pids.map(async (pid) => {
      const [comm, cmdline, exe] = await Promise.all([
        host.readText(`/proc/${pid}/comm`).catch(() => null),
        host.readText(`/proc/${pid}/cmdline`).catch(() => ''),
        host.readLink(`/proc/${pid}/exe`).catch(() => null),
      ]);
      // A process that exited between the listing and the read leaves no comm: skip it.
      return comm === null ? null : processFromProc(Number(pid), comm, parseCmdline(cmdline), exe);
    }),
  );
  return rows.filter((row): row is ProcessInfo => row !== null);
}
