export type SocketState = 'listen' | 'established' | 'other';

/** A TCP socket with the process that owns it, when that can be found. */
export interface SocketInfo {
  protocol: 'tcp' | 'tcp6';
  localAddress: string;
  localPort: number;
  remoteAddress: string;
  remotePort: number;
  state: SocketState;
  pid: number | null;
  process: string | null;
}
