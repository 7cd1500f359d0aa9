import { decodeJson, runCommand } from '../command';
import type { Host } from '../host';
import { powershell } from '../powershell';
import { identifyListeners } from './identify-protocols';
import { socketsFromWin32 } from './parse-win32';
import { serverSockets } from './server-sockets';
import type { SocketInfo } from './socket';

export const win32SocketCommands = {
  sockets: powershell(
    '$n=@{};Get-Process|ForEach-Object{$n[$_.Id]=$_.ProcessName};' +
      'Get-NetTCPConnection -State Listen,Established -ErrorAction SilentlyContinue|' +
      "Select-Object LocalAddress,LocalPort,RemoteAddress,RemotePort,@{n='State';e={[string]$_.State}}," +
      "OwningProcess,@{n='OwningProcessName';e={$n[[int]$_.OwningProcess]}}|ConvertTo-Json -Depth 4 -Compress",
  ),
};

/** Get-NetTCPConnection's table first, then each listening socket asked what it speaks (as on Linux). */
export async function readWin32Sockets(host: Host): Promise<SocketInfo[]> {
  const output = await runCommand(host, win32SocketCommands.sockets);
  return identifyListeners(host, serverSockets(socketsFromWin32(decodeJson(output, 'Get-NetTCPConnection'))));
}
