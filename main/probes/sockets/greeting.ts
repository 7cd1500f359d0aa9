import { z } from 'zod';

/**
 * What a listening socket speaks, told by a local connection: the protocols of remote control and
 * remote shells, a few that only say "not remote control", and why nothing could be told.
 */
export const ServedProtocol = z.enum([
  'ssh',
  'rfb',
  'rdp',
  'xpra',
  'telnet',
  /** HTTP serving a web VNC/KVM client, or a WebSocket relay to an RFB server (noVNC/websockify). */
  'web-vnc',
  'http',
  'tls',
  'other',
  /** Accepted the connection and said nothing to any first message. */
  'silent',
  /** Accepted the connection and hung up without a byte. */
  'closed',
  'refused',
  /** Not tried: no live connection (a fixture machine), an address we cannot reach, or the budget ran out. */
  'unprobed',
]);
export type ServedProtocol = z.infer<typeof ServedProtocol>;

/** A listening socket's answer, as the evidence shows it. */
export const Greeting = z.object({
  protocol: ServedProtocol,
  /** The answer's first printable bytes, or what in it gave the protocol away (`SSH-2.0-dropbear_2022.83`). */
  banner: z.string().max(128).nullable(),
  /** What we said first: nothing (the server speaks first), an HTTP request or an RDP connection request. */
  asked: z.enum(['nothing', 'http', 'rdp']).nullable(),
});
export type Greeting = z.infer<typeof Greeting>;

/** Protocols that hand this machine's screen, keyboard or a shell to whoever connects. */
export const REMOTE_CONTROL_PROTOCOLS: ReadonlySet<ServedProtocol> = new Set<ServedProtocol>([
  'ssh',
  'rfb',
  'rdp',
  'xpra',
  'telnet',
  'web-vnc',
]);
