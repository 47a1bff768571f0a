import { analyseCheck, analyseDimension, analyseOverall, calibrationGap } from './analyse';
import { knowledgeScale, observationScale, SELF_RATING_SCALE } from './scales';
import { DECLINED, type Answer, type DimensionInput } from './types';

const dimA: DimensionInput = {
  key: 'A',
  scale: SELF_RATING_SCALE,
  records: [
    { personId: 'P1', before: 1, after: 2 },
    { personId: 'P2', before: 2, after: 3 },
    { personId: 'P3', before: DECLINED },
    { personId: 'P4', before: 3 },
    { personId: 'P5', before: DECLINED, after: 4 },
    { personId: 'P6', before: 1 },
  ],
};
const dimB: DimensionInput = {
  key: 'B',
  scale: SELF_RATING_SCALE,
  records: [
    { personId: 'P1', before: 3 },
    { personId: 'P2', before: 2, after: 4 },
    { personId: 'P3', before: 2, after: 2 },
    { personId: 'P5', before: DECLINED },
    { personId: 'P6', after: 3 },
    { personId: 'P7', before: 4, after: 4, sessionsAttended: 2 },
  ],
};

describe('overall composite of several dimensions', () => {
  const overall = analyseOverall('overall', [dimA, dimB]);

  it('pairs each person on the dimensions answered both times', () => {
    // P1 paired on A only: (1, 2); P2 on A and B: (2, 3.5); P3 on B: (2, 2); P7 on B: (4, 4).
    // P6 answered A before and B after: no common dimension, so no pair.
    expect(overall.pairing.pairs).toBe(4);
    expect(overall.change.meanBefore).toBeCloseTo((1 + 2 + 2 + 4) / 4, 12);
    expect(overall.change.meanAfter).toBeCloseTo((2 + 3.5 + 2 + 4) / 4, 12);
    expect(overall.change.meanChange).toBeCloseTo((1 + 1.5 + 0 + 0) / 4, 12);
    expect(overall.dimensionKeys).toEqual(['A', 'B']);
  });

  it('counts responses per person across dimensions', () => {
    // before scored: P1, P2, P3, P4, P6, P7; declined everything: P5
    // after scored: P1, P2, P3, P5, P6, P7; nothing: P4
    expect(overall.response.invited).toBe(7);
    expect(overall.response.before).toMatchObject({ scored: 6, declinedToAnswer: 1, noAnswer: 0 });
    expect(overall.response.after).toMatchObject({ scored: 6, declinedToAnswer: 0, noAnswer: 1 });
  });

  it('attrition includes persons who answered different dimensions before and after', () => {
    expect(overall.pairing.onlyAfter).toBe(1); // P5
    expect(overall.pairing.attrition).toMatchObject({ n: 2, noAnswerAfter: 1, declinedAfter: 0, scoredAfterOnOtherDimensions: 1 });
    // baselines: P4 = 3, P6 = 1
    expect(overall.pairing.attrition.baseline.mean).toBeCloseTo(2, 12);
  });

  it('level reached uses the composite score', () => {
    // P2 2 → 3.5 gained; P7 4 → 4 both; P1, P3 neither
    expect(overall.level).toMatchObject({ gained: 1, lost: 0, both: 1, neither: 2 });
  });

  it('sessions come from any dimension', () => {
    expect(overall.doseResponse?.n).toBe(1);
  });

  it('never mixes scales', () => {
    const quiz: DimensionInput = { key: 'Q', scale: knowledgeScale(), records: [] };
    expect(() => analyseOverall('x', [dimA, quiz])).toThrow(/different scale/);
    const check = analyseCheck({ dimensions: [dimA, quiz, dimB] });
    expect(check.overall.map((o) => [o.key, o.dimensionKeys])).toEqual([
      ['overall:selfRating', ['A', 'B']],
      ['overall:knowledge', ['Q']],
    ]);
    // two different knowledge scales get numbered keys
    const points: DimensionInput = { key: 'P', scale: knowledgeScale({ maxScore: 20 }), records: [] };
    expect(analyseCheck({ dimensions: [quiz, points] }).overall.map((o) => o.key)).toEqual(['overall:knowledge:1', 'overall:knowledge:2']);
  });
});

describe('declined answers', () => {
  it('are never treated as low scores', () => {
    const withDeclined = analyseDimension({
      key: 'd',
      scale: SELF_RATING_SCALE,
      records: [
        { personId: 'a', before: 2, after: 3 },
        { personId: 'b', before: 3, after: 4 },
        { personId: 'c', before: DECLINED, after: 4 },
        { personId: 'd', before: 1, after: DECLINED },
      ],
    });
    expect(withDeclined.change.n).toBe(2);
    expect(withDeclined.change.meanBefore).toBe(2.5);
    expect(withDeclined.lowestLevel.belowBefore).toBe(0);
    expect(withDeclined.response.before.declinedToAnswer).toBe(1);
    expect(withDeclined.pairing.attrition.declinedAfter).toBe(1);
  });
});

describe('undefined statistics are null', () => {
  it('an empty group', () => {
    const r = analyseDimension({ key: 'e', scale: knowledgeScale(), records: [] });
    expect(r.response.before.responseRate).toBeNull();
    expect(r.pairing.pairingRate).toBeNull();
    expect(r.change.meanChange).toBeNull();
    expect(r.wilcoxon).toBeNull();
    expect(r.level).toBeNull(); // no pass mark defined
    expect(r.hake?.classAverageGain).toBeNull();
    expect(r.lowestLevel.lowestQuartile.cutoff).toBeNull();
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });

  it('nobody changed: Wilcoxon null, McNemar without test', () => {
    const r = analyseDimension({
      key: 'same',
      scale: SELF_RATING_SCALE,
      records: [1, 2, 3, 4].map((v, i) => ({ personId: `p${i}`, before: v, after: v })),
    });
    expect(r.wilcoxon).toBeNull();
    expect(r.level?.chiSquare).toBeNull();
    expect(r.change.meanChange).toBe(0);
    expect(r.change.tStatistic).toBeNull();
    expect(r.direction.shareUnchanged).toBe(1);
  });
});

describe('input validation', () => {
  const base = (records: DimensionInput['records'], scale = SELF_RATING_SCALE): DimensionInput => ({ key: 'v', scale, records });

  it('rejects scores outside the scale, half steps, NaN and unknown answers', () => {
    expect(() => analyseDimension(base([{ personId: 'a', before: 5 }]))).toThrow(/outside the scale/);
    expect(() => analyseDimension(base([{ personId: 'a', before: 0 }]))).toThrow(/outside the scale/);
    expect(() => analyseDimension(base([{ personId: 'a', after: 2.5 }]))).toThrow(/whole step/);
    expect(() => analyseDimension(base([{ personId: 'a', then: Number.NaN }]))).toThrow(/finite/);
    expect(() => analyseDimension(base([{ personId: 'a', before: 'nej' as unknown as Answer }]))).toThrow(/declined/);
    expect(() => analyseDimension(base([{ personId: 'a', before: 21 }], knowledgeScale({ maxScore: 20 })))).toThrow(/outside the scale/);
  });

  it('rejects duplicate persons, missing ids and bad session counts', () => {
    expect(() => analyseDimension(base([{ personId: 'a' }, { personId: 'a' }]))).toThrow(/more than once/);
    expect(() => analyseDimension(base([{ personId: '' }]))).toThrow(/personId/);
    expect(() => analyseDimension(base([{ personId: 'a', sessionsAttended: -1 }]))).toThrow(/sessionsAttended/);
    expect(() => analyseDimension(base([{ personId: 'a', sessionsAttended: 1.5 }]))).toThrow(/sessionsAttended/);
  });

  it('rejects inconsistent scales and options', () => {
    expect(() => knowledgeScale({ maxScore: 0 })).toThrow(RangeError);
    expect(() => knowledgeScale({ maxScore: 10, passMark: 11 })).toThrow(/levelThreshold/);
    expect(() => observationScale({ minScore: 3, maxScore: 1 })).toThrow(/min < max/);
    expect(() => analyseDimension(base([]), { confidenceLevel: 95 })).toThrow(/confidence level/);
    expect(() => analyseDimension(base([]), { wilcoxonExactMaxN: -1 })).toThrow(/wilcoxonExactMaxN/);
  });

  it('rejects duplicate dimension keys and unknown calibration keys', () => {
    expect(() => analyseCheck({ dimensions: [dimA, { ...dimB, key: 'A' }] })).toThrow(/more than once/);
    expect(() => analyseCheck({ dimensions: [dimA], calibrations: [{ selfRatingKey: 'A', objectiveKey: 'nope' }] })).toThrow(/unknown objective/);
  });
});

describe('calibration without level thresholds', () => {
  it('gives the gap but no over/underestimation counts when the objective scale has no level', () => {
    const obs: DimensionInput = {
      key: 'obs',
      scale: observationScale({ minScore: 0, maxScore: 10 }),
      records: [
        { personId: 'a', before: 5, after: 8 },
        { personId: 'b', before: 2, after: 6 },
      ],
    };
    const self: DimensionInput = {
      key: 'self',
      scale: SELF_RATING_SCALE,
      records: [
        { personId: 'a', before: 4, after: 4 },
        { personId: 'b', before: 3 },
      ],
    };
    const cal = calibrationGap(self, obs);
    // before: a: 1 − 0.5 = 0.5, b: 2/3 − 0.2 = 0.466667; after: a only: 1 − 0.8 = 0.2
    expect(cal.before.meanGap).toBeCloseTo((0.5 + (2 / 3 - 0.2)) / 2, 12);
    expect(cal.after.n).toBe(1);
    expect(cal.after.meanGap).toBeCloseTo(0.2, 12);
    expect(cal.after.sdGap).toBeNull();
    expect(cal.before.overestimating).toBeNull();
    expect(cal.gapChange.n).toBe(1);
    expect(cal.gapChange.meanChange).toBeCloseTo(0.2 - 0.5, 12);
  });
});

describe('floating-point scores at a threshold', () => {
  it('a composite mean equal to the pass mark up to rounding reaches the level', () => {
    const quiz = (key: string): DimensionInput => ({
      key,
      scale: knowledgeScale({ passMark: 0.7, lowThreshold: 0.7 }),
      records: [{ personId: 'a', before: 0.5, after: 0.7 }],
    });
    expect((0.7 + 0.7 + 0.7) / 3 < 0.7).toBe(true); // the rounding this guards against
    const r = analyseOverall('o', [quiz('q1'), quiz('q2'), quiz('q3')]);
    expect(r.level?.gained).toBe(1);
    expect(r.lowestLevel.belowAfter).toBe(0);
  });

  it('rejects invalid dose bands up front', () => {
    expect(() => analyseDimension({ key: 'x', scale: SELF_RATING_SCALE, records: [] }, { doseBands: [1, 3] })).toThrow(/doseBands/);
  });
});
