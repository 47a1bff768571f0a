/**
 * Small descriptive statistics. Every function returns null (never NaN) when the statistic is undefined.
 */

/** Arithmetic mean; null for an empty list. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  // Two passes: the naive mean plus a correction term keeps full precision for long lists of similar values.
  let sum = 0;
  for (const v of values) sum += v;
  const first = sum / values.length;
  let correction = 0;
  for (const v of values) correction += v - first;
  return first + correction / values.length;
}

/** Sample variance with denominator n − 1 (unbiased); null when n < 2. */
export function sampleVariance(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const m = mean(values) as number;
  let squares = 0;
  let compensation = 0;
  for (const v of values) {
    const d = v - m;
    squares += d * d;
    compensation += d;
  }
  // Corrected two-pass algorithm (Chan, Golub & LeVeque): subtract the rounding error of the mean.
  const variance = (squares - (compensation * compensation) / values.length) / (values.length - 1);
  return variance < 0 ? 0 : variance;
}

/** Sample standard deviation (n − 1); null when n < 2. */
export function sampleSd(values: readonly number[]): number | null {
  const variance = sampleVariance(values);
  return variance === null ? null : Math.sqrt(variance);
}

/**
 * Quantile by linear interpolation between order statistics (Hyndman & Fan type 7, the default of R
 * and of spreadsheet QUARTILE.INC): h = (n − 1)·p, q = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎).
 */
export function quantile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be in [0, 1], got ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lower = Math.floor(h);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower] + (h - lower) * (sorted[upper] - sorted[lower]);
}

/** Ranks 1..n with ties given their average rank (midranks), in the original order. */
export function midranks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && order[j + 1].value === order[i].value) j++;
    const rank = (i + 1 + j + 1) / 2;
    for (let k = i; k <= j; k++) ranks[order[k].index] = rank;
    i = j + 1;
  }
  return ranks;
}

/** Pearson correlation; null when n < 3 or either variable is constant. */
export function pearson(x: readonly number[], y: readonly number[]): number | null {
  if (x.length !== y.length) throw new RangeError('pearson: x and y must have the same length');
  if (x.length < 3) return null;
  const mx = mean(x) as number;
  const my = mean(y) as number;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < x.length; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  const r = sxy / Math.sqrt(sxx * syy);
  return Math.max(-1, Math.min(1, r));
}

/** Spearman rank correlation: Pearson correlation of the midranks (correct with ties). */
export function spearman(x: readonly number[], y: readonly number[]): number | null {
  if (x.length !== y.length) throw new RangeError('spearman: x and y must have the same length');
  return pearson(midranks(x), midranks(y));
}

/** Sum with a fixed order; exported for readability at call sites. */
export function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
