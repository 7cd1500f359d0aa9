import { describe, expect, it } from 'vitest';
import { parseInputTrace } from '../../../main/contract/input-trace';
import { TraceRecorder } from '../../../renderer/input/trace-recorder';

const limits = { events: 5, frames: 3, reactions: 2, spanMs: 10_000 };

describe('TraceRecorder', () => {
  it('builds a valid trace and replaces key codes with opaque ids', () => {
    const r = new TraceRecorder();
    r.frame(16.7);
    r.input({ type: 'keydown', t: 20, ts: 18.5, key: 'KeyP' });
    r.input({ type: 'keydown', t: 60, ts: 58, key: 'KeyA' });
    r.input({ type: 'keyup', t: 100, ts: 99, key: 'KeyP' });
    r.input({ type: 'pointermove', t: 120, ts: 118, x: 10, y: 20, coalesced: 2, coalescedSpan: 8 });
    const trace = r.trace();
    expect(parseInputTrace(trace)).toEqual({ ok: true, trace });
    expect(trace.events.map((e) => ('key' in e ? e.key : e.type))).toEqual(['k1', 'k2', 'k1', 'pointermove']);
    expect(JSON.stringify(trace)).not.toMatch(/Key[PA]/);
  });

  it('answers each stimulus with the next press or click, ignoring auto-repeat and moves', () => {
    const r = new TraceRecorder();
    r.stimulus(1000);
    r.input({ type: 'keydown', t: 900, ts: 899, key: 'Space', repeat: true });
    r.input({ type: 'pointermove', t: 1100, ts: 1099, x: 1, y: 1, coalesced: 1, coalescedSpan: 0 });
    r.input({ type: 'keydown', t: 1260, ts: 1258, key: 'Space' });
    r.input({ type: 'keydown', t: 1300, ts: 1299, key: 'Space' });
    r.stimulus(3000);
    r.endTrial();
    r.input({ type: 'pointerdown', t: 3500, ts: 3499, x: 5, y: 5 });
    r.stimulus(5000);
    r.input({ type: 'pointerdown', t: 5300, ts: 5297, x: 5, y: 5 });
    expect(r.trace().reactions).toEqual([
      { onset: 1000, response: { kind: 'key', t: 1260, ts: 1258 } },
      { onset: 3000, response: null },
      { onset: 5000, response: { kind: 'pointer', t: 5300, ts: 5297 } },
    ]);
  });

  it('drops input that would make the trace invalid', () => {
    const r = new TraceRecorder();
    r.input({ type: 'keydown', t: 50, ts: 49, key: 'KeyA' });
    r.input({ type: 'keydown', t: 40, ts: 39, key: 'KeyB' });
    r.input({ type: 'keydown', t: NaN, ts: 39, key: 'KeyB' });
    r.input({ type: 'keydown', t: 60, ts: -1, key: 'KeyB' });
    r.input({ type: 'pointermove', t: 70, ts: 69, x: Infinity, y: 0, coalesced: 1, coalescedSpan: 0 });
    r.input({ type: 'pointermove', t: 70, ts: 69, x: 0, y: 0, coalesced: 1, coalescedSpan: NaN });
    r.input({ type: 'pointermove', t: 71, ts: 69, x: 0, y: 0, coalesced: 0, coalescedSpan: 0 });
    r.frame(10);
    r.frame(10);
    r.frame(Number.NaN);
    const trace = r.trace();
    expect(trace.events).toEqual([
      { type: 'keydown', t: 50, ts: 49, key: 'k1' },
      { type: 'pointermove', t: 71, ts: 69, x: 0, y: 0, coalesced: 1, coalescedSpan: 0 },
    ]);
    expect(trace.frames).toEqual([10]);
    expect(parseInputTrace(trace).ok).toBe(true);
  });

  it('stops at its size limits and marks the trace truncated', () => {
    const r = new TraceRecorder(limits);
    for (let i = 0; i < 8; i++) r.input({ type: 'keydown', t: i, ts: i, key: 'KeyA' });
    for (let i = 1; i < 6; i++) r.frame(i);
    for (let i = 0; i < 4; i++) r.stimulus(i * 100);
    const trace = r.trace();
    expect([trace.events.length, trace.frames.length, trace.reactions.length]).toEqual([5, 3, 2]);
    expect(trace.truncated).toBe(true);
    expect(parseInputTrace(trace).ok).toBe(true);
  });

  it('stops before the trace spans more time than allowed', () => {
    const r = new TraceRecorder(limits);
    r.frame(100);
    expect(r.trace().truncated).toBe(false);
    r.input({ type: 'keydown', t: 10_200, ts: 10_199, key: 'KeyA' });
    r.frame(10_150);
    expect(r.trace()).toMatchObject({ events: [], frames: [100], truncated: true });
  });

  it('hands out copies, so later input does not change a trace already taken', () => {
    const r = new TraceRecorder();
    r.stimulus(10);
    const before = r.trace();
    r.input({ type: 'keydown', t: 300, ts: 299, key: 'Space' });
    expect(before.reactions[0]!.response).toBeNull();
    expect(r.trace().reactions[0]!.response).not.toBeNull();
  });
});
