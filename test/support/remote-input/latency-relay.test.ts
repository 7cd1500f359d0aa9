import { createServer, connect, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLatencyRelay } from './latency-relay';

/** Bytes 0, 1, 2, … written 4 ms apart through a 30 ± 20 ms relay to a server that notes when each arrives. */
describe('the latency relay', () => {
  const delay = { baseMs: 30, jitterMs: 20 };
  const count = 60;
  const [sinkPort, relayPort] = [17096, 17097];
  let sink: Server;
  let relay: Server;
  const arrivals: { byte: number; at: number }[] = [];
  const sentAt: number[] = [];

  beforeAll(async () => {
    let done: () => void = () => {};
    const finished = new Promise<void>((resolve) => (done = resolve));
    sink = createServer((socket) =>
      socket.on('data', (chunk: Buffer) => {
        for (const byte of chunk) arrivals.push({ byte, at: performance.now() });
        if (arrivals.length === count) done();
      }),
    );
    await new Promise<void>((resolve) => sink.listen(sinkPort, '127.0.0.1', resolve));
    relay = await startLatencyRelay(relayPort, { host: '127.0.0.1', port: sinkPort }, delay);
    const client = connect(relayPort, '127.0.0.1');
    client.setNoDelay(true);
    await new Promise<void>((resolve) => client.once('connect', resolve));
    for (let i = 0; i < count; i++) {
      sentAt.push(performance.now());
      client.write(Buffer.from([i]));
      await new Promise((resolve) => setTimeout(resolve, 4));
    }
    await finished;
    client.destroy();
  });

  afterAll(async () => {
    await new Promise((resolve) => relay.close(resolve));
    await new Promise((resolve) => sink.close(resolve));
  });

  it('delivers every byte in order, each held for at least the base less the jitter', () => {
    expect(arrivals.map((a) => a.byte)).toEqual(Array.from({ length: count }, (_, i) => i));
    for (const { byte, at } of arrivals) {
      expect(at - sentAt[byte]!).toBeGreaterThanOrEqual(delay.baseMs - delay.jitterMs - 1);
    }
  });

  it('bunches: writes sent 4 ms apart often arrive together behind a slower one', () => {
    const together = arrivals.slice(1).filter((a, i) => a.at - arrivals[i]!.at < 1).length;
    expect(together).toBeGreaterThan(count / 4);
  });
});
