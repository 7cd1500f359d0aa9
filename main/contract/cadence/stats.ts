/** Small order statistics; every function returns null rather than NaN when there is nothing to measure. */

export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

export function median(values: readonly number[]): number | null {
  return quantile(values, 0.5);
}

export function iqr(values: readonly number[]): number | null {
  const q1 = quantile(values, 0.25);
  const q3 = quantile(values, 0.75);
  return q1 === null || q3 === null ? null : q3 - q1;
}

/** Share of values for which `test` holds. */
export function share<T>(values: readonly T[], test: (value: T) => boolean): number | null {
  if (values.length === 0) return null;
  let hits = 0;
  for (const v of values) if (test(v)) hits++;
  return hits / values.length;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Consecutive differences. */
export function gaps(times: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < times.length; i++) out.push(times[i]! - times[i - 1]!);
  return out;
}

/** A distribution summarised the way the evidence shows it. */
export interface Spread {
  n: number;
  median: number | null;
  iqr: number | null;
  /** Share under 15 ms: a hand cannot press and release a key, or press two keys apart, that fast. */
  under15: number | null;
}

export function spread(values: readonly number[]): Spread {
  return {
    n: values.length,
    median: median(values),
    iqr: iqr(values),
    under15: share(values, (v) => v < 15),
  };
}
