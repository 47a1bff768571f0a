/**
 * A worked example computed by hand (the arithmetic is in the comments), in the style of a textbook
 * exercise: a knowledge test scored 0–20 points, pass mark 12, taken before and after a module by
 * 10 persons who answered both times, plus 5 persons who illustrate response and attrition.
 *
 *   person  p1  p2  p3  p4  p5  p6  p7  p8  p9  p10
 *   before   8  10  12   6  15   9   5  11   7   4     Σ = 87,  mean 8.7
 *   after    9  12   9  10  10  15  12  19  16  14     Σ = 126, mean 12.6
 *   d        1   2  −3   4  −5   6   7   8   9  10     Σ = 39,  mean 3.9
 */
import { analyseDimension } from './analyse';
import { knowledgeScale } from './scales';
import { DECLINED, type PersonAnswers } from './types';

const before = [8, 10, 12, 6, 15, 9, 5, 11, 7, 4];
const after = [9, 12, 9, 10, 10, 15, 12, 19, 16, 14];

const pairedRecords: PersonAnswers[] = before.map((b, i) => ({ personId: `p${i + 1}`, before: b, after: after[i] }));
const otherRecords: PersonAnswers[] = [
  { personId: 'p11', before: 10 }, // dropped out: no after answer
  { personId: 'p12', before: 14, after: DECLINED }, // dropped out: declined the after check
  { personId: 'p13', after: 13 }, // joined later: after only
  { personId: 'p14' }, // never answered
  { personId: 'p15', before: DECLINED, after: DECLINED }, // declined both times
];

const scale = knowledgeScale({ maxScore: 20, passMark: 12 });
const result = analyseDimension({ key: 'k1', scale, records: [...pairedRecords, ...otherRecords] });

describe('worked example: knowledge test 0–20 points, 10 pairs', () => {
  it('response figures count declined answers as responses but not as scores', () => {
    // before: scored p1–p12 = 12, declined p15 = 1, nothing p13, p14 = 2
    // after: scored p1–p10, p13 = 11, declined p12, p15 = 2, nothing p11, p14 = 2
    expect(result.response).toEqual({
      invited: 15,
      before: { scored: 12, declinedToAnswer: 1, noAnswer: 2, responseRate: 13 / 15, scoredRate: 12 / 15 },
      after: { scored: 11, declinedToAnswer: 2, noAnswer: 2, responseRate: 13 / 15, scoredRate: 11 / 15 },
      then: { scored: 0, declinedToAnswer: 0, noAnswer: 15, responseRate: 0, scoredRate: 0 },
    });
  });

  it('pairing and attrition: who answered before but not after, and their baseline', () => {
    const { pairing } = result;
    expect(pairing.pairs).toBe(10);
    expect(pairing.pairingRate).toBeCloseTo(10 / 12, 12);
    expect(pairing.pairsOfInvited).toBeCloseTo(10 / 15, 12);
    expect(pairing.onlyAfter).toBe(1);
    expect(pairing.attrition.n).toBe(2);
    expect(pairing.attrition.rate).toBeCloseTo(2 / 12, 12);
    expect(pairing.attrition.declinedAfter).toBe(1);
    expect(pairing.attrition.noAnswerAfter).toBe(1);
    // drop-outs' baseline: (10 + 14) / 2 = 12, SD = √((4 + 4) / 1) = 2.828427
    expect(pairing.attrition.baseline.mean).toBeCloseTo(12, 12);
    expect(pairing.attrition.baseline.sd).toBeCloseTo(Math.sqrt(8), 12);
    expect(pairing.attrition.baseline.shareBelowLowThreshold).toBe(0); // low threshold 10: neither is below
    expect(pairing.attrition.completersBaseline.mean).toBeCloseTo(8.7, 12);
    // completers below 10 before: 8, 6, 9, 5, 7, 4 → 6 of 10
    expect(pairing.attrition.completersBaseline.shareBelowLowThreshold).toBeCloseTo(0.6, 12);
    expect(pairing.attrition.baselineDifference).toBeCloseTo(12 - 8.7, 12);
  });

  it('paired mean change with 95 % CI and paired t-test', () => {
    const c = result.change;
    expect(c.n).toBe(10);
    expect(c.meanBefore).toBeCloseTo(8.7, 12);
    expect(c.meanAfter).toBeCloseTo(12.6, 12);
    expect(c.meanChange).toBeCloseTo(3.9, 12);
    // Σd² = 1+4+9+16+25+36+49+64+81+100 = 385; SS = 385 − 10·3.9² = 232.9; s² = 232.9/9 = 25.87778
    expect(c.sdChange).toBeCloseTo(Math.sqrt(232.9 / 9), 10);
    expect(c.sdChange).toBeCloseTo(5.087021, 5);
    // se = 5.087021/√10 = 1.608657
    expect(c.standardError).toBeCloseTo(1.608657, 5);
    expect(c.degreesOfFreedom).toBe(9);
    expect(c.tCritical).toBeCloseTo(2.262157, 6);
    // CI = 3.9 ± 2.262157·1.608657 = 3.9 ± 3.639035
    expect(c.confidenceInterval?.level).toBe(0.95);
    expect(c.confidenceInterval?.lower).toBeCloseTo(0.260965, 5);
    expect(c.confidenceInterval?.upper).toBeCloseTo(7.539035, 5);
    // t = 3.9/1.608657 = 2.424382, two-sided p (9 df) = 0.038334
    expect(c.tStatistic).toBeCloseTo(2.424382, 5);
    expect(c.pValue).toBeCloseTo(0.038334, 5);
  });

  it('effect sizes d_z, d_av and Hedges-corrected g', () => {
    const c = result.change;
    // before: Σb² = 881, SS = 881 − 10·8.7² = 124.1, s = √(124.1/9) = 3.400980
    expect(c.sdBefore).toBeCloseTo(3.40098, 5);
    // after: Σa² = 1688, SS = 1688 − 10·12.6² = 100.4, s = √(100.4/9) = 3.339993
    expect(c.sdAfter).toBeCloseTo(3.339993, 5);
    const e = c.effectSizes;
    expect(e.dz).toBeCloseTo(3.9 / 5.087021, 5); // 0.766657
    expect(e.dz).toBeCloseTo(0.766657, 5);
    // d_av = 3.9 / ((3.400980 + 3.339993)/2) = 3.9/3.370487 = 1.157103
    expect(e.dav).toBeCloseTo(1.157103, 5);
    // J = 1 − 3/(4·9 − 1) = 1 − 3/35 = 0.914286
    expect(e.hedgesJ).toBeCloseTo(32 / 35, 12);
    expect(e.gz).toBeCloseTo(0.700944, 5);
    expect(e.gav).toBeCloseTo(1.057923, 5);
  });

  it('Wilcoxon signed-rank: exact p equals the table value', () => {
    // |d| are 1..10 without ties, so the ranks are 1..10; negative ranks 3 and 5 → W− = 8, W+ = 47.
    // Exact: 25 of the 2^10 sign patterns give W− ≤ 8 (the classical n = 10 table: P = 0.0244),
    // two-sided p = 50/1024 = 0.048828. T = 8 is the tabled two-sided 5 % critical value for n = 10.
    const w = result.wilcoxon;
    expect(w).not.toBeNull();
    expect(w?.method).toBe('exact');
    expect(w?.wPlus).toBe(47);
    expect(w?.wMinus).toBe(8);
    expect(w?.statistic).toBe(8);
    expect(w?.ties).toBe(false);
    expect(w?.pValue).toBeCloseTo(50 / 1024, 12);
    // Normal approximation: E = 27.5, Var = 10·11·21/24 = 96.25, z = (47 − 27.5 − 0.5)/√96.25 = 19/9.810708 = 1.936659
    expect(w?.z).toBeCloseTo(19 / Math.sqrt(96.25), 10);
    expect(w?.z).toBeCloseTo(1.936659, 5);
    // rank-biserial (47 − 8)/55
    expect(w?.rankBiserial).toBeCloseTo(39 / 55, 12);
  });

  it('McNemar for reaching the pass mark, with continuity correction', () => {
    // ≥ 12 before: p3 (12), p5 (15); ≥ 12 after: p2, p6, p7, p8, p9, p10.
    // lost b = 2 (p3 12→9, p5 15→10), gained c = 6; χ² = (|2 − 6| − 1)²/8 = 9/8 = 1.125, p = 0.288844
    const m = result.level;
    expect(m).toMatchObject({ n: 10, reachedBefore: 2, reachedAfter: 6, both: 0, neither: 2, gained: 6, lost: 2 });
    expect(m?.shareReachedBefore).toBeCloseTo(0.2, 12);
    expect(m?.shareReachedAfter).toBeCloseTo(0.6, 12);
    expect(m?.chiSquare).toBeCloseTo(1.125, 12);
    expect(m?.pChiSquare).toBeCloseTo(0.288844, 5);
    // exact: 2·P(X ≤ 2 | 8, ½) = 2·(1 + 8 + 28)/256 = 0.2890625
    expect(m?.pExact).toBeCloseTo(0.2890625, 12);
  });

  it("Hake's normalised gain, class average and mean of individual gains", () => {
    const h = result.hake;
    // ⟨g⟩ = (12.6 − 8.7)/(20 − 8.7) = 3.9/11.3 = 0.345133
    expect(h?.classAverageGain).toBeCloseTo(3.9 / 11.3, 12);
    // g_i = d/(20 − pre): 1/12, 2/10, −3/8, 4/14, −5/5, 6/11, 7/15, 8/9, 9/13, 10/16
    const gains = [1 / 12, 2 / 10, -3 / 8, 4 / 14, -5 / 5, 6 / 11, 7 / 15, 8 / 9, 9 / 13, 10 / 16];
    const meanGain = gains.reduce((a, b) => a + b, 0) / 10;
    expect(meanGain).toBeCloseTo(0.241237, 5);
    expect(h?.meanIndividualGain).toBeCloseTo(meanGain, 12);
    expect(h?.nIndividual).toBe(10);
    expect(h?.atCeiling).toEqual({ n: 0, stayedAtMax: 0, dropped: 0 });
    // Marx–Cummings c: losses divided by pre: −3/12 and −5/15 instead of −3/8 and −5/5
    const c = [1 / 12, 2 / 10, -3 / 12, 4 / 14, -5 / 15, 6 / 11, 7 / 15, 8 / 9, 9 / 13, 10 / 16];
    expect(h?.normalisedChange.mean).toBeCloseTo(c.reduce((a, b) => a + b, 0) / 10, 12);
    expect(h?.normalisedChange.mean).toBeCloseTo(0.320403, 5);
  });

  it('share improved / unchanged / declined', () => {
    expect(result.direction).toEqual({
      n: 10,
      improved: 8,
      unchanged: 0,
      declined: 2,
      shareImproved: 0.8,
      shareUnchanged: 0,
      shareDeclined: 0.2,
    });
  });

  it('lift of the lowest level: share below the threshold and the lowest baseline quartile', () => {
    const low = result.lowestLevel;
    expect(low.threshold).toBe(10); // default: half of the 20 points
    expect(low.belowBefore).toBe(6); // 8, 6, 9, 5, 7, 4
    expect(low.belowAfter).toBe(2); // 9, 9
    expect(low.shareBelowBefore).toBeCloseTo(0.6, 12);
    expect(low.shareBelowAfter).toBeCloseTo(0.2, 12);
    // left the lowest level (below 10 before, not after): p4, p6, p7, p9, p10 → 5;
    // fell into it: p3 (12 → 9) → 1; p1 stays below (8 → 9).
    expect(low.leftLowestLevel.gained).toBe(5);
    expect(low.leftLowestLevel.lost).toBe(1);
    expect(low.leftLowestLevel.both).toBe(3); // p2, p5, p8 not below either time
    expect(low.leftLowestLevel.neither).toBe(1); // p1
    // Q1 of sorted baseline 4 5 6 7 8 9 10 11 12 15: h = 9·0.25 = 2.25 → 6 + 0.25·(7 − 6) = 6.25
    expect(low.lowestQuartile.cutoff).toBeCloseTo(6.25, 12);
    // before ≤ 6.25: p10 (4, +10), p7 (5, +7), p4 (6, +4) → mean 7; others (39 − 21)/7
    expect(low.lowestQuartile.n).toBe(3);
    expect(low.lowestQuartile.change.meanChange).toBeCloseTo(7, 12);
    expect(low.lowestQuartile.change.sdChange).toBeCloseTo(3, 12);
    expect(low.lowestQuartile.meanChangeOthers).toBeCloseTo(18 / 7, 12);
  });

  it('no then ratings and no sessions give null then-test and dose–response', () => {
    expect(result.thenTest).toBeNull();
    expect(result.doseResponse).toBeNull();
  });
});
