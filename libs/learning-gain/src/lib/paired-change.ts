import { mean, pearson, sampleSd } from './descriptive';
import { studentTQuantile, studentTTwoSidedP } from './probability';
import type { ConfidenceInterval, EffectSizes, PairedChange } from './types';

export interface Pair {
  before: number;
  after: number;
}

export function assertConfidenceLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be between 0 and 1, got ${level}`);
}

/**
 * Hedges' small-sample correction J = 1 − 3 / (4·df − 1) (Hedges 1981's approximation of
 * Γ(df/2) / (√(df/2)·Γ((df−1)/2))). d overestimates the population effect in small samples; g = J·d
 * removes most of that bias. For paired data df = n − 1. Undefined (null) below df = 2, where J ≤ 0.
 */
export function hedgesJ(df: number): number | null {
  if (!(df >= 2)) return null;
  return 1 - 3 / (4 * df - 1);
}

/** Two-sided t interval mean ± t(1 − α/2, df)·se; null when there is no df. */
export function tInterval(estimate: number, standardError: number, df: number, level: number): { tCritical: number; interval: ConfidenceInterval } {
  const tCritical = studentTQuantile(1 - (1 - level) / 2, df);
  return {
    tCritical,
    interval: { level, lower: estimate - tCritical * standardError, upper: estimate + tCritical * standardError },
  };
}

/**
 * Paired mean change with its t interval, paired t-test and standardised effect sizes.
 *
 * d_i = after_i − before_i; mean d̄; s_d with denominator n − 1; se = s_d / √n;
 * CI = d̄ ± t(1 − α/2, n − 1)·se; t = d̄ / se.
 * d_z = d̄ / s_d standardises by the spread of change (it grows with the before–after correlation and
 * answers "how consistent was the change"); d_av = d̄ / ((s_before + s_after)/2) standardises by the spread
 * of the scores themselves, so it is comparable with between-group effect sizes (Cumming 2012; Lakens 2013).
 * The average of the two SDs (not the pooled SD of one side) is used because training usually changes the
 * spread as well as the mean.
 */
export function pairedChange(pairs: readonly Pair[], confidenceLevel = 0.95): PairedChange {
  assertConfidenceLevel(confidenceLevel);
  const n = pairs.length;
  const before = pairs.map((p) => p.before);
  const after = pairs.map((p) => p.after);
  const changes = pairs.map((p) => p.after - p.before);
  const meanChange = mean(changes);
  const sdChange = sampleSd(changes);
  const sdBefore = sampleSd(before);
  const sdAfter = sampleSd(after);

  let standardError: number | null = null;
  let degreesOfFreedom: number | null = null;
  let tCritical: number | null = null;
  let confidenceInterval: ConfidenceInterval | null = null;
  let tStatistic: number | null = null;
  let pValue: number | null = null;
  if (meanChange !== null && sdChange !== null) {
    degreesOfFreedom = n - 1;
    standardError = sdChange / Math.sqrt(n);
    const interval = tInterval(meanChange, standardError, degreesOfFreedom, confidenceLevel);
    tCritical = interval.tCritical;
    confidenceInterval = interval.interval;
    if (standardError > 0) {
      tStatistic = meanChange / standardError;
      pValue = studentTTwoSidedP(tStatistic, degreesOfFreedom);
    }
  }

  const j = degreesOfFreedom === null ? null : hedgesJ(degreesOfFreedom);
  const dz = meanChange !== null && sdChange !== null && sdChange > 0 ? meanChange / sdChange : null;
  const averageSd = sdBefore !== null && sdAfter !== null ? (sdBefore + sdAfter) / 2 : null;
  const dav = meanChange !== null && averageSd !== null && averageSd > 0 ? meanChange / averageSd : null;
  const effectSizes: EffectSizes = {
    dz,
    gz: dz !== null && j !== null ? j * dz : null,
    dav,
    gav: dav !== null && j !== null ? j * dav : null,
    hedgesJ: j,
  };

  return {
    n,
    meanBefore: mean(before),
    meanAfter: mean(after),
    sdBefore,
    sdAfter,
    correlation: pearson(before, after),
    meanChange,
    sdChange,
    standardError,
    degreesOfFreedom,
    tCritical,
    confidenceInterval,
    tStatistic,
    pValue,
    effectSizes,
  };
}
