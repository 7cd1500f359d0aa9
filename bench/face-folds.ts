import { largestThresholdWithin, thresholdRates, type PairDistance, type ThresholdRates } from './face-rates';

/**
 * Cross-validation split by identity: a person's photos are all in one fold, so thresholds chosen
 * on some folds are judged on people they have never seen.
 */

/** One pair of photos; `group` is null when the photos come from different groups. */
export type ScoredPair = {
  identities: [string, string];
  group: string | null;
  genuine: boolean;
  distance: PairDistance;
};

/**
 * Deals each group's identities (sorted, so the split is reproducible) round-robin into `folds`,
 * so every fold holds a share of each group.
 */
export function identityFolds(
  photos: readonly { identity: string; group: string }[],
  folds: number,
): Map<string, number> {
  const byGroup = new Map<string, Set<string>>();
  for (const { identity, group } of photos) {
    if (!byGroup.has(group)) byGroup.set(group, new Set());
    byGroup.get(group)!.add(identity);
  }
  const fold = new Map<string, number>();
  for (const group of [...byGroup.keys()].sort()) {
    [...byGroup.get(group)!].sort().forEach((identity, i) => fold.set(identity, i % folds));
  }
  return fold;
}

export type Thresholds = { match: number; review: number };

/** Per group: genuine and impostor distances of the pairs given. */
function byGroup(
  pairs: readonly ScoredPair[],
): Map<string, { genuine: PairDistance[]; impostor: PairDistance[] }> {
  const groups = new Map<string, { genuine: PairDistance[]; impostor: PairDistance[] }>();
  for (const pair of pairs) {
    if (pair.group === null) continue;
    if (!groups.has(pair.group)) groups.set(pair.group, { genuine: [], impostor: [] });
    groups.get(pair.group)![pair.genuine ? 'genuine' : 'impostor'].push(pair.distance);
  }
  return groups;
}

/**
 * The largest match threshold keeping false accepts within `matchTarget` in every group, and the
 * largest review threshold within `reviewTarget`, on these pairs.
 */
export function calibrate(
  pairs: readonly ScoredPair[],
  grid: readonly number[],
  targets: { match: number; review: number },
): Thresholds | undefined {
  const tables: ThresholdRates[][] = [...byGroup(pairs).values()].map((g) =>
    grid.map((t) => thresholdRates(g.genuine, g.impostor, t)),
  );
  const match = largestThresholdWithin(tables, targets.match);
  const review = largestThresholdWithin(tables, targets.review);
  return match === undefined || review === undefined ? undefined : { match, review: Math.max(match, review) };
}

/** Counts of genuine pairs by outcome, and impostor pairs accepted outright or sent to review. */
export type Outcomes = {
  genuine: number;
  accepted: number;
  review: number;
  rejected: number;
  /** Genuine pairs where a photo had no usable face: the hire goes to review whatever the model. */
  noFace: number;
  impostors: number;
  falseAccepts: number;
  impostorsInReview: number;
};

const none = (): Outcomes => ({
  genuine: 0,
  accepted: 0,
  review: 0,
  rejected: 0,
  noFace: 0,
  impostors: 0,
  falseAccepts: 0,
  impostorsInReview: 0,
});

/** Adds the outcomes of `pairs` under `thresholds` into `into`, per group. */
export function tally(
  pairs: readonly ScoredPair[],
  thresholds: Thresholds,
  into: Map<string, Outcomes>,
): void {
  for (const pair of pairs) {
    if (pair.group === null) continue;
    if (!into.has(pair.group)) into.set(pair.group, none());
    const o = into.get(pair.group)!;
    const d = pair.distance;
    if (pair.genuine) {
      o.genuine++;
      if (d === null) o.noFace++;
      else if (d < thresholds.match) o.accepted++;
      else if (d < thresholds.review) o.review++;
      else o.rejected++;
    } else if (d !== null) {
      o.impostors++;
      if (d < thresholds.match) o.falseAccepts++;
      else if (d < thresholds.review) o.impostorsInReview++;
    }
  }
}

export type FoldResult = { fold: number; thresholds: Thresholds | undefined; heldOut: Map<string, Outcomes> };

/**
 * For each fold: thresholds calibrated on the pairs whose two people are both outside it, then the
 * outcomes of its own pairs (both people inside it) under those thresholds and under `fixed` (the
 * configured operating point), summed over folds.
 */
export function crossValidate(
  pairs: readonly ScoredPair[],
  fold: ReadonlyMap<string, number>,
  folds: number,
  grid: readonly number[],
  targets: { match: number; review: number },
  fixed: Thresholds,
): { perFold: FoldResult[]; calibrated: Map<string, Outcomes>; atFixed: Map<string, Outcomes> } {
  const foldOf = (identity: string) => {
    const f = fold.get(identity);
    if (f === undefined) throw new Error(`${identity} is in no fold`);
    return f;
  };
  const calibrated = new Map<string, Outcomes>();
  const atFixed = new Map<string, Outcomes>();
  const perFold: FoldResult[] = [];
  for (let f = 0; f < folds; f++) {
    const inside = (p: ScoredPair) => p.identities.every((id) => foldOf(id) === f);
    const outside = (p: ScoredPair) => p.identities.every((id) => foldOf(id) !== f);
    const heldOutPairs = pairs.filter(inside);
    const thresholds = calibrate(pairs.filter(outside), grid, targets);
    const heldOut = new Map<string, Outcomes>();
    if (thresholds) {
      tally(heldOutPairs, thresholds, heldOut);
      tally(heldOutPairs, thresholds, calibrated);
    }
    tally(heldOutPairs, fixed, atFixed);
    perFold.push({ fold: f, thresholds, heldOut });
  }
  return { perFold, calibrated, atFixed };
}
