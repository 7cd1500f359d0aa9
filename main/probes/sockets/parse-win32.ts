import { integer, rowsOf, text } from '../json-rows';
import type { SocketInfo, SocketState } from './socket';

/** MSFT_NetTCPConnection.State, as its name or as the number ConvertTo-Json prints for an enum. */
const STATES: Record<string, SocketState> = {
  Listen: 'listen',
  '2': 'listen',
  Established: 'established',
  '5': 'established',
};

/** Get-NetTCPConnection rows with the owning process's name joined in (Get-Process names it without `.exe`). */
export function socketsFromWin32(value: unknown): SocketInfo[] {
  const sockets: SocketInfo[] = [];
  for (const row of rowsOf(value)) {
    const localAddress = text(row, 'LocalAddress');
    const localPort = integer(row, 'LocalPort');
    if (localAddress === null || localPort === null) continue;
    sockets.push({
      protocol: localAddress.includes(':') ? 'tcp6' : 'tcp',
      localAddress,
      localPort,
      remoteAddress: text(row, 'RemoteAddress') ?? '',
      remotePort: integer(row, 'RemotePort') ?? 0,
      state: STATES[text(row, 'State') ?? ''] ?? 'other',
      pid: integer(row, 'OwningProcess'),
      process: text(row, 'OwningProcessName'),
    });
  }
  return sockets;
}
