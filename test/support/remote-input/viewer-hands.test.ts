import { describe, expect, it } from 'vitest';
import { MOUSE_BUTTON, type InjectedEvent } from '../../../bench/cadence/injection';
import { VIEWER_POINTER_INTERVAL_MS, viewerSends } from './viewer-hands';

const move = (time: number, x: number): InjectedEvent => ({ kind: 'move', time, x, y: 0 });

describe('the VNC viewer’s pointer rate limit', () => {
  it('sends a 125 Hz mouse at most once per interval, always its latest position', () => {
    const moves = Array.from({ length: 20 }, (_, i) => move(i * 8, i));
    const sent = viewerSends(moves, VIEWER_POINTER_INTERVAL_MS);
    const gaps = sent.slice(1).map((e, i) => e.time - sent[i]!.time);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(VIEWER_POINTER_INTERVAL_MS);
    expect(sent.length).toBeLessThan(moves.length / 2 + 1);
    expect(sent[sent.length - 1]).toMatchObject({ x: 19 });
  });

  it('sends a held-back position at once when a button goes down, before the button', () => {
    const events: InjectedEvent[] = [
      move(0, 1),
      move(5, 2),
      { kind: 'keydown', time: 9, code: MOUSE_BUTTON },
      { kind: 'keydown', time: 10, code: 'KeyA' },
    ];
    expect(viewerSends(events, VIEWER_POINTER_INTERVAL_MS)).toEqual([
      move(0, 1),
      move(9, 2),
      { kind: 'keydown', time: 9, code: MOUSE_BUTTON },
      { kind: 'keydown', time: 10, code: 'KeyA' },
    ]);
  });
});
