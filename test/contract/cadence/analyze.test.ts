import { describe, expect, it } from 'vitest';
import { Random } from '../../../bench/cadence/random';
import { generateTrace } from '../../../bench/cadence/session';
import { remoteLinks } from '../../../bench/cadence/conditions';
import { analyzeCadence } from '../../../main/contract/cadence/analyze';
import { cadenceCheckResult } from '../../../main/contract/cadence/check-result';
import { CheckResult } from '../../../main/contract/checks';
import {
  INPUT_TRACE_SCHEMA,
  parseInputTrace,
  type InputTrace,
  type InputTraceEvent,
} from '../../../main/contract/input-trace';

const traceOf = (events: InputTraceEvent[], extra: Partial<InputTrace> = {}): InputTrace => {
  const parsed = parseInputTrace({
    schema: INPUT_TRACE_SCHEMA,
    events,
    frames: [],
    reactions: [],
    truncated: false,
    ...extra,
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.trace;
};

/** A sentence typed by a script: every key 120 ms after the last, held exactly 50 ms. */
function scriptedTyping(count: number): InputTraceEvent[] {
  return Array.from({ length: count }, (_, i) => {
    const down = 1000 + i * 120;
    return [
      { type: 'keydown' as const, t: down + 1, ts: down, key: `k${i % 7}` },
      { type: 'keyup' as const, t: down + 51, ts: down + 50, key: `k${i % 7}` },
    ];
  }).flat();
}

const reactions = (latency: number) =>
  Array.from({ length: 10 }, (_, i) => ({
    onset: 10_000 + i * 3000,
    response: { kind: 'key' as const, t: 10_000 + i * 3000 + latency + 2, ts: 10_000 + i * 3000 + latency },
  }));

describe('analyzeCadence', () => {
  it('is deterministic: the same seed gives the same trace and the same analysis', () => {
    const condition = { person: 'typical' as const, link: remoteLinks[4]! };
    expect(analyzeCadence(generateTrace(42, condition))).toEqual(
      analyzeCadence(generateTrace(42, condition)),
    );
  });

  it('calls a seeded human session local and a seeded remote one suspect, with reasons', () => {
    const human = analyzeCadence(generateTrace(7, { person: 'typical', link: null }));
    expect(human.decision).toBe('local');
    expect(human.score).toBeLessThanOrEqual(1);
    const remote = analyzeCadence(generateTrace(7, { person: 'typical', link: remoteLinks[6]! }));
    expect(remote.decision).toBe('suspect');
    expect(remote.indicators.find((i) => i.name === 'reactionMedianMs')!.fired).toBe(true);
  });

  it('says insufficient data for an empty trace, and what is missing', () => {
    const analysis = analyzeCadence(traceOf([]));
    expect(analysis.decision).toBe('insufficient-data');
    expect(analysis.missing).toEqual(['typing', 'reaction']);
    expect(cadenceCheckResult(analysis).summary).toBe(
      'Not enough input to judge: 0 keystrokes (need 20) and 0 valid reactions (need 5).',
    );
  });

  it('needs the reaction step as well as the typing step before calling a trace local', () => {
    const typedOnly = generateTrace(3, { person: 'typical', link: null });
    const analysis = analyzeCadence({ ...typedOnly, reactions: [] });
    expect(analysis.decision).toBe('insufficient-data');
    expect(analysis.missing).toEqual(['reaction']);
  });

  it('flags machine-regular typing', () => {
    const analysis = analyzeCadence(traceOf(scriptedTyping(40), { reactions: reactions(250) }));
    expect(analysis.features.keyboard.interKey.median).toBe(120);
    expect(analysis.indicators.find((i) => i.name === 'keyRegularShare')!.fired).toBe(true);
    expect(analysis.decision).toBe('suspect');
  });

  it('flags reactions that lag by a network round trip', () => {
    const local = analyzeCadence(traceOf(scriptedTyping(40), { reactions: reactions(300) }));
    expect(local.indicators.find((i) => i.name === 'reactionMedianMs')!.fired).toBe(false);
    const remote = analyzeCadence(traceOf(scriptedTyping(40), { reactions: reactions(600) }));
    expect(remote.indicators.find((i) => i.name === 'reactionMedianMs')!.fired).toBe(true);
  });

  it('flags input stamped after its handler ran', () => {
    const events = scriptedTyping(40).map((e) => ({ ...e, ts: e.t + 20 }));
    const analysis = analyzeCadence(traceOf(events));
    expect(analysis.features.clock.anomalyShare).toBe(1);
    expect(analysis.decision).toBe('suspect');
  });

  it('survives degenerate but valid traces without NaN or a crash', () => {
    const cases: InputTraceEvent[][] = [
      [{ type: 'keyup', t: 1, ts: 1, key: 'k1' }],
      [{ type: 'keydown', t: 1, ts: 1, key: 'k1', repeat: true }],
      Array.from({ length: 50 }, () => ({ type: 'keydown' as const, t: 5, ts: 5, key: 'k1' })),
      Array.from({ length: 50 }, (_, i) => ({
        type: i % 2 ? ('keyup' as const) : ('keydown' as const),
        t: 5,
        ts: 5,
        key: 'k1',
      })),
      Array.from({ length: 50 }, () => ({
        type: 'pointermove' as const,
        t: 5,
        ts: 5,
        x: 3,
        y: 3,
        coalesced: 1,
        coalescedSpan: 0,
      })),
      Array.from({ length: 50 }, (_, i) => ({
        type: 'pointermove' as const,
        t: i,
        ts: 0,
        x: i * 10,
        y: 0,
        coalesced: 3,
        coalescedSpan: 0,
      })),
      [
        { type: 'keyup', t: 1, ts: 9, key: 'k1' },
        { type: 'keydown', t: 2, ts: 0, key: 'k1' },
        { type: 'keyup', t: 3, ts: 0, key: 'k1' },
      ],
    ];
    for (const events of cases) {
      const result = cadenceCheckResult(analyzeCadence(traceOf(events)));
      expect(CheckResult.parse(result)).toEqual(result);
      for (const row of result.evidence) {
        for (const value of Object.values(row))
          if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
      }
    }
  });

  it('never crashes or leaks NaN on random valid traces', () => {
    const random = new Random(99);
    for (let n = 0; n < 200; n++) {
      let t = random.uniform(0, 1e6);
      const events: InputTraceEvent[] = Array.from({ length: Math.floor(random.uniform(0, 80)) }, () => {
        t += random.chance(0.3) ? 0 : random.exponential(40);
        const ts = Math.max(0, t - random.uniform(-5, 50));
        const kind = random.pick(['keydown', 'keyup', 'pointermove', 'pointerdown'] as const);
        if (kind === 'pointermove') {
          return {
            type: kind,
            t,
            ts,
            x: random.uniform(-10, 10),
            y: 0,
            coalesced: 1 + Math.floor(random.uniform(0, 4)),
            coalescedSpan: random.uniform(0, 5),
          };
        }
        if (kind === 'pointerdown') return { type: kind, t, ts, x: 0, y: 0 };
        return { type: kind, t, ts, key: random.pick(['k1', 'k2']), repeat: random.chance(0.1) };
      });
      const trials = Array.from({ length: Math.floor(random.uniform(0, 12)) }, () => ({
        onset: random.uniform(0, 1e6),
        response: random.chance(0.8)
          ? { kind: 'key' as const, t: random.uniform(0, 1e6), ts: random.uniform(0, 1e6) }
          : null,
      }));
      const analysis = analyzeCadence(traceOf(events, { reactions: trials }));
      expect(['local', 'suspect', 'insufficient-data']).toContain(analysis.decision);
      expect(Number.isFinite(analysis.score)).toBe(true);
      expect(() => CheckResult.parse(cadenceCheckResult(analysis))).not.toThrow();
    }
  });
});

describe('cadenceCheckResult', () => {
  it('maps local to pass, suspect to fail and insufficient data to warn, as a valid CheckResult', () => {
    const local = cadenceCheckResult(analyzeCadence(generateTrace(7, { person: 'typical', link: null })), 3);
    expect(CheckResult.parse(local)).toMatchObject({
      id: 'input.cadence',
      status: 'pass',
      severity: 'medium',
      remediation: '',
      durationMs: 3,
    });
    expect(local.evidence.find((r) => r.feature === 'reactionMedianMs')).toMatchObject({
      limit: '> 455',
      fired: false,
    });
    const remote = cadenceCheckResult(
      analyzeCadence(generateTrace(7, { person: 'typical', link: remoteLinks[8]! })),
    );
    expect(remote.status).toBe('fail');
    expect(remote.summary).toMatch(
      /^Input looks remotely delivered \(score \d+\.\d\d, suspect above 1\): .*keys are released almost as soon as pressed/,
    );
    expect(remote.remediation).not.toBe('');
    expect(cadenceCheckResult(analyzeCadence(traceOf([]))).status).toBe('warn');
  });
});
