import { describe, expect, it } from 'vitest';
import { generateTrace } from '../../bench/cadence/session';
import { INPUT_TRACE_SCHEMA, parseInputTrace, traceLimits } from '../../main/contract/input-trace';

const valid = (): Record<string, unknown> =>
  JSON.parse(JSON.stringify(generateTrace(1, { person: 'typical', link: null }))) as Record<string, unknown>;
const key = (t: number) => ({ type: 'keydown', t, ts: t - 1, key: 'k1' });
const errorOf = (value: unknown): string => {
  const parsed = parseInputTrace(value);
  if (parsed.ok) throw new Error('expected the trace to be refused');
  return parsed.error;
};

describe('input trace format v1', () => {
  it('accepts a recorded session, including through JSON', () => {
    const parsed = parseInputTrace(valid());
    expect(parsed.ok).toBe(true);
  });

  it('accepts an empty trace (the analyzer then says insufficient data)', () => {
    const empty = { schema: INPUT_TRACE_SCHEMA, events: [], frames: [], reactions: [], truncated: false };
    expect(parseInputTrace(empty).ok).toBe(true);
  });

  it('names the version it wants when given another', () => {
    expect(errorOf({ ...valid(), schema: 'hireproof.input-trace/v2' })).toBe(
      'unsupported trace schema "hireproof.input-trace/v2" (expected "hireproof.input-trace/v1")',
    );
    expect(errorOf({ events: [] })).toMatch(/unsupported trace schema null/);
  });

  it('refuses what is not a trace object', () => {
    for (const value of [null, 42, 'trace', []]) expect(errorOf(value)).toMatch(/^invalid trace: /);
  });

  it('refuses NaN and infinite times with the path of the bad value', () => {
    const trace = valid();
    (trace.events as Record<string, unknown>[])[3]!.ts = NaN;
    expect(errorOf(trace)).toMatch(/^invalid trace: events\.3\.ts: /);
    const frames = valid();
    (frames.frames as number[])[0] = Infinity;
    expect(errorOf(frames)).toMatch(/frames\.0/);
  });

  it('refuses events out of handling order and frames that do not increase', () => {
    const trace = { ...valid(), events: [key(10), key(30), key(20)] };
    expect(errorOf(trace)).toMatch(/events\.2\.t: goes backwards \(20 after 30\)/);
    expect(errorOf({ ...valid(), frames: [1, 2, 2] })).toMatch(/frames\.2: frame times must increase/);
  });

  it('refuses traces over the size limits', () => {
    const events = Array.from({ length: traceLimits.events + 1 }, (_, i) => key(i));
    expect(errorOf({ ...valid(), events })).toMatch(/events: Too big/i);
    expect(errorOf({ ...valid(), events: [key(0), key(traceLimits.spanMs + 10)] })).toMatch(
      /more than the 7200 s/,
    );
  });

  it('refuses unknown fields, so a typo is not silently ignored', () => {
    expect(errorOf({ ...valid(), extra: 1 })).toMatch(/Unrecognized key/);
    const trace = valid();
    (trace.events as Record<string, unknown>[])[0]!.keyCode = 65;
    expect(errorOf(trace)).toMatch(/events\.0/);
  });
});
