import { runCommand, type Command } from '../command';
import type { Host } from '../host';
import type { ProcessInfo } from './process';
import { processesFromPs } from './parse-darwin';

/** Two columns read apart: a path with spaces cannot be told from the arguments on one line. */
export const darwinProcessCommands = {
  psComm: { file: 'ps', args: ['-axww', '-o', 'pid=,comm='] },
  psArgs: { file: 'ps', args: ['-axww', '-o', 'pid=,args='] },
} satisfies Record<string, Command>;

export async function readDarwinProcesses(host: Host): Promise<ProcessInfo[]> {
  const [comm, args] = await Promise.all([
    runCommand(host, darwinProcessCommands.psComm),
    // Only rules that read arguments (a Windows program under Wine) need them: without the listing,
    // every process still counts, by its argv[0].
    runCommand(host, darwinProcessCommands.psArgs).catch(() => ''),
  ]);
  const processes = processesFromPs(comm, args);
  if (processes.length === 0) throw new Error('ps listed no processes');
  return processes;
}
