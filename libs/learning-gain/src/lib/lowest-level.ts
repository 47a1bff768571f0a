import { mean, quantile } from './descriptive';
import { mcnemar } from './mcnemar';
import { pairedChange, type Pair } from './paired-change';
import type { LowestLevelLift } from './types';

/**
 * Lift of the lowest level — the evaluation's point that individual support should reach those with the
 * lowest competence:
 * - share with a score below `threshold` before vs after (on the same pairs), with McNemar's test of
 *   leaving the lowest level;
 * - the mean change of the lowest baseline quartile: pairs whose before score is ≤ Q1 of the before scores
 *   (type-7 quantile). On a 1–4 scale many people share the cutoff score; all of them are included, so the
 *   group can be larger than a quarter.
 *
 * Caution: a group selected for a low baseline gains partly by regression to the mean (measurement error
 * made their first score low). `meanChangeOthers` is given for comparison.
 */
export function lowestLevelLift(pairs: readonly Pair[], threshold: number, confidenceLevel = 0.95, tolerance = 0): LowestLevelLift {
  // `tolerance` absorbs floating-point rounding of computed scores (a score within it of the threshold counts
  // as reaching it); it is not a substantive margin.
  const below = (score: number) => score < threshold - tolerance;
  const n = pairs.length;
  const belowBefore = pairs.filter((p) => below(p.before)).length;
  const belowAfter = pairs.filter((p) => below(p.after)).length;
  const leftLowestLevel = mcnemar(pairs.map((p) => ({ before: !below(p.before), after: !below(p.after) })));

  const cutoff = quantile(
    pairs.map((p) => p.before),
    0.25,
  );
  const lowest = cutoff === null ? [] : pairs.filter((p) => p.before <= cutoff);
  const others = cutoff === null ? [] : pairs.filter((p) => p.before > cutoff);

  return {
    threshold,
    n,
    belowBefore,
    belowAfter,
    shareBelowBefore: n > 0 ? belowBefore / n : null,
    shareBelowAfter: n > 0 ? belowAfter / n : null,
    leftLowestLevel,
    lowestQuartile: {
      cutoff,
      n: lowest.length,
      change: pairedChange(lowest, confidenceLevel),
      meanChangeOthers: mean(others.map((p) => p.after - p.before)),
    },
  };
}
