import { createServer, connect, type Server, type Socket } from 'node:net';

/** One-way delay of a network path: every chunk is held for `baseMs` plus a uniform draw in ±`jitterMs`. */
export interface PathDelay {
  baseMs: number;
  jitterMs: number;
}

/**
 * A user-space stand-in for a long network path (this machine has no netem): a TCP relay that holds
 * every chunk it reads, in each direction, for the path's delay before passing it on. Like TCP, it
 * never delivers a chunk before the one sent ahead of it, so a chunk that drew a short delay waits
 * for a slower one and both arrive together: the bunching a jittery path causes.
 */
export async function startLatencyRelay(
  listenPort: number,
  target: { host: string; port: number },
  delay: PathDelay,
): Promise<Server> {
  const holdFor = (): number => Math.max(0, delay.baseMs + (2 * Math.random() - 1) * delay.jitterMs);
  const server = createServer((client) => {
    const upstream = connect(target);
    for (const socket of [client, upstream]) {
      socket.setNoDelay(true);
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    pipeDelayed(client, upstream, holdFor);
    pipeDelayed(upstream, client, holdFor);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenPort, '127.0.0.1', resolve);
  });
  return server;
}

/** Passes chunks on in the order they came, each no earlier than its release time. */
function pipeDelayed(from: Socket, to: Socket, holdFor: () => number): void {
  const queue: { release: number; chunk: Buffer }[] = [];
  let lastRelease = 0;
  let timer: NodeJS.Timeout | null = null;
  let ended = false;
  const flush = (): void => {
    timer = null;
    // Timers fire up to a millisecond early or late; a chunk due within half a millisecond goes now.
    while (queue.length > 0 && queue[0]!.release <= performance.now() + 0.5) {
      const { chunk } = queue.shift()!;
      if (!to.destroyed) to.write(chunk);
    }
    if (queue.length > 0) timer = setTimeout(flush, queue[0]!.release - performance.now());
    else if (ended) to.end();
  };
  from.on('data', (chunk: Buffer) => {
    lastRelease = Math.max(lastRelease, performance.now() + holdFor());
    queue.push({ release: lastRelease, chunk });
    timer ??= setTimeout(flush, lastRelease - performance.now());
  });
  from.on('end', () => {
    ended = true;
    if (queue.length === 0) to.end();
  });
}
