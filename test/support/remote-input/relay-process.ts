import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { PathDelay } from './latency-relay';

const ENTRY = fileURLToPath(new URL('./relay-main.ts', import.meta.url));

export interface RelayProcess {
  port: number;
  stop(): Promise<void>;
}

/**
 * Runs the latency relay in a process of its own, as the network is: the driver's busy-waits and
 * framebuffer copies then cannot hold back its timers.
 */
export async function startRelayProcess(
  listenPort: number,
  target: { host: string; port: number },
  delay: PathDelay,
): Promise<RelayProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      ENTRY,
      String(listenPort),
      `${target.host}:${target.port}`,
      String(delay.baseMs),
      String(delay.jitterMs),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`latency relay exited with ${code}`)));
    child.stdout.once('data', () => resolve());
  });
  return {
    port: listenPort,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await gone;
    },
  };
}
