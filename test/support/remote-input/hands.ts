import { MOUSE_BUTTON, type InjectedEvent } from '../../../bench/cadence/injection';
import type { Point } from '../../../bench/cadence/person';

/**
 * How planned input (times on the page's clock, positions in the page's CSS pixels) reaches the X
 * server: through a VNC viewer and the network, or straight into it on the machine itself.
 */
export interface Hands {
  /** Delivers the events at their times; resolves once the last has been handed on. */
  play(events: readonly InjectedEvent[], now: () => number): Promise<void>;
  /** How late each event was handed on, in ms: whether the script's timing survived this machine's load. */
  readonly lateMs: number[];
}

/** Where the page's top-left corner sits on the X screen (the browser's own bars are above it). */
export type PageOrigin = Point;

/** A page position on the X screen; a hand overshooting past the screen's top or left edge stops there. */
export function onScreen(origin: PageOrigin, event: { x: number; y: number }): Point {
  return { x: Math.max(0, Math.round(origin.x + event.x)), y: Math.max(0, Math.round(origin.y + event.y)) };
}

/** The X keysym and its xdotool name for the keys the plans press: `KeyA`…`KeyZ` and `Space`. */
export function keysymOf(code: string): { keysym: number; name: string } {
  if (code === 'Space') return { keysym: 0x20, name: 'space' };
  const letter = /^Key([A-Z])$/.exec(code)?.[1]?.toLowerCase();
  if (!letter) throw new Error(`no keysym for ${code}`);
  return { keysym: letter.charCodeAt(0), name: letter };
}

export const isMouseButton = (event: InjectedEvent): boolean =>
  event.kind !== 'move' && event.code === MOUSE_BUTTON;
