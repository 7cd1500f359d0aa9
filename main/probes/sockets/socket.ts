import { z } from 'zod';

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
});
export type SocketInfo = z.infer<typeof SocketInfo>;
