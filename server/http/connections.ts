import type { Server } from 'node:http';
import type { BlockList, Socket } from 'node:net';
import { addressKey } from './client-address';

/**
 * How long a client may take and how many connections it may hold, so stalled clients cannot
 * exhaust the server's descriptors: headers within `headersMs`, the whole request (headers and
 * body) within `requestMs` (checked every `checkEveryMs`; the client gets 408 and is cut off), no
 * connection silent for `idleMs`, at most `perAddress` connections from one client (a trusted
 * proxy is exempt: it carries everyone's) and `maxConnections` in all.
 */
export interface HttpLimits {
  headersMs: number;
  requestMs: number;
  idleMs: number;
  checkEveryMs: number;
  maxConnections: number;
  perAddress: number;
}

/** A 2 MB report over a slow uplink fits in 30 s; a descriptor budget of 1,024 keeps headroom. */
export const defaultHttpLimits: HttpLimits = {
  headersMs: 10_000,
  requestMs: 30_000,
  idleMs: 30_000,
  checkEveryMs: 1_000,
  maxConnections: 900,
  perAddress: 64,
};

/** The Fastify options that set Node's HTTP server timeouts. */
export const timeoutOptions = (limits: HttpLimits) => ({
  http: {
    headersTimeout: limits.headersMs,
    requestTimeout: limits.requestMs,
    connectionsCheckingInterval: limits.checkEveryMs,
  },
  requestTimeout: limits.requestMs,
  connectionTimeout: limits.idleMs,
  keepAliveTimeout: 5_000,
});

/** Caps connections in all and per client address, closing the excess as it connects. */
export function capConnections(server: Server, limits: HttpLimits, trusted: BlockList): void {
  server.maxConnections = limits.maxConnections;
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    const family = socket.remoteFamily === 'IPv6' ? 'ipv6' : 'ipv4';
    if (address && trusted.check(address, family)) return;
    const key = addressKey(address);
    const count = (open.get(key) ?? 0) + 1;
    if (count > limits.perAddress) {
      socket.destroy();
      return;
    }
    open.set(key, count);
    socket.once('close', () => {
      const left = (open.get(key) ?? 1) - 1;
      if (left > 0) open.set(key, left);
      else open.delete(key);
    });
  });
}
