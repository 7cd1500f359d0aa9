import { describe, expect, it } from 'vitest';
import { remoteLinks } from '../../../bench/cadence/conditions';
import { Random } from '../../../bench/cadence/random';
import { generateTrace } from '../../../bench/cadence/session';
import { analyzeCadence } from '../../../main/contract/cadence/analyze';
import { parseInputTrace } from '../../../main/contract/input-trace';

describe('synthetic session generator', () => {
  it('repeats itself exactly for a seed and differs across seeds', () => {
    const condition = { person: 'fast typist' as const, link: remoteLinks[2]! };
    expect(generateTrace(5, condition)).toEqual(generateTrace(5, condition));
    expect(generateTrace(5, condition)).not.toEqual(generateTrace(6, condition));
    expect(new Random(1).next()).toBe(new Random(1).next());
  });

  it('produces valid traces with a typed sentence, clicks, frames and ten reaction trials', () => {
    for (const link of [null, ...remoteLinks]) {
      const trace = generateTrace(11, { person: 'typical', link });
      expect(parseInputTrace(JSON.parse(JSON.stringify(trace))).ok).toBe(true);
      expect(trace.reactions).toHaveLength(10);
      expect(trace.events.filter((e) => e.type === 'keydown').length).toBeGreaterThanOrEqual(30);
      expect(trace.events.filter((e) => e.type === 'pointerdown').length).toBeGreaterThanOrEqual(4);
      expect(trace.frames.length).toBeGreaterThan(1000);
    }
  });

  it('gives people human timing: dwell around 60–130 ms, reactions 200–450 ms, 60+ Hz pointer', () => {
    for (let seed = 0; seed < 20; seed++) {
      const { keyboard, reaction, pointer } = analyzeCadence(
        generateTrace(seed, { person: 'typical', link: null }),
      ).features;
      expect(keyboard.dwell.median).toBeGreaterThan(60);
      expect(keyboard.dwell.median).toBeLessThan(130);
      expect(reaction.medianMs).toBeGreaterThan(190);
      expect(reaction.medianMs).toBeLessThan(450);
      expect(pointer.sampleRateHz).toBeGreaterThan(45);
      expect(pointer.straightness).toBeLessThan(0.999);
    }
  });

  it('keeps the operator’s typing rhythm through a link, and adds the round trip to reactions', () => {
    const person = { person: 'typical' as const };
    const local = analyzeCadence(generateTrace(21, { ...person, link: null })).features;
    const far = analyzeCadence(generateTrace(21, { ...person, link: remoteLinks[7]! })).features;
    // Same seed, same hands: the rhythm survives (within a packet tick), the reaction does not.
    expect(Math.abs(far.keyboard.interKey.median! - local.keyboard.interKey.median!)).toBeLessThan(40);
    expect(far.reaction.medianMs! - local.reaction.medianMs!).toBeGreaterThan(400);
  });
});
