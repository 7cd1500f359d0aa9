// The latency relay as a process: `node --import tsx relay-main.ts LISTEN_PORT HOST:PORT BASE_MS JITTER_MS`.
// Prints one line once it listens.
import { startLatencyRelay } from './latency-relay';
import { putAhead } from './priority';

const [listen, target, base, jitter] = process.argv.slice(2);
const [host, port] = (target ?? '').split(':');
if (!listen || !host || !port || base === undefined || jitter === undefined) {
  throw new Error('usage: relay-main.ts LISTEN_PORT HOST:PORT BASE_MS JITTER_MS');
}
putAhead();
await startLatencyRelay(
  Number(listen),
  { host, port: Number(port) },
  {
    baseMs: Number(base),
    jitterMs: Number(jitter),
  },
);
process.stdout.write(`relaying 127.0.0.1:${listen} to ${target}, ${base} ± ${jitter} ms each way\n`);
