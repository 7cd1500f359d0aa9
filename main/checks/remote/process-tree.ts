import type { ProcessInfo } from '../../probes/processes/process';

/** The process table by pid, as the processes probe read it. */
export type ProcessTable = ReadonlyMap<number, ProcessInfo>;

export const processTable = (processes: readonly ProcessInfo[]): ProcessTable =>
  new Map(processes.map((p) => [p.pid, p]));

/** A process's parents, nearest first, as far as the table shows them (a loop ends the walk). */
export function ancestorsOf(pid: number, table: ProcessTable): ProcessInfo[] {
  const chain: ProcessInfo[] = [];
  const seen = new Set([pid]);
  for (let next = table.get(pid)?.ppid; next !== undefined && next > 0 && !seen.has(next);) {
    const parent = table.get(next);
    if (!parent) break;
    chain.push(parent);
    seen.add(next);
    next = parent.ppid;
  }
  return chain;
}

/** `name (pid N)`: how the evidence names a process. */
export const processLabel = (p: Pick<ProcessInfo, 'name' | 'pid'>): string => `${p.name} (pid ${p.pid})`;
