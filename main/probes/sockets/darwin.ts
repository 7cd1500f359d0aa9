import { runCommand, type Command } from '../command';
import type { Host } from '../host';
import { darwinProcessCommands } from '../processes/darwin';
import { identifyListeners } from './identify-protocols';
import { processesFromPs } from '../processes/parse-darwin';
import { nameOwners, parseNetstatTcp } from './parse-darwin';
import { serverSockets } from './server-sockets';
import type { SocketInfo } from './socket';

/** netstat sees every user's sockets without root (lsof sees only our own). */
export const darwinSocketCommands = {
  netstat: { file: 'netstat', args: ['-anv', '-p', 'tcp'] },
} satisfies Record<string, Command>;

/** netstat's table first, then each listening socket asked what it speaks (the same greeting as Linux). */
export async function readDarwinSockets(host: Host): Promise<SocketInfo[]> {
  const sockets = serverSockets(parseNetstatTcp(await runCommand(host, darwinSocketCommands.netstat)));
  if (!sockets.some((s) => s.process === null && s.pid !== null)) return identifyListeners(host, sockets);
  const processes = processesFromPs(await runCommand(host, darwinProcessCommands.psComm), '');
  return identifyListeners(host, nameOwners(sockets, new Map(processes.map((p) => [p.pid, p.name]))));
}
