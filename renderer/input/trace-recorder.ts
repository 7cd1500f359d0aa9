import {
  INPUT_TRACE_SCHEMA,
  traceLimits,
  type InputTrace,
  type InputTraceEvent,
  type ReactionTrial,
} from '../../main/contract/input-trace';

/** What the page hands over from a DOM event: `t` = performance.now(), `ts` = event.timeStamp. */
export type RecordedInput =
  | { type: 'keydown' | 'keyup'; t: number; ts: number; key: string; repeat?: boolean }
  | {
      type: 'pointermove';
      t: number;
      ts: number;
      x: number;
      y: number;
      /** getCoalescedEvents(): how many samples, and ms from the first one's timeStamp to the last's. */
      coalesced: number;
      coalescedSpan: number;
    }
  | { type: 'pointerdown'; t: number; ts: number; x: number; y: number };

/** The trace's size limits; tests pass small ones. */
export interface RecorderLimits {
  events: number;
  frames: number;
  reactions: number;
  spanMs: number;
}

/**
 * Builds a valid input trace from DOM-free input records, so the page only wires listeners to it.
 * Key codes become opaque ids (k1, k2, …): the trace pairs presses with releases but does not
 * keep what was typed. Input that would make the trace invalid (non-finite or negative times, a
 * handler time going backwards) is dropped; at a size limit recording stops and says so.
 */
export class TraceRecorder {
  private readonly events: InputTraceEvent[] = [];
  private readonly frames: number[] = [];
  private readonly reactions: ReactionTrial[] = [];
  private readonly keyIds = new Map<string, string>();
  private openTrial: ReactionTrial | null = null;
  private truncated = false;
  private earliest = Infinity;
  private latest = -Infinity;

  constructor(private readonly limits: RecorderLimits = traceLimits) {}

  input(input: RecordedInput): void {
    if (!isTime(input.t) || !isTime(input.ts)) return;
    if ('x' in input && !(isCoordinate(input.x) && isCoordinate(input.y))) return;
    const last = this.events[this.events.length - 1];
    if (last && input.t < last.t) return;
    if (!this.fits(this.events.length, this.limits.events, input.t, input.ts)) return;
    const event = this.eventOf(input);
    if (!event) return;
    this.events.push(event);
    if (this.openTrial && (input.type === 'pointerdown' || (input.type === 'keydown' && !input.repeat))) {
      this.openTrial.response = {
        kind: input.type === 'keydown' ? 'key' : 'pointer',
        t: input.t,
        ts: input.ts,
      };
      this.openTrial = null;
    }
  }

  /** A requestAnimationFrame timestamp. */
  frame(time: number): void {
    const last = this.frames[this.frames.length - 1];
    if (!isTime(time) || (last !== undefined && time <= last)) return;
    if (this.fits(this.frames.length, this.limits.frames, time)) this.frames.push(time);
  }

  /** The reaction step drew its target in the frame at `onset`; the next press or click answers it. */
  stimulus(onset: number): void {
    this.endTrial();
    if (!isTime(onset)) return;
    if (!this.fits(this.reactions.length, this.limits.reactions, onset)) return;
    this.openTrial = { onset, response: null };
    this.reactions.push(this.openTrial);
  }

  /** The trial timed out: it stays in the trace with no response. */
  endTrial(): void {
    this.openTrial = null;
  }

  trace(): InputTrace {
    return {
      schema: INPUT_TRACE_SCHEMA,
      events: this.events.map((e) => ({ ...e })),
      frames: [...this.frames],
      reactions: this.reactions.map((r) => ({ onset: r.onset, response: r.response && { ...r.response } })),
      truncated: this.truncated,
    };
  }

  private eventOf(input: RecordedInput): InputTraceEvent | null {
    switch (input.type) {
      case 'keydown':
      case 'keyup': {
        const { type, t, ts, repeat } = input;
        return { type, t, ts, key: this.keyIdOf(input.key), ...(repeat ? { repeat } : {}) };
      }
      case 'pointermove': {
        const { type, t, ts, x, y } = input;
        const coalesced = Math.min(Math.max(Math.round(input.coalesced), 1), 1000);
        const coalescedSpan = input.coalescedSpan;
        if (!Number.isFinite(coalesced) || !(coalescedSpan >= 0 && coalescedSpan <= 1000)) return null;
        return { type, t, ts, x, y, coalesced, coalescedSpan };
      }
      case 'pointerdown': {
        const { type, t, ts, x, y } = input;
        return { type, t, ts, x, y };
      }
    }
  }

  private keyIdOf(code: string): string {
    let id = this.keyIds.get(code);
    if (!id) {
      id = `k${this.keyIds.size + 1}`;
      this.keyIds.set(code, id);
    }
    return id;
  }

  /** Room for one more item, within the span limit; otherwise mark the trace truncated. */
  private fits(count: number, limit: number, ...times: number[]): boolean {
    const earliest = Math.min(this.earliest, ...times);
    const latest = Math.max(this.latest, ...times);
    if (count >= limit || latest - earliest > this.limits.spanMs) {
      this.truncated = true;
      return false;
    }
    this.earliest = earliest;
    this.latest = latest;
    return true;
  }
}

function isTime(value: number): boolean {
  return Number.isFinite(value) && value >= 0;
}

function isCoordinate(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) <= traceLimits.coordinate;
}
