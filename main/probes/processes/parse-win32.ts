import { integer, rowsOf, text } from '../json-rows';
import type { ProcessInfo } from './process';

/**
 * Win32_Process rows (Name, ExecutablePath, ProcessId, ParentProcessId, CommandLine). Windows hides
 * the path and command line of protected and other users' processes from a standard user: those stay
 * null/empty. The parent id is kept as Windows reports it (it may name a pid reused since).
 */
export function processesFromWin32(value: unknown): ProcessInfo[] {
  const processes: ProcessInfo[] = [];
  for (const row of rowsOf(value)) {
    const pid = integer(row, 'ProcessId');
    const name = text(row, 'Name');
    if (pid === null || name === null) continue;
    const ppid = integer(row, 'ParentProcessId');
    processes.push({
      pid,
      name,
      path: text(row, 'ExecutablePath'),
      cmdline: text(row, 'CommandLine') ?? '',
      ...(ppid === null ? {} : { ppid }),
    });
  }
  return processes;
}
