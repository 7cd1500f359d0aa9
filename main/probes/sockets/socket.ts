import { z } from 'zod';
import { Provenance } from '../packages/provenance';
import { Greeting } from './greeting';

export const SocketState = z.enum(['listen', 'established', 'other']);
export type SocketState = z.infer<typeof SocketState>;

/** A TCP socket with the process that owns it, when that can be found. */
export const SocketInfo = z.object({
  protocol: z.enum(['tcp', 'tcp6']),
  localAddress: z.string().max(64),
  localPort: z.number().int().min(0).max(65535),
  remoteAddress: z.string().max(64),
  remotePort: z.number().int().min(0).max(65535),
  state: SocketState,
  pid: z.number().int().nullable(),
  process: z.string().max(256).nullable(),
  /** The user the socket belongs to (Linux's socket table gives it even when the owner is hidden). */
  uid: z.number().int().optional(),
  /** The owner's executable, where it can be read. */
  path: z.string().max(1024).nullable().optional(),
  /** Listening sockets: what a local connection heard (absent where no reader asks). */
  speaks: Greeting.optional(),
  /** Whether the owner of a remote-shell listener is its package's own file (Linux, dpkg). */
  provenance: Provenance.nullable().optional(),
});
export type SocketInfo = z.infer<typeof SocketInfo>;
