import type { InjectedEvent } from '../../../bench/cadence/injection';
import { waitUntil } from '../wait-until';
import { isMouseButton, keysymOf, onScreen, type Hands, type PageOrigin } from './hands';
import type { RfbClient } from './rfb-client';

/**
 * TigerVNC's viewer sends at most one pointer position per 17 ms (its PointerEventInterval
 * default), always the latest, and sends a held-back position at once when a button changes.
 */
export const VIEWER_POINTER_INTERVAL_MS = 17;

/** A VNC viewer on the operator's computer: their devices' events go out as RFB messages. */
export class VncViewerHands implements Hands {
  readonly lateMs: number[] = [];
  private buttons = 0;
  private cursor = { x: 0, y: 0 };

  constructor(
    private readonly client: RfbClient,
    private readonly origin: PageOrigin,
  ) {}

  async play(events: readonly InjectedEvent[], now: () => number): Promise<void> {
    for (const event of viewerSends(events, VIEWER_POINTER_INTERVAL_MS)) {
      this.lateMs.push(await waitUntil(event.time, now));
      if (event.kind === 'move') {
        this.cursor = onScreen(this.origin, event);
        this.client.pointer(this.cursor.x, this.cursor.y, this.buttons);
      } else if (isMouseButton(event)) {
        this.buttons = event.kind === 'keydown' ? 1 : 0;
        this.client.pointer(this.cursor.x, this.cursor.y, this.buttons);
      } else {
        this.client.key(keysymOf(event.code).keysym, event.kind === 'keydown');
      }
    }
  }
}

/** The viewer's rate limit on pointer positions, applied to the operator's device events. */
export function viewerSends(events: readonly InjectedEvent[], intervalMs: number): InjectedEvent[] {
  const sent: InjectedEvent[] = [];
  let lastMove = -Infinity;
  let held: InjectedEvent | null = null;
  const release = (by: number): void => {
    if (held && lastMove + intervalMs <= by) {
      lastMove = Math.max(held.time, lastMove + intervalMs);
      sent.push({ ...held, time: lastMove });
      held = null;
    }
  };
  for (const event of [...events].sort((a, b) => a.time - b.time)) {
    release(event.time);
    if (event.kind === 'move') {
      if (event.time >= lastMove + intervalMs) {
        sent.push(event);
        lastMove = event.time;
      } else {
        held = event;
      }
    } else {
      if (held && isMouseButton(event)) {
        sent.push({ ...held, time: event.time });
        lastMove = event.time;
        held = null;
      }
      sent.push(event);
    }
  }
  release(Infinity);
  return sent;
}
