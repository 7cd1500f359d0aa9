import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import type { InjectedEvent } from '../../../bench/cadence/injection';
import { waitUntil } from '../wait-until';
import { putAhead } from './priority';
import { isMouseButton, keysymOf, onScreen, type Hands, type PageOrigin } from './hands';

/**
 * Input made on the machine itself: xdotool injects it into the X server through XTEST, the way
 * x11vnc does, with no network in between. One xdotool reads commands from its stdin and runs each
 * line as it arrives, so no process start falls between the hand's time and the X server's.
 */
export class XdotoolHands implements Hands {
  readonly lateMs: number[] = [];
  private readonly child: ChildProcessByStdio<Writable, null, Readable>;
  private errors = '';
  private readonly exited: Promise<number | null>;

  constructor(
    display: string,
    private readonly origin: PageOrigin,
  ) {
    this.child = spawn('xdotool', ['-'], {
      env: { ...process.env, DISPLAY: display },
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    if (this.child.pid !== undefined) putAhead(this.child.pid);
    this.child.stderr.on('data', (chunk: Buffer) => (this.errors += chunk.toString()));
    this.exited = new Promise((resolve, reject) => {
      this.child.once('error', reject);
      this.child.once('exit', resolve);
    });
  }

  async play(events: readonly InjectedEvent[], now: () => number): Promise<void> {
    for (const event of [...events].sort((a, b) => a.time - b.time)) {
      this.lateMs.push(await waitUntil(event.time, now));
      if (this.child.exitCode !== null) throw new Error(`xdotool exited: ${this.errors.trim()}`);
      this.child.stdin.write(this.command(event).join(' ') + '\n');
    }
  }

  async close(): Promise<void> {
    this.child.stdin.end();
    const code = await this.exited;
    if (code !== 0 || this.errors.trim())
      throw new Error(`xdotool exited with ${code}: ${this.errors.trim()}`);
  }

  private command(event: InjectedEvent): string[] {
    if (event.kind === 'move') {
      const { x, y } = onScreen(this.origin, event);
      return ['mousemove', String(x), String(y)];
    }
    if (isMouseButton(event)) return [event.kind === 'keydown' ? 'mousedown' : 'mouseup', '1'];
    // Without --delay 0 xdotool waits 12 ms after each key.
    return [event.kind, '--delay', '0', keysymOf(event.code).name];
  }
}
