/**
 * Probability distributions needed by the learning-gain statistics, implemented without dependencies.
 *
 * Accuracy target: about 1e-12 relative in the ranges used here (checked in distributions.spec.ts
 * against published table values). Everything is built on two special functions:
 * - the regularised incomplete gamma function P(a, x) / Q(a, x) (normal and chi-square), and
 * - the regularised incomplete beta function I_x(a, b) (Student's t).
 */

const EPSILON = 1e-15;
const MAX_ITERATIONS = 10_000;
const TINY = 1e-300;

// Lanczos approximation (g = 7, n = 9), relative error below 1e-15 for positive arguments.
const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** Natural logarithm of the gamma function, for x > 0. */
export function logGamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`logGamma: x must be a positive finite number, got ${x}`);
  if (x < 0.5) {
    // Reflection formula keeps the Lanczos series in its accurate range: Γ(x)Γ(1−x) = π / sin(πx).
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS_COEFFICIENTS[0];
  for (let i = 1; i < LANCZOS_G + 2; i++) sum += LANCZOS_COEFFICIENTS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Regularised lower incomplete gamma P(a, x) = γ(a, x) / Γ(a). */
export function regularizedGammaP(a: number, x: number): number {
  assertGammaArgs(a, x);
  if (x === 0) return 0;
  if (x === Infinity) return 1;
  return x < a + 1 ? gammaSeries(a, x) : 1 - gammaContinuedFraction(a, x);
}

/** Regularised upper incomplete gamma Q(a, x) = 1 − P(a, x), accurate in the upper tail. */
export function regularizedGammaQ(a: number, x: number): number {
  assertGammaArgs(a, x);
  if (x === 0) return 1;
  if (x === Infinity) return 0;
  return x < a + 1 ? 1 - gammaSeries(a, x) : gammaContinuedFraction(a, x);
}

function assertGammaArgs(a: number, x: number): void {
  if (!(a > 0) || !Number.isFinite(a)) throw new RangeError(`incomplete gamma: a must be positive, got ${a}`);
  if (!(x >= 0)) throw new RangeError(`incomplete gamma: x must be ≥ 0, got ${x}`);
}

// Series γ(a,x)/Γ(a) = e^{−x} x^a Σ x^n / (a (a+1) … (a+n)); converges fast for x < a + 1.
function gammaSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < MAX_ITERATIONS; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
  }
  return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
}

// Continued fraction for Γ(a,x)/Γ(a) (modified Lentz); converges fast for x ≥ a + 1.
function gammaContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
}

/** Regularised incomplete beta function I_x(a, b), for 0 ≤ x ≤ 1 and a, b > 0. */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (!(a > 0) || !(b > 0)) throw new RangeError(`incomplete beta: a and b must be positive, got ${a}, ${b}`);
  if (!(x >= 0 && x <= 1)) throw new RangeError(`incomplete beta: x must be in [0, 1], got ${x}`);
  if (x === 0) return 0;
  if (x === 1) return 1;
  const logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  // The continued fraction converges quickly for x < (a+1)/(a+b+2); otherwise use I_x(a,b) = 1 − I_{1−x}(b,a).
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaContinuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(logFront) * betaContinuedFraction(1 - x, b, a)) / b;
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return h;
}

// ---------------------------------------------------------------------------------------------
// Normal distribution
// ---------------------------------------------------------------------------------------------

/** Complementary error function, through erfc(x) = Q(1/2, x²) for x ≥ 0. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) throw new RangeError('erfc: x is NaN');
  if (x >= 0) return regularizedGammaQ(0.5, x * x);
  return 2 - regularizedGammaQ(0.5, x * x);
}

/** Standard normal cumulative distribution function Φ(z). */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) throw new RangeError('normalCdf: z is NaN');
  if (z === Infinity) return 1;
  if (z === -Infinity) return 0;
  // Φ(z) = ½·erfc(−z/√2); for z < 0 this is computed directly in the small tail (no cancellation).
  return z < 0 ? 0.5 * regularizedGammaQ(0.5, (z * z) / 2) : 1 - 0.5 * regularizedGammaQ(0.5, (z * z) / 2);
}

/** Upper tail 1 − Φ(z), accurate for large z. */
export function normalSurvival(z: number): number {
  return normalCdf(-z);
}

/**
 * Standard normal quantile Φ⁻¹(p): Wichura's algorithm AS 241 (PPND16), relative accuracy about 1e-16.
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`normalQuantile: p must be in [0, 1], got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r +
          45921.953931549871457) *
          r +
          13731.693765509461125) *
          r +
          1971.5909503065514427) *
          r +
          133.14166789178437745) *
          r +
          3.387132872796366608)) /
      (((((((5226.495278852545925 * r + 28729.085735721942674) * r + 39307.89580009271061) * r +
        21213.794301586595867) *
        r +
        5394.1960214247511077) *
        r +
        687.1870074920579083) *
        r +
        42.313330701600911252) *
        r +
        1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value =
      (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r +
        1.27045825245236838258) *
        r +
        3.64784832476320460504) *
        r +
        5.7694972214606914055) *
        r +
        4.6303378461565452959) *
        r +
        1.42343711074968357734) /
      (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r +
        0.14810397642748007459) *
        r +
        0.68976733498510000455) *
        r +
        1.6763848301838038494) *
        r +
        2.05319162663775882187) *
        r +
        1);
  } else {
    r -= 5;
    value =
      (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r +
        0.026532189526576123093) *
        r +
        0.29656057182850489123) *
        r +
        1.7848265399172913358) *
        r +
        5.4637849111641143699) *
        r +
        6.6579046435011037772) /
      (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
        7.868691311456132591e-4) *
        r +
        0.0148753612908506148525) *
        r +
        0.13692988092273580531) *
        r +
        0.59983220655588793769) *
        r +
        1);
  }
  return q < 0 ? -value : value;
}

// ---------------------------------------------------------------------------------------------
// Student's t distribution
// ---------------------------------------------------------------------------------------------

function assertDf(df: number, name: string): void {
  if (!(df > 0)) throw new RangeError(`${name}: degrees of freedom must be positive, got ${df}`);
}

/** Upper tail P(T > |t|) · 1 for t ≥ 0, via P(T > t) = ½·I_{ν/(ν+t²)}(ν/2, ½). */
function studentTUpperTail(t: number, df: number): number {
  if (df === Infinity) return normalSurvival(t);
  const x = df / (df + t * t);
  const tail = 0.5 * regularizedBeta(x, df / 2, 0.5);
  return t >= 0 ? tail : 1 - tail;
}

/** Student's t cumulative distribution function P(T ≤ t) with df degrees of freedom (df may be fractional). */
export function studentTCdf(t: number, df: number): number {
  assertDf(df, 'studentTCdf');
  if (Number.isNaN(t)) throw new RangeError('studentTCdf: t is NaN');
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  return t < 0 ? studentTUpperTail(-t, df) : 1 - studentTUpperTail(t, df);
}

/** Student's t density. */
export function studentTPdf(t: number, df: number): number {
  assertDf(df, 'studentTPdf');
  if (df === Infinity) return Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
  const logDensity =
    logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI) - ((df + 1) / 2) * Math.log1p((t * t) / df);
  return Math.exp(logDensity);
}

/** Two-sided p-value P(|T| ≥ |t|). */
export function studentTTwoSidedP(t: number, df: number): number {
  assertDf(df, 'studentTTwoSidedP');
  return Math.min(1, 2 * studentTUpperTail(Math.abs(t), df));
}

/**
 * Student's t quantile: the t with P(T ≤ t) = p. Closed forms for df = 1 and 2; otherwise safeguarded
 * Newton iterations on the upper tail (bisection whenever a Newton step leaves the bracket).
 */
export function studentTQuantile(p: number, df: number): number {
  assertDf(df, 'studentTQuantile');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`studentTQuantile: p must be in [0, 1], got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  if (df === Infinity) return normalQuantile(p);
  if (df === 1) return Math.tan(Math.PI * (p - 0.5));
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));

  const target = 1 - p; // solve upperTail(t) = target for t > 0
  let low = 0;
  let high = Math.max(1, normalQuantile(p));
  while (studentTUpperTail(high, df) > target) {
    low = high;
    high *= 2;
  }
  // Cornish–Fisher start: t ≈ z + (z³ + z) / (4ν), clamped into the bracket.
  const z = normalQuantile(p);
  let t = z + (z * z * z + z) / (4 * df);
  if (!(t > low && t < high)) t = (low + high) / 2;
  for (let i = 0; i < 200; i++) {
    const f = studentTUpperTail(t, df) - target; // decreasing in t
    if (f > 0) low = t;
    else high = t;
    const step = f / studentTPdf(t, df); // d(upperTail)/dt = −pdf, so Newton: t + f/pdf
    let next = t + step;
    if (!(next > low && next < high)) next = (low + high) / 2;
    if (Math.abs(next - t) <= 1e-15 * Math.max(1, Math.abs(t))) return next;
    t = next;
  }
  return t;
}

// ---------------------------------------------------------------------------------------------
// Chi-square and binomial
// ---------------------------------------------------------------------------------------------

/** Chi-square cumulative distribution function P(X ≤ x) with k degrees of freedom. */
export function chiSquareCdf(x: number, k: number): number {
  assertDf(k, 'chiSquareCdf');
  if (Number.isNaN(x)) throw new RangeError('chiSquareCdf: x is NaN');
  if (x <= 0) return 0;
  return regularizedGammaP(k / 2, x / 2);
}

/** Chi-square upper tail P(X > x): the p-value of a chi-square statistic. */
export function chiSquareSurvival(x: number, k: number): number {
  assertDf(k, 'chiSquareSurvival');
  if (Number.isNaN(x)) throw new RangeError('chiSquareSurvival: x is NaN');
  if (x <= 0) return 1;
  return regularizedGammaQ(k / 2, x / 2);
}

/** Binomial P(X ≤ k) for X ~ Bin(n, p), summed in log space (exact for the n used in practice). */
export function binomialCdf(k: number, n: number, p: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`binomialCdf: n must be a non-negative integer, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binomialCdf: p must be in [0, 1], got ${p}`);
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (p === 0) return 1;
  if (p === 1) return 0;
  const upper = Math.floor(k);
  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  const logFactN = logGamma(n + 1);
  let sum = 0;
  for (let i = 0; i <= upper; i++) {
    sum += Math.exp(logFactN - logGamma(i + 1) - logGamma(n - i + 1) + i * logP + (n - i) * logQ);
  }
  return Math.min(1, sum);
}
