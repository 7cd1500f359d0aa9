import { describe, expect, it } from 'vitest';
import { falseAlarmRate, humanPopulations, remotePopulations } from '../../../bench/cadence/calibrate';
import { remoteLinks } from '../../../bench/cadence/conditions';
import { cadenceThresholds } from '../../../main/contract/cadence/thresholds';

/**
 * The committed thresholds on fixed-seed synthetic sessions (the first seeds the bench uses). The
 * floors below sit a little under what these seeds give; `npm run bench:cadence` has the full table.
 */
const DETECTION_AT_LEAST: Record<string, number> = {
  'LAN 1–5 ms, 60 Hz': 0.7,
  'LAN 1–5 ms, 30 Hz': 0.95,
  '20–50 ms, 60 Hz': 0.85,
  '20–50 ms, 30 Hz': 0.95,
  '50–100 ms, 60 Hz': 0.95,
  '50–100 ms, 30 Hz': 0.95,
  '100–200 ms, 30–60 Hz': 0.95,
  '200–300 ms, 30–60 Hz': 0.95,
  'web KVM 50–150 ms, 30 Hz, keys sent as pairs': 0.95,
};

describe('input cadence on synthetic sessions', () => {
  const humans = humanPopulations(150, 'held-out');
  const remotes = remotePopulations(50);

  it('calls human-like sessions local, with at most 1% false alarms overall', () => {
    const all = humans.flatMap((p) => p.analyses);
    expect(falseAlarmRate(all, cadenceThresholds)).toBeLessThanOrEqual(0.01);
    for (const population of humans) {
      expect(population.analyses.filter((a) => a.decision === 'insufficient-data')).toHaveLength(0);
    }
    // The typical hire is never flagged on these seeds; slow reactors are where false alarms come from.
    expect(humans.find((p) => p.name === 'typical')!.analyses.every((a) => a.decision === 'local')).toBe(
      true,
    );
  });

  it.each(remoteLinks.map((l) => l.name))('flags remote-like sessions over %s', (name) => {
    const population = remotes.find((p) => p.name === name)!;
    const detected =
      population.analyses.filter((a) => a.decision === 'suspect').length / population.analyses.length;
    expect(detected).toBeGreaterThanOrEqual(DETECTION_AT_LEAST[name]!);
  });

  it('has a floor for every remote condition the bench reports', () => {
    expect(Object.keys(DETECTION_AT_LEAST).sort()).toEqual(remoteLinks.map((l) => l.name).sort());
  });
});
