import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { start, waitForPort } from '../processes';

/** A hire's desktop: an X display (Xvfb) with a VNC server (x11vnc) sharing it on a loopback port. */
export interface Desk {
  display: string;
  width: number;
  height: number;
  vncPort: number;
  stop(): Promise<void>;
}

export async function startDesk(
  displayNumber: number,
  vncPort: number,
  size = { width: 1280, height: 800 },
): Promise<Desk> {
  const display = `:${displayNumber}`;
  const socket = `/tmp/.X11-unix/X${displayNumber}`;
  if (existsSync(socket)) throw new Error(`display ${display} is already taken (${socket} exists)`);
  const xvfb = start('Xvfb', [
    display,
    '-screen',
    '0',
    `${size.width}x${size.height}x24`,
    '-nolisten',
    'tcp',
  ]);
  const stops = [xvfb.stop];
  try {
    for (let waited = 0; !existsSync(socket); waited += 50) {
      if (waited > 10_000) throw new Error(`Xvfb did not open ${display}`);
      await sleep(50);
    }
    // x11vnc's defaults otherwise: how it polls the screen and takes input is part of what is measured.
    const vnc = start('x11vnc', [
      ...['-display', display, '-rfbport', String(vncPort), '-localhost'],
      ...['-nopw', '-forever', '-shared', '-quiet'],
    ]);
    stops.push(vnc.stop);
    await waitForPort(vncPort);
  } catch (error) {
    for (const stop of stops.reverse()) await stop();
    throw error;
  }
  return {
    display,
    ...size,
    vncPort,
    stop: async () => {
      for (const stop of stops.reverse()) await stop();
    },
  };
}
