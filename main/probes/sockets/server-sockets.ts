import type { SocketInfo } from './socket';

/** Listening sockets and connections into a listening port: the ones a remote-control server holds. */
export function serverSockets(sockets: readonly SocketInfo[]): SocketInfo[] {
  const listening = new Set(sockets.filter((s) => s.state === 'listen').map((s) => s.localPort));
  return sockets.filter(
    (s) => s.state === 'listen' || (s.state === 'established' && listening.has(s.localPort)),
  );
}
