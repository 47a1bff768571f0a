import { binomialCdf, chiSquareSurvival } from './probability';
import type { McNemarResult } from './types';

export interface BinaryPair {
  before: boolean;
  after: boolean;
}

/**
 * McNemar's test for a change in a yes/no outcome measured twice on the same persons
 * (here: "level reached", e.g. self-rating ≥ 3 "can do it on my own").
 *
 * Only discordant pairs carry information: b = reached before but not after (lost), c = not before but
 * after (gained). Under H0 (no change in the share) b ~ Bin(b + c, ½).
 * χ² = (|b − c| − 1)² / (b + c) with Edwards' continuity correction, 1 df (the −1 is floored at 0, as in
 * R's mcnemar.test, so b = c gives χ² = 0). The exact binomial p-value is also returned; prefer it when
 * b + c < 25, where the χ² approximation is poor.
 */
export function mcnemar(pairs: readonly BinaryPair[]): McNemarResult {
  let both = 0;
  let neither = 0;
  let gained = 0;
  let lost = 0;
  for (const p of pairs) {
    if (p.before && p.after) both++;
    else if (!p.before && !p.after) neither++;
    else if (p.after) gained++;
    else lost++;
  }
  const n = pairs.length;
  const discordant = gained + lost;
  let chiSquare: number | null = null;
  let pChiSquare: number | null = null;
  let pExact: number | null = null;
  if (discordant > 0) {
    const corrected = Math.max(0, Math.abs(lost - gained) - 1);
    chiSquare = (corrected * corrected) / discordant;
    pChiSquare = chiSquareSurvival(chiSquare, 1);
    pExact = Math.min(1, 2 * binomialCdf(Math.min(gained, lost), discordant, 0.5));
  }
  return {
    n,
    reachedBefore: both + lost,
    reachedAfter: both + gained,
    shareReachedBefore: n > 0 ? (both + lost) / n : null,
    shareReachedAfter: n > 0 ? (both + gained) / n : null,
    both,
    neither,
    gained,
    lost,
    chiSquare,
    pChiSquare,
    pExact,
  };
}
