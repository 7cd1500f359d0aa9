import { REMOTE_CONTROL_PROTOCOLS, type ServedProtocol } from '../../probes/sockets/greeting';
import type { SocketInfo } from '../../probes/sockets/socket';

/** How the evidence names each remote-control protocol. */
const LABELS: Partial<Record<ServedProtocol, string>> = {
  ssh: 'SSH',
  rfb: 'VNC (RFB)',
  rdp: 'RDP',
  xpra: 'xpra',
  telnet: 'telnet',
  'web-vnc': 'a web VNC client',
};

export const protocolLabel = (protocol: ServedProtocol): string => LABELS[protocol] ?? protocol;

/** A listening socket that hands out this machine's screen, input or a shell, by what it answered. */
export const servesRemoteControl = (socket: SocketInfo): boolean =>
  socket.state === 'listen' &&
  socket.speaks !== undefined &&
  REMOTE_CONTROL_PROTOCOLS.has(socket.speaks.protocol);

/** The answer could not tell the protocol: the port list still counts for these. */
export const UNTOLD: ReadonlySet<ServedProtocol> = new Set<ServedProtocol>([
  'other',
  'silent',
  'closed',
  'refused',
  'unprobed',
]);

/** Each port some listening socket serves a remote-control protocol on, with that socket. */
export function remoteControlPorts(sockets: readonly SocketInfo[]): Map<number, SocketInfo> {
  const ports = new Map<number, SocketInfo>();
  for (const socket of sockets.filter(servesRemoteControl)) {
    if (!ports.has(socket.localPort)) ports.set(socket.localPort, socket);
  }
  return ports;
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;
export const isLoopback = (address: string): boolean => LOOPBACK.test(address);
