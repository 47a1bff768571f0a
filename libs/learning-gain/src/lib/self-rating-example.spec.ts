/**
 * Worked example on the four-step self-rating (1 "Jag vet inte hur man gör" … 4 "säkert och kan hjälpa
 * andra"), with many ties and zero differences, a retrospective then rating, sessions attended and a
 * knowledge test for calibration. All expected values are computed by hand in the comments.
 *
 *   i          0  1  2  3  4  5  6  7  8  9 10 11
 *   before     1  1  2  2  2  3  3  2  1  3  4  2   Σ = 26
 *   after      2  3  3  2  3  3  4  3  1  2  4  3   Σ = 33
 *   d          1  2  1  0  1  0  1  1  0 −1  0  1   Σ = 7, mean 7/12
 *   then       1  1  1  2  2  2  3  2  1  2  3  2   (then − before: four −1, eight 0)
 *   sessions   1  3  2  0  2  1  4  5  0  1  2  3
 */
import { analyseCheck, analyseDimension } from './analyse';
import { knowledgeScale, SELF_RATING_SCALE } from './scales';
import type { DimensionInput } from './types';
import { wilcoxonSignedRank } from './wilcoxon';

const before = [1, 1, 2, 2, 2, 3, 3, 2, 1, 3, 4, 2];
const after = [2, 3, 3, 2, 3, 3, 4, 3, 1, 2, 4, 3];
const then = [1, 1, 1, 2, 2, 2, 3, 2, 1, 2, 3, 2];
const sessions = [1, 3, 2, 0, 2, 1, 4, 5, 0, 1, 2, 3];
const knowledgeBefore = [0.1, 0.2, 0.3, 0.2, 0.3, 0.4, 0.5, 0.2, 0.1, 0.8, 0.8, 0.3];
const knowledgeAfter = [0.4, 0.6, 0.7, 0.5, 0.7, 0.6, 0.9, 0.7, 0.2, 0.8, 1.0, 0.7];

const selfRating: DimensionInput = {
  key: 'journal-login',
  scale: SELF_RATING_SCALE,
  records: before.map((b, i) => ({
    personId: `s${i}`,
    before: b,
    after: after[i],
    then: then[i],
    sessionsAttended: sessions[i],
  })),
};
const knowledge: DimensionInput = {
  key: 'journal-quiz',
  scale: knowledgeScale({ passMark: 0.7 }),
  records: knowledgeBefore.map((b, i) => ({ personId: `s${i}`, before: b, after: knowledgeAfter[i] })),
};

const result = analyseDimension(selfRating);

describe('worked example: self-rating 1–4 with ties', () => {
  it('mean change, CI and effect sizes', () => {
    const c = result.change;
    expect(c.n).toBe(12);
    expect(c.meanChange).toBeCloseTo(7 / 12, 12);
    // Σd² = 1+4+1+0+1+0+1+1+0+1+0+1 = 11; SS = 11 − 12·(7/12)² = 11 − 49/12 = 83/12; s² = 83/132
    expect(c.sdChange).toBeCloseTo(Math.sqrt(83 / 132), 12);
    expect(c.sdChange).toBeCloseTo(0.792961, 5);
    expect(c.tCritical).toBeCloseTo(2.200985, 5); // t(0.975, 11)
    // CI = 0.583333 ± 2.200985·0.792961/√12 = 0.583333 ± 0.503824
    expect(c.confidenceInterval?.lower).toBeCloseTo(0.07951, 5);
    expect(c.confidenceInterval?.upper).toBeCloseTo(1.087157, 5);
    // SD before: Σb² = 66, SS = 66 − 26²/12 = 9.666667, s = √(9.666667/11) = 0.937437
    // SD after: Σa² = 99, SS = 99 − 33²/12 = 8.25, s = √(8.25/11) = 0.866025
    expect(c.sdBefore).toBeCloseTo(0.937437, 5);
    expect(c.sdAfter).toBeCloseTo(0.866025, 5);
    expect(c.effectSizes.dz).toBeCloseTo(0.735639, 5);
    expect(c.effectSizes.dav).toBeCloseTo(0.583333 / ((0.937437 + 0.866025) / 2), 5); // 0.646904
    expect(c.effectSizes.hedgesJ).toBeCloseTo(1 - 3 / 43, 12); // df = 11
  });

  it('Wilcoxon with tied ranks and zeros: exact conditional p and normal approximation', () => {
    // Zeros dropped (Wilcoxon's method): 8 non-zero |d| = seven 1s and one 2.
    // Midranks: the 1s share ranks 1..7 → 4; the 2 gets rank 8. W+ = 6·4 + 8 = 32, W− = 4.
    const w = result.wilcoxon;
    expect(w).toMatchObject({ n: 12, nNonZero: 8, zeros: 4, ties: true, wPlus: 32, wMinus: 4, statistic: 4, method: 'exact' });
    // Exact: W+ = 4K + 8I with K ~ Bin(7, ½) signs of the 1s and I the sign of the 2.
    // W+ ≥ 32 needs I = 1 and K ≥ 6: P = ½ · (7 + 1)/128 = 1/32; two-sided p = 2/32 = 0.0625.
    expect(w?.pValue).toBeCloseTo(0.0625, 12);
    // Normal: E = 36/2 = 18; Var = (7·4² + 8²)/4 = 44; z = (32 − 18 − 0.5)/√44 = 2.035202
    expect(w?.z).toBeCloseTo(13.5 / Math.sqrt(44), 12);
    const normal = wilcoxonSignedRank(
      after.map((a, i) => a - before[i]),
      { method: 'normal' },
    );
    expect(normal?.pValue).toBeCloseTo(0.041831, 5); // 2·(1 − Φ(2.035202)), as R's wilcox.test(correct = TRUE)
  });

  it("Wilcoxon with Pratt's zero handling ranks the zeros first", () => {
    // Ranks including the four zeros: zeros 1..4, the 1s 5..11 → midrank 8, the 2 → 12.
    // W+ = 6·8 + 12 = 60, W− = 8; E = 34, Var = (7·64 + 144)/4 = 148, z = 25.5/√148 = 2.096087
    const w = wilcoxonSignedRank(
      after.map((a, i) => a - before[i]),
      { zeroMethod: 'pratt', method: 'normal' },
    );
    expect(w).toMatchObject({ zeroMethod: 'pratt', wPlus: 60, wMinus: 8, nNonZero: 8, zeros: 4 });
    expect(w?.z).toBeCloseTo(25.5 / Math.sqrt(148), 12);
    expect(w?.pValue).toBeCloseTo(0.036074, 5);
  });

  it('McNemar for "can do it on my own" (≥ 3)', () => {
    // ≥ 3 before: i5, i6, i9, i10 (4); after: i1, i2, i4, i5, i6, i7, i10, i11 (8)
    // both: i5, i6, i10 = 3; lost: i9 (3 → 2) = 1; gained: i1, i2, i4, i7, i11 = 5; neither: i0, i3, i8 = 3
    const m = result.level;
    expect(m).toMatchObject({ n: 12, reachedBefore: 4, reachedAfter: 8, both: 3, lost: 1, gained: 5, neither: 3 });
    // χ² = (|1 − 5| − 1)²/6 = 1.5, p = 0.220671; exact 2·P(X ≤ 1 | 6, ½) = 2·7/64 = 0.21875
    expect(m?.chiSquare).toBeCloseTo(1.5, 12);
    expect(m?.pChiSquare).toBeCloseTo(0.220671, 5);
    expect(m?.pExact).toBeCloseTo(0.21875, 12);
  });

  it('direction, lowest level and lowest quartile', () => {
    expect(result.direction).toMatchObject({ improved: 7, unchanged: 4, declined: 1 });
    const low = result.lowestLevel;
    expect(low.threshold).toBe(2); // below 2 = level 1, "Jag vet inte hur man gör"
    expect(low.belowBefore).toBe(3); // i0, i1, i8
    expect(low.belowAfter).toBe(1); // i8
    expect(low.shareBelowBefore).toBeCloseTo(0.25, 12);
    // Q1 of 1 1 1 2 2 2 2 2 3 3 3 4: h = 11·0.25 = 2.75 → 1 + 0.75·(2 − 1) = 1.75 → the three 1s
    expect(low.lowestQuartile.cutoff).toBeCloseTo(1.75, 12);
    expect(low.lowestQuartile.n).toBe(3);
    expect(low.lowestQuartile.change.meanChange).toBeCloseTo(1, 12); // (1 + 2 + 0)/3
    expect(low.lowestQuartile.meanChangeOthers).toBeCloseTo(4 / 9, 12); // (7 − 3)/9
    expect(result.hake).toBeNull(); // Hake's gain is for knowledge scores only
  });

  it('then-test: response shift and retrospective change', () => {
    const t = result.thenTest;
    expect(t).not.toBeNull();
    // shift = then − before: four −1 and eight 0 → mean −1/3, SS = 4·(2/3)² + 8·(1/3)² = 24/9, s² = 24/99
    expect(t?.shift.n).toBe(12);
    expect(t?.shift.meanChange).toBeCloseTo(-1 / 3, 12);
    expect(t?.shift.sdChange).toBeCloseTo(Math.sqrt(24 / 99), 12);
    expect(t?.shift.confidenceInterval?.upper).toBeCloseTo(-0.020499, 5);
    expect(t?.shiftDirection).toMatchObject({ improved: 0, unchanged: 8, declined: 4 });
    // Wilcoxon on the shift: four −1 share ranks 1..4 → 2.5 each: W+ = 0, W− = 10; exact p = 2·(1/16)
    expect(t?.shiftWilcoxon).toMatchObject({ wPlus: 0, wMinus: 10, method: 'exact' });
    expect(t?.shiftWilcoxon?.pValue).toBeCloseTo(0.125, 12);
    // after − then: 1 2 2 0 1 1 1 1 0 0 1 1 → 11/12
    expect(t?.retrospectiveChange.meanChange).toBeCloseTo(11 / 12, 12);
    expect(t?.conventionalChangeSameSample.meanChange).toBeCloseTo(7 / 12, 12);
    expect(t?.retrospectiveChangeSameSample.meanChange).toBeCloseTo(11 / 12, 12);
  });

  it('dose–response: change against sessions attended', () => {
    const dose = result.doseResponse;
    // x̄ = 24/12 = 2; Sxx = Σ(x − 2)² = 26; Sxy = Σ(x − 2)·d = −1 + 2 + 2 + 3 + 1 + 1 = 8
    expect(dose?.n).toBe(12);
    expect(dose?.slope).toBeCloseTo(8 / 26, 12);
    expect(dose?.intercept).toBeCloseTo(7 / 12 - (8 / 26) * 2, 12);
    expect(dose?.slopeConfidenceInterval?.lower).toBeCloseTo(0.016026, 5);
    expect(dose?.slopeConfidenceInterval?.upper).toBeCloseTo(0.599358, 5);
    expect(dose?.slopePValue).toBeCloseTo(0.040601, 5);
    expect(dose?.pearson).toBeCloseTo(0.596561, 5);
    expect(dose?.spearman).toBeCloseTo(0.69211, 5);
    expect(dose?.bands).toEqual([
      { label: '0', minSessions: 0, maxSessions: 0, n: 2, meanChange: 0 },
      { label: '1', minSessions: 1, maxSessions: 1, n: 3, meanChange: 0 },
      { label: '2', minSessions: 2, maxSessions: 2, n: 3, meanChange: 2 / 3 },
      { label: '3–4', minSessions: 3, maxSessions: 4, n: 3, meanChange: 4 / 3 },
      { label: '5+', minSessions: 5, maxSessions: null, n: 1, meanChange: 1 },
    ]);
  });

  it('calibration gap between self-rating and knowledge test, before and after', () => {
    const analysis = analyseCheck({
      dimensions: [selfRating, knowledge],
      calibrations: [{ selfRatingKey: 'journal-login', objectiveKey: 'journal-quiz' }],
    });
    const [cal] = analysis.calibrations;
    // before: self on 0..1 = (b − 1)/3, mean (26 − 12)/36 = 0.388889; knowledge mean 4.2/12 = 0.35
    expect(cal.before.n).toBe(12);
    expect(cal.before.meanSelf).toBeCloseTo(14 / 36, 12);
    expect(cal.before.meanObjective).toBeCloseTo(0.35, 12);
    expect(cal.before.meanGap).toBeCloseTo(14 / 36 - 0.35, 12); // +0.038889: overestimation
    expect(cal.before.sdGap).toBeCloseTo(0.14691, 5);
    // overestimating: self ≥ 3 but quiz < 0.7 → i5 (3, 0.4), i6 (3, 0.5); underestimating: none
    expect(cal.before.overestimating).toBe(2);
    expect(cal.before.underestimating).toBe(0);
    // after: self mean (33 − 12)/36 = 0.583333; knowledge 7.8/12 = 0.65; gap −0.066667
    expect(cal.after.meanGap).toBeCloseTo(21 / 36 - 0.65, 12);
    // overestimating: i1 (3, 0.6), i5 (3, 0.6); underestimating: i9 (2, 0.8)
    expect(cal.after.overestimating).toBe(2);
    expect(cal.after.underestimating).toBe(1);
    expect(cal.after.shareUnderestimating).toBeCloseTo(1 / 12, 12);
    // gap change = −0.066667 − 0.038889 = −0.105556
    expect(cal.gapChange.n).toBe(12);
    expect(cal.gapChange.meanChange).toBeCloseTo(-0.105556, 5);
    expect(cal.gapChange.sdChange).toBeCloseTo(0.158167, 5);
    // overall composites are per scale: one self-rating and one knowledge composite
    expect(analysis.overall.map((o) => o.key)).toEqual(['overall:selfRating', 'overall:knowledge']);
  });
});
