import { midranks } from './descriptive';
import { normalCdf } from './probability';
import type { WilcoxonMethod, WilcoxonResult, WilcoxonZeroMethod } from './types';

export interface WilcoxonOptions {
  /** 'wilcox' (default): drop zero differences, then rank. 'pratt': rank including zeros, then drop them. */
  zeroMethod?: WilcoxonZeroMethod;
  /** 'auto' (default): exact up to `exactMaxN` non-zero differences, otherwise normal. */
  method?: WilcoxonMethod | 'auto';
  exactMaxN?: number;
  /** Continuity correction of ½ in the normal approximation; default true (as R's wilcox.test). */
  continuityCorrection?: boolean;
  /**
   * Differences closer than this count as equal (ties), and |d| below half of it as zero. Default 0 (exact
   * comparison). Use a small value such as 1e-9 × scale range when scores are computed in floating point
   * (points ÷ max, composite means), where 0.7 − 0.35 and 0.35 may differ in the last bit.
   */
  tolerance?: number;
}

/**
 * Wilcoxon signed-rank test of H0 "the differences are symmetric around 0", two-sided.
 *
 * Ranks of |d| use midranks for ties. Under H0 every rank r_i carries a + or − sign with probability ½
 * independently, so W+ = Σ r_i·[d_i > 0] has E = Σr_i / 2 and Var = Σr_i² / 4. These moments already
 * include the tie correction (each tie group of size t lowers Σr² by (t³ − t)/12) and Pratt's zero ranks.
 *
 * Exact method: the permutation distribution of W+ given the observed (mid)ranks, computed by dynamic
 * programming over doubled ranks (midranks are multiples of ½, so 2r is an integer). Without ties this is
 * the classical table distribution; with ties it is the exact conditional test. Two-sided p =
 * min(1, 2·min(P(W+ ≤ w), P(W+ ≥ w))), as in R.
 *
 * Returns null when there are no non-zero differences (nothing to test).
 */
export function wilcoxonSignedRank(differences: readonly number[], options: WilcoxonOptions = {}): WilcoxonResult | null {
  const zeroMethod = options.zeroMethod ?? 'wilcox';
  const exactMaxN = options.exactMaxN ?? 50;
  const continuity = options.continuityCorrection ?? true;
  const tolerance = options.tolerance ?? 0;
  if (!(tolerance >= 0) || !Number.isFinite(tolerance)) throw new RangeError(`wilcoxonSignedRank: tolerance must be ≥ 0, got ${tolerance}`);
  for (const d of differences) {
    if (!Number.isFinite(d)) throw new RangeError(`wilcoxonSignedRank: differences must be finite numbers, got ${d}`);
  }
  // The test depends only on the signs and the ranks of |d|, so snapping to a grid of `tolerance` changes
  // nothing but the detection of ties and zeros.
  const values = tolerance > 0 ? differences.map((d) => Math.round(d / tolerance)) : differences;

  const n = values.length;
  const zeros = values.filter((d) => d === 0).length;
  const nonZero = values.filter((d) => d !== 0);
  if (nonZero.length === 0) return null;

  let ranks: number[];
  let signs: number[];
  if (zeroMethod === 'pratt') {
    const all = midranks(values.map((d) => Math.abs(d)));
    ranks = [];
    signs = [];
    values.forEach((d, i) => {
      if (d !== 0) {
        ranks.push(all[i]);
        signs.push(Math.sign(d));
      }
    });
  } else {
    ranks = midranks(nonZero.map((d) => Math.abs(d)));
    signs = nonZero.map((d) => Math.sign(d));
  }

  const ties = new Set(ranks).size < ranks.length;
  let wPlus = 0;
  let wMinus = 0;
  ranks.forEach((r, i) => {
    if (signs[i] > 0) wPlus += r;
    else wMinus += r;
  });
  const total = wPlus + wMinus;
  const expected = total / 2;
  const variance = ranks.reduce((acc, r) => acc + r * r, 0) / 4;
  const deviation = wPlus - expected;
  const correction = continuity && deviation !== 0 ? 0.5 * Math.sign(deviation) : 0;
  // |deviation| ≥ ½ whenever it is non-zero (ranks are multiples of ½), so the correction never flips the sign.
  const z = (deviation - correction) / Math.sqrt(variance);

  const requested = options.method ?? 'auto';
  const method: WilcoxonMethod = requested === 'auto' ? (ranks.length <= exactMaxN ? 'exact' : 'normal') : requested;
  let pValue: number;
  if (method === 'exact') {
    pValue = exactTwoSidedP(ranks, wPlus);
  } else {
    pValue = Math.min(1, 2 * Math.min(normalCdf(z), normalCdf(-z)));
  }

  return {
    n,
    nNonZero: nonZero.length,
    zeros,
    zeroMethod,
    ties,
    wPlus,
    wMinus,
    statistic: Math.min(wPlus, wMinus),
    method,
    z,
    pValue,
    rankBiserial: total > 0 ? (wPlus - wMinus) / total : 0,
  };
}

/**
 * Exact null distribution of W+ for the given ranks: probabilities indexed by 2·W+.
 * Exported for tests (it must sum to 1 and match the classical tables).
 */
export function signedRankDistribution(ranks: readonly number[]): number[] {
  const doubled = ranks.map((r) => {
    const d = Math.round(2 * r);
    if (Math.abs(d - 2 * r) > 1e-9 || d <= 0) throw new RangeError(`signedRankDistribution: ranks must be positive multiples of ½, got ${r}`);
    return d;
  });
  const max = doubled.reduce((a, b) => a + b, 0);
  let distribution = new Array<number>(max + 1).fill(0);
  distribution[0] = 1;
  let reach = 0;
  for (const r of doubled) {
    const next = new Array<number>(max + 1).fill(0);
    for (let s = 0; s <= reach; s++) {
      const p = distribution[s];
      if (p === 0) continue;
      next[s] += p / 2; // this rank's difference is negative
      next[s + r] += p / 2; // positive
    }
    reach += r;
    distribution = next;
  }
  return distribution;
}

function exactTwoSidedP(ranks: readonly number[], wPlus: number): number {
  const distribution = signedRankDistribution(ranks);
  const w = Math.round(2 * wPlus);
  let lower = 0;
  let upper = 0;
  distribution.forEach((p, s) => {
    if (s <= w) lower += p;
    if (s >= w) upper += p;
  });
  return Math.min(1, 2 * Math.min(lower, upper));
}
