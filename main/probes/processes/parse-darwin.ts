import { baseName } from '../path-name';
import type { ProcessInfo } from './process';

/** `ps -o pid=,<column>=` with one column: the pid, then the rest of the line. */
export function parsePsColumn(text: string): Map<number, string> {
  const rows = new Map<number, string>();
  for (const line of text.split('\n')) {
    const match = /^\s*(\d+) (.*)$/.exec(line.replace(/\r$/, ''));
    if (match) rows.set(Number(match[1]), (match[2] ?? '').trim());
  }
  return rows;
}

/**
 * macOS `comm` is the executable's full path when ps may read it, and the kernel's short name in
 * parentheses when it may not; `args` is the command line as the process set it (renamable).
 */
export function processesFromPs(commText: string, argsText: string): ProcessInfo[] {
  const args = parsePsColumn(argsText);
  const processes: ProcessInfo[] = [];
  for (const [pid, comm] of parsePsColumn(commText)) {
    if (comm === '') continue;
    const shortName = /^\((.*)\)$/.exec(comm)?.[1];
    const path = shortName === undefined && comm.startsWith('/') ? comm : null;
    processes.push({
      pid,
      name: shortName ?? baseName(comm),
      path,
      cmdline: args.get(pid) ?? comm,
    });
  }
  return processes;
}
