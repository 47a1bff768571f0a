import { binomialCdf, chiSquareCdf, chiSquareSurvival, normalCdf, normalQuantile, studentTCdf, studentTQuantile, studentTTwoSidedP } from './probability';
import { forAllSeeds } from '../testing/seeded-random';

/** |actual − expected| ≤ tol·max(1, |expected|). */
function expectClose(actual: number, expected: number, tol = 1e-10): void {
  const scale = Math.max(1, Math.abs(expected));
  if (!(Math.abs(actual - expected) <= tol * scale)) {
    throw new Error(`expected ${expected}, got ${actual} (difference ${actual - expected})`);
  }
}

describe('normal distribution', () => {
  it('cdf matches tables', () => {
    expectClose(normalCdf(1.96), 0.9750021048517795, 1e-13);
    expectClose(normalCdf(0.5), 0.6914624612740131, 1e-13);
    expectClose(normalCdf(-1), 0.15865525393145707, 1e-13);
    expectClose(normalCdf(3), 0.9986501019683699, 1e-13);
    expect(normalCdf(0)).toBe(0.5);
    // Lower tail keeps relative precision far out.
    expect(Math.abs(normalCdf(-5) / 2.866515718791933e-7 - 1)).toBeLessThan(1e-10);
    expect(Math.abs(normalCdf(-10) / 7.61985302416047e-24 - 1)).toBeLessThan(1e-10);
  });

  it('quantile matches tables and inverts the cdf', () => {
    expectClose(normalQuantile(0.975), 1.959963984540054, 1e-14);
    expectClose(normalQuantile(0.3), -0.5244005127080409, 1e-14);
    expectClose(normalQuantile(0.02425), -1.972961051311885, 1e-14);
    expectClose(normalQuantile(0.999), 3.090232306167813, 1e-14);
    // stdlib's quantile is about 2e-9 relative this far out (its Φ is then 1e-10 · (1 + 8e-8)): far below the two
    // decimals any report shows, but not the 1e-14 of the central range.
    expectClose(normalQuantile(1e-10), -6.361340902404056, 1e-8);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(() => normalQuantile(1.2)).toThrow(RangeError);
    forAllSeeds(200, (random) => {
      const p = 1e-6 + random.next() * (1 - 2e-6);
      expectClose(normalCdf(normalQuantile(p)), p, 1e-12);
    });
  });
});

describe("Student's t distribution", () => {
  it('quantiles match printed t tables', () => {
    // Values printed in every statistics textbook (two-sided 95 %).
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062, 4);
    expect(studentTQuantile(0.975, 5)).toBeCloseTo(2.5706, 4);
    expect(studentTQuantile(0.975, 9)).toBeCloseTo(2.262157, 6);
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.0423, 4);
    // Full-precision references.
    expectClose(studentTQuantile(0.975, 1), 12.706204736174694, 1e-12);
    expectClose(studentTQuantile(0.975, 2), 4.302652729749462, 1e-12);
    expectClose(studentTQuantile(0.975, 5), 2.5705818356363146, 1e-12);
    expectClose(studentTQuantile(0.975, 9), 2.262157162798205, 1e-12);
    expectClose(studentTQuantile(0.975, 30), 2.0422724563012378, 1e-12);
    expectClose(studentTQuantile(0.975, 100), 1.9839715185235518, 1e-12);
    expectClose(studentTQuantile(0.995, 10), 3.16927267261695, 1e-12);
    expectClose(studentTQuantile(0.95, 2), 2.9199855803537242, 1e-12);
    expectClose(studentTQuantile(0.9999, 3), 22.203742273205, 1e-11);
    expectClose(studentTQuantile(0.975, 2.5), 3.5746548420036817, 1e-11);
    expectClose(studentTQuantile(0.6, 4), 0.2707222947075976, 1e-12);
    expectClose(studentTQuantile(0.999999, 1000), 4.781608620452439, 1e-10);
    expectClose(studentTQuantile(0.025, 9), -2.262157162798205, 1e-12);
    expect(studentTQuantile(0.975, Infinity)).toBeCloseTo(1.959964, 6);
  });

  it('cdf matches references', () => {
    expectClose(studentTCdf(2, 3), 0.9303370157205785, 1e-12);
    expectClose(studentTCdf(-1.5, 7), 0.088649243494985, 1e-12);
    expectClose(studentTCdf(0.3, 1), 0.5 + Math.atan(0.3) / Math.PI, 1e-13); // Cauchy
    expectClose(studentTCdf(10, 2), 0.9950737714883372, 1e-12);
    expect(Math.abs(studentTCdf(-4, 50) / 0.00010459512318201668 - 1)).toBeLessThan(1e-9);
    expectClose(studentTCdf(40, 5), 0.9999999079401891, 1e-12);
    expect(studentTCdf(0, 4)).toBe(0.5);
    expectClose(studentTTwoSidedP(2.262157162798205, 9), 0.05, 1e-12);
  });

  it('quantile inverts the cdf for random p and df', () => {
    forAllSeeds(300, (random) => {
      const df = random.chance(0.5) ? random.int(1, 60) : 0.5 + random.next() * 40;
      const p = 1e-5 + random.next() * (1 - 2e-5);
      const t = studentTQuantile(p, df);
      expectClose(studentTCdf(t, df), p, 1e-11);
    });
  });

  it('rejects invalid arguments', () => {
    expect(() => studentTQuantile(0.5, 0)).toThrow(RangeError);
    expect(() => studentTCdf(Number.NaN, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(-0.1, 3)).toThrow(RangeError);
  });
});

describe('chi-square distribution', () => {
  it('matches critical values and references', () => {
    expectClose(chiSquareCdf(3.841458820694124, 1), 0.95, 1e-12);
    expectClose(chiSquareCdf(5.991464547107979, 2), 0.95, 1e-12);
    expectClose(chiSquareSurvival(1.125, 1), 0.2888443663464818, 1e-12);
    expectClose(chiSquareCdf(10, 5), 0.9247647538534878, 1e-12);
    expectClose(chiSquareCdf(0.1, 3), 0.00816257626812352, 1e-12);
    expect(Math.abs(chiSquareSurvival(50, 10) / 2.669083424904495e-7 - 1)).toBeLessThan(1e-9);
    // Far in the upper tail (1 − cdf would give 0): P(χ²₁ > 200) = erfc(√100) = erfc(10).
    expect(Math.abs(chiSquareSurvival(200, 1) / 2.088487583762545e-45 - 1)).toBeLessThan(1e-12);
    expectClose(chiSquareCdf(0.001, 1), 0.02522712063003961, 1e-12);
    expect(chiSquareCdf(0, 3)).toBe(0);
    expect(chiSquareSurvival(0, 3)).toBe(1);
  });

  it('with 1 df equals the squared normal: P(χ² ≤ x) = 2Φ(√x) − 1', () => {
    for (const x of [0.2, 1, 2.5, 6.6, 12]) expectClose(chiSquareCdf(x, 1), 2 * normalCdf(Math.sqrt(x)) - 1, 1e-13);
  });

  it('with 2 df is exponential: P(χ² ≤ x) = 1 − e^{−x/2}', () => {
    for (const x of [0.2, 1, 2.5, 6.6, 12]) expectClose(chiSquareCdf(x, 2), 1 - Math.exp(-x / 2), 1e-13);
  });
});

describe('binomial distribution', () => {
  it('matches hand sums and references', () => {
    // P(X ≤ 2 | n = 8, ½) = (1 + 8 + 28) / 256
    expectClose(binomialCdf(2, 8, 0.5), 37 / 256, 1e-14);
    expectClose(binomialCdf(40, 100, 0.5), 0.028443966820490444, 1e-12);
    expectClose(binomialCdf(3, 10, 0.3), 0.6496107184000002, 1e-12);
    expect(binomialCdf(-1, 5, 0.5)).toBe(0);
    expect(binomialCdf(5, 5, 0.5)).toBe(1);
  });
});
