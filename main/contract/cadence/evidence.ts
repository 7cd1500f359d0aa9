import type { EvidenceRow } from '../checks';
import type { CadenceAnalysis } from './analyze';

type Row = { feature: string; value: number | null; unit: string };

/** Every measured feature, then every indicator with its limit: flat rows for the signed report. */
export function cadenceEvidence(analysis: CadenceAnalysis): EvidenceRow[] {
  const { keyboard, pointer, reaction, clock } = analysis.features;
  const features: Row[] = [
    { feature: 'keystrokes', value: keyboard.keystrokes, unit: 'count' },
    ...spreadRows('dwell', keyboard.dwell),
    ...spreadRows('interKey', keyboard.interKey),
    ...spreadRows('flight', keyboard.flight),
    { feature: 'keyEventsPerCluster', value: keyboard.eventsPerCluster, unit: 'count' },
    { feature: 'keyMidGapShare', value: keyboard.midGapShare, unit: 'share' },
    { feature: 'negativeDwells', value: keyboard.negativeDwells, unit: 'count' },
    { feature: 'pointerMoves', value: pointer.moves, unit: 'count' },
    { feature: 'pointerMovements', value: pointer.segments, unit: 'count' },
    { feature: 'pointerSampleRateHz', value: pointer.sampleRateHz, unit: 'Hz' },
    { feature: 'pointerCoalescedPerEvent', value: pointer.coalescedPerEvent, unit: 'count' },
    { feature: 'pointerStraightness', value: pointer.straightness, unit: 'ratio' },
    { feature: 'pointerJerk', value: pointer.jerk, unit: 'log10' },
    { feature: 'reactionTrials', value: reaction.trials, unit: 'count' },
    { feature: 'reactionValid', value: reaction.valid, unit: 'count' },
    { feature: 'reactionAnticipations', value: reaction.anticipations, unit: 'count' },
    { feature: 'reactionIqrMs', value: reaction.iqrMs, unit: 'ms' },
    { feature: 'reactionMinMs', value: reaction.minMs, unit: 'ms' },
    { feature: 'handlerLagMs', value: clock.handlerLagMs, unit: 'ms' },
    { feature: 'frameRateHz', value: clock.frameRateHz, unit: 'Hz' },
    { feature: 'longFrameShare', value: clock.longFrameShare, unit: 'share' },
  ];
  return [
    ...features.map((r) => ({ ...r, value: rounded(r.value), limit: null, fired: null })),
    ...analysis.indicators.map((i) => ({
      feature: i.name,
      value: rounded(i.value),
      unit: i.unit,
      limit: `${i.direction === 'above' ? '>' : '<'} ${i.limit}`,
      fired: i.enough ? i.fired : null,
    })),
  ];
}

function spreadRows(
  name: string,
  s: { median: number | null; iqr: number | null; under15: number | null },
): Row[] {
  return [
    { feature: `${name}MedianMs`, value: s.median, unit: 'ms' },
    { feature: `${name}IqrMs`, value: s.iqr, unit: 'ms' },
    { feature: `${name}Under15`, value: s.under15, unit: 'share' },
  ];
}

/** Four significant digits: enough to audit, short enough to read. */
function rounded(value: number | null): number | null {
  return value === null || !Number.isFinite(value) ? null : Number(value.toPrecision(4));
}
