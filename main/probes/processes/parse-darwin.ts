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
 * macOS `comm` is argv[0] and `args` the whole argv joined by spaces, both read from the process's
 * own argument area (Apple's adv_cmds ps/print.c, getproclline, skips the kernel's saved exec path):
 * a full path for what launchd starts, a bare name for what a shell starts (`node`), and whatever a
 * process chose (`exec -a`). Where ps may not read that area, both print the kernel's short name in
 * parentheses. So on macOS a process's path is what it claims, never a verified image.
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
