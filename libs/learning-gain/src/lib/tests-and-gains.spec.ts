import { hakeGain } from './hake';
import { mcnemar } from './mcnemar';
import { hedgesJ, pairedChange } from './paired-change';
import { signedRankDistribution, wilcoxonSignedRank } from './wilcoxon';
import { directionShares } from './direction';
import { doseResponse } from './dose-response';
import { mean, midranks, quantile, sampleSd } from './descriptive';
import { forAllSeeds } from '../testing/seeded-random';

/** Brute force over all 2^n sign patterns: two-sided p of W+ for the given ranks. */
function bruteForceP(ranks: number[], wPlus: number): number {
  let lower = 0;
  let upper = 0;
  const total = 2 ** ranks.length;
  for (let mask = 0; mask < total; mask++) {
    let w = 0;
    ranks.forEach((r, i) => {
      if (mask & (1 << i)) w += r;
    });
    if (w <= wPlus + 1e-9) lower++;
    if (w >= wPlus - 1e-9) upper++;
  }
  return Math.min(1, (2 * Math.min(lower, upper)) / total);
}

describe('pairedChange edge cases', () => {
  it('no pairs: every statistic is null, never NaN', () => {
    const c = pairedChange([]);
    expect(c.n).toBe(0);
    for (const [key, value] of Object.entries(c)) {
      if (key === 'n' || key === 'effectSizes') continue;
      expect(value).toBeNull();
    }
    expect(Object.values(c.effectSizes).every((v) => v === null)).toBe(true);
  });

  it('one pair: a mean change but no SD, CI, test or effect size', () => {
    const c = pairedChange([{ before: 2, after: 3 }]);
    expect(c.meanChange).toBe(1);
    expect(c.sdChange).toBeNull();
    expect(c.confidenceInterval).toBeNull();
    expect(c.pValue).toBeNull();
    expect(c.effectSizes.dz).toBeNull();
  });

  it('two pairs: CI with t(0.975, 1) = 12.7062, but no Hedges correction (J undefined for df = 1)', () => {
    const c = pairedChange([
      { before: 1, after: 2 },
      { before: 2, after: 4 },
    ]);
    // d = 1, 2: mean 1.5, s = 0.707107, se = 0.5, CI = 1.5 ± 12.706205·0.5
    expect(c.confidenceInterval?.lower).toBeCloseTo(1.5 - 6.353102, 5);
    expect(c.confidenceInterval?.upper).toBeCloseTo(1.5 + 6.353102, 5);
    expect(c.effectSizes.dz).toBeCloseTo(1.5 / Math.SQRT1_2, 12);
    expect(c.effectSizes.hedgesJ).toBeNull();
    expect(c.effectSizes.gz).toBeNull();
  });

  it('identical changes: zero-width CI, but no t statistic and no d_z (division by zero)', () => {
    const c = pairedChange([
      { before: 1, after: 2 },
      { before: 2, after: 3 },
      { before: 3, after: 4 },
    ]);
    expect(c.meanChange).toBe(1);
    expect(c.sdChange).toBe(0);
    expect(c.confidenceInterval).toEqual({ level: 0.95, lower: 1, upper: 1 });
    expect(c.tStatistic).toBeNull();
    expect(c.pValue).toBeNull();
    expect(c.effectSizes.dz).toBeNull();
    expect(c.effectSizes.dav).toBeCloseTo(1, 12); // SDs of before and after are both 1
  });

  it('other confidence levels use the matching t quantile', () => {
    const pairs = [1, 4, 2, 6, 3].map((b, i) => ({ before: b, after: b + [1, 2, 0, 3, 1][i] }));
    const c = pairedChange(pairs, 0.9);
    expect(c.tCritical).toBeCloseTo(2.131847, 5); // t(0.95, 4)
    expect(() => pairedChange(pairs, 1)).toThrow(RangeError);
  });

  it("Hedges' J = 1 − 3/(4·df − 1)", () => {
    expect(hedgesJ(9)).toBeCloseTo(32 / 35, 15);
    expect(hedgesJ(2)).toBeCloseTo(1 - 3 / 7, 15);
    expect(hedgesJ(1)).toBeNull();
  });
});

describe('Wilcoxon signed-rank test', () => {
  it('is null when all differences are zero or there are none', () => {
    expect(wilcoxonSignedRank([0, 0, 0])).toBeNull();
    expect(wilcoxonSignedRank([])).toBeNull();
  });

  it('exact distribution without ties reproduces the classical two-sided 5 % critical values', () => {
    // Largest T with P(T ≤ T) ≤ 0.025 (one tail), as printed in Wilcoxon tables.
    const table: Record<number, number> = { 6: 0, 7: 2, 8: 3, 9: 5, 10: 8, 11: 10, 12: 13, 13: 17, 14: 21, 15: 25, 20: 52, 25: 89 };
    for (const [nText, critical] of Object.entries(table)) {
      const n = Number(nText);
      const dist = signedRankDistribution(Array.from({ length: n }, (_, i) => i + 1));
      const cdf = (t: number) => dist.slice(0, 2 * t + 1).reduce((a, b) => a + b, 0);
      expect(cdf(critical)).toBeLessThanOrEqual(0.025);
      expect(cdf(critical + 1)).toBeGreaterThan(0.025);
    }
  });

  it('the exact distribution sums to 1 and is symmetric', () => {
    const dist = signedRankDistribution([1, 2, 3.5, 3.5, 5, 6.5, 6.5]);
    expect(dist.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    for (let i = 0; i < dist.length; i++) expect(dist[i]).toBeCloseTo(dist[dist.length - 1 - i], 15);
  });

  it('exact p equals brute-force enumeration, also with ties and zeros', () => {
    forAllSeeds(60, (random) => {
      const n = random.int(1, 12);
      const diffs = Array.from({ length: n }, () => random.int(-3, 3));
      const w = wilcoxonSignedRank(diffs, { method: 'exact' });
      const nonZero = diffs.filter((d) => d !== 0);
      if (nonZero.length === 0) {
        expect(w).toBeNull();
        return;
      }
      const ranks = midranks(nonZero.map(Math.abs));
      expect(w?.pValue).toBeCloseTo(bruteForceP(ranks, w?.wPlus ?? -1), 12);
      expect((w?.wPlus ?? 0) + (w?.wMinus ?? 0)).toBeCloseTo((nonZero.length * (nonZero.length + 1)) / 2, 12);
    });
  });

  it('auto switches to the normal approximation above exactMaxN', () => {
    const diffs = Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? -(i + 1) : i + 1));
    expect(wilcoxonSignedRank(diffs)?.method).toBe('normal');
    expect(wilcoxonSignedRank(diffs, { exactMaxN: 100 })?.method).toBe('exact');
    // for n = 60 the two agree closely
    const exact = wilcoxonSignedRank(diffs, { method: 'exact' })?.pValue ?? 0;
    const normal = wilcoxonSignedRank(diffs, { method: 'normal' })?.pValue ?? 0;
    expect(Math.abs(exact - normal)).toBeLessThan(0.005);
  });

  it('rejects non-finite differences', () => {
    expect(() => wilcoxonSignedRank([1, Number.NaN])).toThrow(RangeError);
  });
});

describe('McNemar', () => {
  it('no discordant pairs: no test', () => {
    const m = mcnemar([
      { before: true, after: true },
      { before: false, after: false },
    ]);
    expect(m.chiSquare).toBeNull();
    expect(m.pChiSquare).toBeNull();
    expect(m.pExact).toBeNull();
    expect(m.shareReachedBefore).toBe(0.5);
  });

  it('b = c gives χ² = 0 and p = 1 (the continuity correction is floored at zero)', () => {
    const m = mcnemar([
      { before: true, after: false },
      { before: false, after: true },
    ]);
    expect(m.chiSquare).toBe(0);
    expect(m.pChiSquare).toBe(1);
    expect(m.pExact).toBe(1);
  });

  it('large discordance: χ² = (|b − c| − 1)²/(b + c)', () => {
    const pairs = [...Array.from({ length: 3 }, () => ({ before: true, after: false })), ...Array.from({ length: 25 }, () => ({ before: false, after: true }))];
    const m = mcnemar(pairs);
    expect(m.chiSquare).toBeCloseTo((21 * 21) / 28, 12); // 15.75
    expect(m.pChiSquare).toBeCloseTo(7.228794e-5, 10);
    // exact: 2·P(X ≤ 3 | 28, ½) = 2·(1 + 28 + 378 + 3276)/2^28
    expect(m.pExact).toBeCloseTo((2 * (1 + 28 + 378 + 3276)) / 2 ** 28, 15);
    expect(m.shareReachedBefore).toBeCloseTo(3 / 28, 12);
  });

  it('empty input gives null shares', () => {
    const m = mcnemar([]);
    expect(m.shareReachedBefore).toBeNull();
    expect(m.chiSquare).toBeNull();
  });
});

describe("Hake's gain with scores at the maximum", () => {
  it('persons with pre = max are excluded from individual gains and counted, not given 0', () => {
    // proportions, max 1: (0.5 → 0.75), (0.8 → 0.9), (1 → 1), (1 → 0.6)
    const h = hakeGain(
      [
        { before: 0.5, after: 0.75 },
        { before: 0.8, after: 0.9 },
        { before: 1, after: 1 },
        { before: 1, after: 0.6 },
      ],
      1,
    );
    // individual: 0.25/0.5 = 0.5, 0.1/0.2 = 0.5 → mean 0.5
    expect(h.meanIndividualGain).toBeCloseTo(0.5, 12);
    expect(h.nIndividual).toBe(2);
    expect(h.atCeiling).toEqual({ n: 2, stayedAtMax: 1, dropped: 1 });
    // class average: pre mean 0.825, post mean 0.8125 → (0.8125 − 0.825)/(1 − 0.825) = −0.071429
    expect(h.classAverageGain).toBeCloseTo(-0.0125 / 0.175, 12);
    // Marx–Cummings: 0.5, 0.5, dropped (1 → 1), (0.6 − 1)/1 = −0.4 → mean 0.2
    expect(h.normalisedChange).toEqual({ n: 3, mean: expect.closeTo(0.2, 12), dropped: 1 });
  });

  it('everyone at max before: class-average and individual gains are undefined', () => {
    const h = hakeGain(
      [
        { before: 20, after: 20 },
        { before: 20, after: 18 },
      ],
      20,
    );
    expect(h.classAverageGain).toBeNull();
    expect(h.meanIndividualGain).toBeNull();
    expect(h.atCeiling).toEqual({ n: 2, stayedAtMax: 1, dropped: 1 });
  });

  it('no pairs: all null', () => {
    const h = hakeGain([], 1);
    expect(h.classAverageGain).toBeNull();
    expect(h.meanIndividualGain).toBeNull();
    expect(h.normalisedChange.mean).toBeNull();
  });
});

describe('small helpers', () => {
  it('direction uses a tolerance only for floating-point noise', () => {
    expect(directionShares([0.1 + 0.2 - 0.3, 0.01, -0.01], 1e-9)).toMatchObject({ improved: 1, unchanged: 1, declined: 1 });
    expect(directionShares([]).shareImproved).toBeNull();
  });

  it('type-7 quantile and midranks', () => {
    expect(quantile([4, 5, 6, 7, 8, 9, 10, 11, 12, 15], 0.25)).toBeCloseTo(6.25, 14);
    expect(quantile([3], 0.25)).toBe(3);
    expect(quantile([], 0.5)).toBeNull();
    expect(midranks([10, 20, 10, 30, 20, 20])).toEqual([1.5, 4, 1.5, 6, 4, 4]);
  });

  it('mean and SD keep precision for large offsets', () => {
    const values = [1e9 + 1, 1e9 + 2, 1e9 + 3];
    expect(mean(values)).toBe(1e9 + 2);
    expect(sampleSd(values)).toBeCloseTo(1, 10);
  });

  it('dose–response needs two different session counts', () => {
    const flat = doseResponse([
      { sessions: 2, change: 1 },
      { sessions: 2, change: 0 },
      { sessions: 2, change: 2 },
    ]);
    expect(flat.slope).toBeNull();
    expect(flat.pearson).toBeNull();
    expect(flat.bands.find((b) => b.label === '2')?.n).toBe(3);
    expect(() => doseResponse([], [1, 2])).toThrow(RangeError);
    expect(() => doseResponse([], [0, 2, 2])).toThrow(RangeError);
  });
});

describe('Wilcoxon tolerance for floating-point scores', () => {
  it('treats differences equal up to rounding as ties, and tiny ones as zero', () => {
    const differences = [0.3 - 0.1, 0.2, 0.1 + 0.2 - 0.3, 0.5];
    expect(0.3 - 0.1 === 0.2).toBe(false); // the reason for the option
    const strict = wilcoxonSignedRank(differences);
    expect(strict?.ties).toBe(false);
    expect(strict?.zeros).toBe(0);
    const tolerant = wilcoxonSignedRank(differences, { tolerance: 1e-9 });
    expect(tolerant).toMatchObject({ ties: true, zeros: 1, nNonZero: 3, wPlus: 6 });
    expect(() => wilcoxonSignedRank(differences, { tolerance: -1 })).toThrow(RangeError);
  });
});
