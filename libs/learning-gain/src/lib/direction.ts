import type { DirectionShares } from './types';

/**
 * Share improved / unchanged / declined among pairs. A change counts as "unchanged" when
 * |after − before| ≤ tolerance; the tolerance (default 1e-9) only absorbs floating-point noise in scores
 * computed as points ÷ max, it is not a "meaningful change" threshold.
 */
export function directionShares(changes: readonly number[], tolerance = 1e-9): DirectionShares {
  if (!(tolerance >= 0)) throw new RangeError(`directionShares: tolerance must be ≥ 0, got ${tolerance}`);
  let improved = 0;
  let unchanged = 0;
  let declined = 0;
  for (const d of changes) {
    if (d > tolerance) improved++;
    else if (d < -tolerance) declined++;
    else unchanged++;
  }
  const n = changes.length;
  return {
    n,
    improved,
    unchanged,
    declined,
    shareImproved: n > 0 ? improved / n : null,
    shareUnchanged: n > 0 ? unchanged / n : null,
    shareDeclined: n > 0 ? declined / n : null,
  };
}
