import * as learningGain from './index';
import { analyseDimension, DECLINED, protectAnalysis, SELF_RATING_SCALE } from './index';

describe('@kunna/learning-gain public API', () => {
  it('exports the documented entry points', () => {
    for (const name of [
      'analyseCheck',
      'analyseDimension',
      'analyseOverall',
      'calibrationGap',
      'pairedChange',
      'wilcoxonSignedRank',
      'mcnemar',
      'hakeGain',
      'lowestLevelLift',
      'doseResponse',
      'decideSuppression',
      'effectiveMinimum',
      'protectAnalysis',
      'protectCalibration',
      'studentTQuantile',
      'normalQuantile',
      'chiSquareSurvival',
      'knowledgeScale',
      'observationScale',
    ]) {
      expect(typeof (learningGain as Record<string, unknown>)[name]).toBe('function');
    }
    expect(learningGain.DECLINED).toBe('declined');
    expect(learningGain.DEFAULT_MINIMUM_GROUP_SIZE).toBe(5);
  });

  it('a caller can analyse and protect a unit in two calls', () => {
    const records = ['a', 'b', 'c', 'd', 'e', 'f'].map((personId, i) => ({
      personId,
      before: (i % 2) + 1,
      after: i === 5 ? DECLINED : (i % 2) + 2,
    }));
    const protectedResult = protectAnalysis(analyseDimension({ key: 'teams', scale: SELF_RATING_SCALE, records }));
    expect(protectedResult.suppressed).toBe(false);
    if (!protectedResult.suppressed) {
      expect(protectedResult.analysis.change?.meanChange).toBe(1);
      expect(protectedResult.analysis.pairing.attrition.baseline.mean).toBeNull(); // 1 drop-out: withheld
    }
  });
});
