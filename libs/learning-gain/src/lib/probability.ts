import binomialDistributionCdf from '@stdlib/stats-base-dists-binomial-cdf';
import chiSquareDistributionCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import normalDistributionCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalDistributionQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tDistributionCdf from '@stdlib/stats-base-dists-t-cdf';
import tDistributionQuantile from '@stdlib/stats-base-dists-t-quantile';
import gammainc from '@stdlib/math-base-special-gammainc';

/**
 * The probability distributions the statistics need, computed by stdlib (https://stdlib.io). This module only fixes
 * the parametrisation once (standard normal, which tail, two-sided) and turns stdlib's NaN for invalid arguments
 * into a RangeError, so a programming error stops the analysis instead of leaking NaN into a report.
 */

function checked(name: string, value: number): number {
  if (Number.isNaN(value)) throw new RangeError(`${name}: invalid arguments`);
  return value;
}

/** Standard normal cumulative distribution function Φ(z). */
export function normalCdf(z: number): number {
  return checked('normalCdf', normalDistributionCdf(z, 0, 1));
}

/** Standard normal quantile Φ⁻¹(p). */
export function normalQuantile(p: number): number {
  return checked('normalQuantile', normalDistributionQuantile(p, 0, 1));
}

/** Student's t cumulative distribution function P(T ≤ t) with df degrees of freedom (df may be fractional). */
export function studentTCdf(t: number, df: number): number {
  if (df === Infinity) return normalCdf(t);
  return checked('studentTCdf', tDistributionCdf(t, df));
}

/** Student's t quantile: the t with P(T ≤ t) = p. */
export function studentTQuantile(p: number, df: number): number {
  if (df === Infinity) return normalQuantile(p);
  return checked('studentTQuantile', tDistributionQuantile(p, df));
}

/** Two-sided p-value P(|T| ≥ |t|), from the lower tail so that small p-values keep their precision. */
export function studentTTwoSidedP(t: number, df: number): number {
  return Math.min(1, 2 * studentTCdf(-Math.abs(t), df));
}

/** Chi-square cumulative distribution function P(X ≤ x) with k degrees of freedom. */
export function chiSquareCdf(x: number, k: number): number {
  return checked('chiSquareCdf', chiSquareDistributionCdf(x, k));
}

/**
 * Chi-square upper tail P(X > x), the p-value of a chi-square statistic: the upper regularised incomplete gamma
 * Q(k/2, x/2), exact in the far tail where 1 − cdf would cancel.
 */
export function chiSquareSurvival(x: number, k: number): number {
  if (!(k > 0)) throw new RangeError(`chiSquareSurvival: degrees of freedom must be positive, got ${k}`);
  if (x <= 0) return 1;
  return checked('chiSquareSurvival', gammainc(x / 2, k / 2, true, true));
}

/** Binomial P(X ≤ k) for X ~ Bin(n, p). */
export function binomialCdf(k: number, n: number, p: number): number {
  return checked('binomialCdf', binomialDistributionCdf(k, n, p));
}
