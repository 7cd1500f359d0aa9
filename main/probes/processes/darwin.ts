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
    runCommand(host, darwinProcessCommands.psArgs),
  ]);
  const processes = processesFromPs(comm, args);
  if (processes.length === 0) throw new Error('ps listed no processes');
  return processes;
}
