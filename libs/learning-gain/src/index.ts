/**
 * @kunna/learning-gain — pure statistics for before/after competence checks (före/efter-mätning):
 * matched pairs, response and attrition, paired change with confidence intervals, effect sizes, Hake's gain,
 * Wilcoxon and McNemar tests, the lift of the lowest level, calibration of self-ratings, the then-test,
 * dose–response, and minimum-group-size protection. Framework-free, no dependencies.
 */
export * from './lib/types';
export { SELF_RATING_SCALE, knowledgeScale, observationScale, validateScale, sameScale, toUnit } from './lib/scales';
export { analyseCheck, analyseDimension, analyseOverall, calibrationGap } from './lib/analyse';
export { pairedChange, hedgesJ, type Pair } from './lib/paired-change';
export { wilcoxonSignedRank, signedRankDistribution, type WilcoxonOptions } from './lib/wilcoxon';
export { mcnemar, type BinaryPair } from './lib/mcnemar';
export { hakeGain } from './lib/hake';
export { directionShares } from './lib/direction';
export { lowestLevelLift } from './lib/lowest-level';
export { doseResponse, DEFAULT_DOSE_BANDS, type DosePoint } from './lib/dose-response';
export {
  DEFAULT_MINIMUM_GROUP_SIZE,
  ABSOLUTE_MINIMUM_GROUP_SIZE,
  effectiveMinimum,
  isBelowMinimum,
  valueIfAllowed,
  decideSuppression,
  type SuppressionInput,
  type SuppressionResult,
  type SuppressionDecision,
  type SuppressionReason,
  type SubgroupSize,
} from './lib/suppression';
export { releaseRefusal, derivableAtoms, type ReleaseRefusal, type ReleaseElement, type ReleaseQuestion } from './lib/release-ledger';
export { exactlyIsolatedColumns, exactRank, exactlyExposedOwners } from './lib/exact-span';
export { protectAnalysis, protectCalibration, type ProtectedGainAnalysis, type ProtectionResult, type ProtectedCalibration } from './lib/protect';
export { mean, sampleSd, sampleVariance, quantile, midranks, pearson, spearman } from './lib/descriptive';
export { normalCdf, normalQuantile, studentTCdf, studentTQuantile, studentTTwoSidedP, chiSquareCdf, chiSquareSurvival, binomialCdf } from './lib/probability';
