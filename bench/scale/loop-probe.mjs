// Preloaded into the HR service by `npm run bench:scale` (node --import): measures its event loop
// from inside and answers the bench over the IPC channel with the delay since the last sample and
// the process's resident memory.
import { monitorEventLoopDelay } from 'node:perf_hooks';

if (process.send) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  // The channel must not keep the service alive once it is told to stop.
  process.channel?.unref();
  process.on('message', (message) => {
    if (message !== 'sample') return;
    const ms = (ns) => Math.round(ns / 1e4) / 100;
    process.send({
      p50: ms(delay.percentile(50)),
      p99: ms(delay.percentile(99)),
      max: ms(delay.max),
      rss: process.memoryUsage().rss,
    });
    delay.reset();
  });
}
