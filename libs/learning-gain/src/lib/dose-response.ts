import { mean, pearson, spearman } from './descriptive';
import { studentTTwoSidedP } from './probability';
import { assertConfidenceLevel, tInterval } from './paired-change';
import type { ConfidenceInterval, DoseBand, DoseResponse } from './types';

export interface DosePoint {
  sessions: number;
  change: number;
}

export const DEFAULT_DOSE_BANDS: readonly number[] = [0, 1, 2, 3, 5];

/**
 * Gain against the number of sessions attended.
 *
 * OLS line change = a + b·sessions: b = Sxy / Sxx, a = ȳ − b·x̄, residual s² = SSE / (n − 2),
 * se(b) = s / √Sxx, CI = b ± t(1 − α/2, n − 2)·se(b). Needs n ≥ 3 and at least two different session
 * counts. Spearman's ρ is given too because sessions are few, discrete and often skewed. This is an
 * observational association: people who attend more may differ in other ways.
 *
 * `bandStarts` are the ascending lower bounds of the bands, starting at 0: [0, 1, 2, 3, 5] gives the bands
 * 0, 1, 2, 3–4 and 5+.
 */
export function doseResponse(points: readonly DosePoint[], bandStarts: readonly number[] = DEFAULT_DOSE_BANDS, confidenceLevel = 0.95): DoseResponse {
  assertConfidenceLevel(confidenceLevel);
  assertDoseBands(bandStarts);
  const n = points.length;
  const x = points.map((p) => p.sessions);
  const y = points.map((p) => p.change);

  let slope: number | null = null;
  let intercept: number | null = null;
  let slopeConfidenceInterval: ConfidenceInterval | null = null;
  let slopePValue: number | null = null;
  const mx = mean(x);
  const my = mean(y);
  if (n >= 3 && mx !== null && my !== null) {
    let sxx = 0;
    let sxy = 0;
    for (let i = 0; i < n; i++) {
      sxx += (x[i] - mx) * (x[i] - mx);
      sxy += (x[i] - mx) * (y[i] - my);
    }
    if (sxx > 0) {
      slope = sxy / sxx;
      intercept = my - slope * mx;
      let sse = 0;
      for (let i = 0; i < n; i++) {
        const residual = y[i] - (intercept + slope * x[i]);
        sse += residual * residual;
      }
      const df = n - 2;
      const se = Math.sqrt(sse / df / sxx);
      slopeConfidenceInterval = tInterval(slope, se, df, confidenceLevel).interval;
      slopePValue = se > 0 ? studentTTwoSidedP(slope / se, df) : null;
    }
  }

  const bands: DoseBand[] = bandStarts.map((start, i) => {
    const next = bandStarts[i + 1];
    const maxSessions = next === undefined ? null : next - 1;
    const members = points.filter((p) => p.sessions >= start && (maxSessions === null || p.sessions <= maxSessions));
    return {
      label: bandLabel(start, maxSessions),
      minSessions: start,
      maxSessions,
      n: members.length,
      meanChange: mean(members.map((p) => p.change)),
    };
  });

  return { n, slope, intercept, slopeConfidenceInterval, slopePValue, pearson: pearson(x, y), spearman: spearman(x, y), bands };
}

function bandLabel(start: number, end: number | null): string {
  if (end === null) return `${start}+`;
  return end === start ? `${start}` : `${start}–${end}`;
}

/** Throws unless the band starts are ascending whole numbers beginning at 0. */
export function assertDoseBands(bandStarts: readonly number[]): void {
  if (bandStarts.length === 0 || bandStarts[0] !== 0) throw new RangeError('doseBands must start at 0');
  for (let i = 0; i < bandStarts.length; i++) {
    if (!Number.isInteger(bandStarts[i]) || (i > 0 && bandStarts[i] <= bandStarts[i - 1])) {
      throw new RangeError(`doseBands must be ascending whole numbers, got ${bandStarts.join(', ')}`);
    }
  }
}
