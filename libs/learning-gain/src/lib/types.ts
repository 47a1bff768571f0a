/**
 * Input and output types of the learning-gain statistics.
 *
 * Conventions:
 * - An answer is a number on the dimension's scale, or the explicit marker `DECLINED` when the person
 *   chose not to answer ("vill inte svara"). A declined answer is never a low score: it is excluded from
 *   every pair but counted in the response figures as declined. `undefined`/`null` means no answer at all.
 * - Every statistic that is undefined for the data (too few pairs, zero variance, nothing to test) is
 *   `null`, never NaN or Infinity.
 */

/** Marker for an explicitly declined answer. */
export const DECLINED = 'declined' as const;
export type Declined = typeof DECLINED;

/** One answer: a score on the scale, `DECLINED`, or nothing (undefined / null). */
export type Answer = number | Declined | null | undefined;

/** One person's answers for one dimension (one question or one test) in one group and period. */
export interface PersonAnswers {
  /** Stable pseudonymous id of the person; pairs are matched on it, never on names. */
  personId: string;
  /** The before check (före-mätning). */
  before?: Answer;
  /** The after check (efter-mätning). */
  after?: Answer;
  /** Retrospective "then" rating given at the after check: "looking back, how was it before?". */
  then?: Answer;
  /** Number of sessions (tillfällen) the person attended in the period; for dose–response. */
  sessionsAttended?: number | null;
}

export type ScaleKind = 'selfRating' | 'knowledge' | 'observation';

/**
 * A measurement scale. Build one with `SELF_RATING_SCALE`, `knowledgeScale()` or `observationScale()`.
 */
export interface Scale {
  kind: ScaleKind;
  /** Lowest possible score. */
  min: number;
  /** Highest possible score (Hake's gain uses it as the ceiling). */
  max: number;
  /** Scores must be whole numbers (ordinal steps). */
  integerSteps: boolean;
  /** A score ≥ this counts as "level reached" (McNemar); null = no level defined. */
  levelThreshold: number | null;
  /** A score < this counts as "at the lowest level" (lift of the lowest level). */
  lowThreshold: number;
}

/** One dimension's data: e.g. the self-rating "Jag kan logga in i journalsystemet" or a knowledge test. */
export interface DimensionInput {
  /** Dimension id (question or test id); used as key in the results. */
  key: string;
  scale: Scale;
  /**
   * Every person expected to answer in the group and period (the denominator of response rates),
   * including those who never answered.
   */
  records: readonly PersonAnswers[];
}

export interface ConfidenceInterval {
  /** Coverage, e.g. 0.95. */
  level: number;
  lower: number;
  upper: number;
}

/** Response figures for one measurement occasion (before, after or then). */
export interface SideResponse {
  /** Answered with a score. */
  scored: number;
  /** Explicitly declined to answer. */
  declinedToAnswer: number;
  /** No answer at all. */
  noAnswer: number;
  /** (scored + declined) / invited: how many reacted to the check; null when nobody was invited. */
  responseRate: number | null;
  /** scored / invited: how many gave a usable answer; null when nobody was invited. */
  scoredRate: number | null;
}

export interface ResponseFigures {
  /** Number of persons in the input (the denominator). */
  invited: number;
  before: SideResponse;
  after: SideResponse;
  then: SideResponse;
}

/** Baseline of a group of persons (their before scores). */
export interface BaselineSummary {
  n: number;
  mean: number | null;
  sd: number | null;
  /** Share with a before score below the scale's low threshold. */
  shareBelowLowThreshold: number | null;
}

export interface PairingFigures {
  /** Persons with a scored before AND a scored after answer. */
  pairs: number;
  /** pairs / persons with a scored before answer: how many of the baseline could be followed up. */
  pairingRate: number | null;
  /** pairs / invited. */
  pairsOfInvited: number | null;
  /** Persons with a scored after answer but no scored before answer (e.g. new staff). */
  onlyAfter: number;
  attrition: {
    /** Persons with a scored before answer but no scored after answer. */
    n: number;
    /** n / persons with a scored before answer (= 1 − pairingRate). */
    rate: number | null;
    /** Of them: declined the after check. */
    declinedAfter: number;
    /** Of them: no after answer at all. */
    noAnswerAfter: number;
    /** Of them (composites only): answered after, but only dimensions they had not answered before. */
    scoredAfterOnOtherDimensions: number;
    /** Baseline of those who dropped out. */
    baseline: BaselineSummary;
    /** Baseline of those who stayed (the pairs), for comparison. */
    completersBaseline: BaselineSummary;
    /** Drop-outs' baseline mean − completers' baseline mean (negative: the weaker ones dropped out). */
    baselineDifference: number | null;
  };
}

export interface EffectSizes {
  /** d_z = mean change / SD of the changes (standardised by the variability of change). */
  dz: number | null;
  /** Hedges' g_z = J · d_z. */
  gz: number | null;
  /** d_av = mean change / ((SD_before + SD_after) / 2) (comparable with between-group d). */
  dav: number | null;
  /** Hedges' g_av = J · d_av. */
  gav: number | null;
  /** Small-sample correction J = 1 − 3 / (4·df − 1) with df = n − 1; null when df < 2. */
  hedgesJ: number | null;
}

export interface PairedChange {
  n: number;
  meanBefore: number | null;
  meanAfter: number | null;
  sdBefore: number | null;
  sdAfter: number | null;
  /** Pearson correlation between before and after (explains the gap between d_z and d_av). */
  correlation: number | null;
  /** Mean of (after − before). */
  meanChange: number | null;
  /** SD of (after − before), denominator n − 1. */
  sdChange: number | null;
  standardError: number | null;
  degreesOfFreedom: number | null;
  /** t quantile used for the interval, e.g. t(0.975, n − 1). */
  tCritical: number | null;
  /** Paired-t confidence interval of the mean change; null when n < 2. */
  confidenceInterval: ConfidenceInterval | null;
  /** Paired t statistic; null when n < 2 or the changes have no variance. */
  tStatistic: number | null;
  /** Two-sided p-value of the paired t-test. */
  pValue: number | null;
  effectSizes: EffectSizes;
}

export interface DirectionShares {
  n: number;
  improved: number;
  unchanged: number;
  declined: number;
  shareImproved: number | null;
  shareUnchanged: number | null;
  shareDeclined: number | null;
}

export type WilcoxonZeroMethod = 'wilcox' | 'pratt';
export type WilcoxonMethod = 'exact' | 'normal';

export interface WilcoxonResult {
  /** Pairs tested (including zero differences). */
  n: number;
  /** Pairs with a non-zero difference (those carrying a sign). */
  nNonZero: number;
  zeros: number;
  zeroMethod: WilcoxonZeroMethod;
  /** Some absolute differences are tied (midranks were used). */
  ties: boolean;
  /** Sum of the ranks of positive differences (R's V). */
  wPlus: number;
  /** Sum of the ranks of negative differences. */
  wMinus: number;
  /** min(W+, W−): the T of printed tables. */
  statistic: number;
  method: WilcoxonMethod;
  /** Normal-approximation z (with continuity correction when used); also given for exact tests. */
  z: number;
  /** Two-sided p-value by `method`. */
  pValue: number;
  /** Matched-pairs rank-biserial correlation (W+ − W−) / (W+ + W−), from −1 to 1. */
  rankBiserial: number;
}

export interface McNemarResult {
  n: number;
  /** Level reached before / after (counts and shares). */
  reachedBefore: number;
  reachedAfter: number;
  shareReachedBefore: number | null;
  shareReachedAfter: number | null;
  /** Reached both times. */
  both: number;
  /** Reached neither time. */
  neither: number;
  /** Not reached before, reached after (c). */
  gained: number;
  /** Reached before, not after (b). */
  lost: number;
  /** Continuity-corrected χ² = (|b − c| − 1)² / (b + c) with 1 df; null when b + c = 0. */
  chiSquare: number | null;
  pChiSquare: number | null;
  /** Exact binomial p: 2·P(X ≤ min(b, c)), X ~ Bin(b + c, ½); preferable when b + c < 25. */
  pExact: number | null;
}

export interface HakeGain {
  /** Pairs used for the class-average gain. */
  n: number;
  /** Class-average normalised gain ⟨g⟩ = (mean post − mean pre) / (max − mean pre); null when mean pre = max. */
  classAverageGain: number | null;
  /** Mean of individual gains g_i = (post − pre) / (max − pre) over persons with pre < max. */
  meanIndividualGain: number | null;
  /** Persons contributing to the mean individual gain. */
  nIndividual: number;
  /** Persons who scored the maximum before: g_i is undefined for them, so they are excluded and counted. */
  atCeiling: { n: number; stayedAtMax: number; dropped: number };
  /**
   * Marx & Cummings' normalised change c, which handles the ceiling and losses symmetrically:
   * c = (post − pre)/(max − pre) if post > pre, (post − pre)/pre if post < pre, 0 if equal; persons at
   * max–max or 0–0 are dropped.
   */
  normalisedChange: { n: number; mean: number | null; dropped: number };
}

export interface LowestQuartile {
  /** First quartile of the pairs' baseline (type-7 quantile); persons with before ≤ cutoff form the group. */
  cutoff: number | null;
  /** Group size; with tied scores it can exceed a quarter of the pairs. */
  n: number;
  change: PairedChange;
  /** Mean change of everyone else, for comparison. */
  meanChangeOthers: number | null;
}

export interface LowestLevelLift {
  /** A score below this is "at the lowest level". */
  threshold: number;
  n: number;
  belowBefore: number;
  belowAfter: number;
  shareBelowBefore: number | null;
  shareBelowAfter: number | null;
  /**
   * McNemar on "not below the threshold": gained = left the lowest level, lost = fell into it.
   */
  leftLowestLevel: McNemarResult;
  /**
   * Mean change of the lowest baseline quartile. Note: part of a low group's gain is regression to the
   * mean; compare with `meanChangeOthers` and with the then-test before drawing conclusions.
   */
  lowestQuartile: LowestQuartile;
}

export interface ThenTestResult {
  /** Response shift: then − before, on persons with both (negative = baseline was overestimated). */
  shift: PairedChange;
  shiftDirection: DirectionShares;
  shiftWilcoxon: WilcoxonResult | null;
  /** Retrospective pre–post change: after − then, on persons with both. */
  retrospectiveChange: PairedChange;
  /** Conventional after − before on the persons who have all three, for a like-for-like comparison. */
  conventionalChangeSameSample: PairedChange;
  /** Retrospective change on the same persons (all three answered). */
  retrospectiveChangeSameSample: PairedChange;
}

export interface DoseBand {
  /** Band label such as "0", "1", "3–4", "5+". */
  label: string;
  minSessions: number;
  /** Inclusive upper bound; null = open-ended. */
  maxSessions: number | null;
  n: number;
  meanChange: number | null;
}

export interface DoseResponse {
  /** Pairs with a known number of sessions. */
  n: number;
  /** OLS regression change = intercept + slope · sessions. */
  slope: number | null;
  intercept: number | null;
  slopeConfidenceInterval: ConfidenceInterval | null;
  /** Two-sided p of slope = 0 (t with n − 2 df). */
  slopePValue: number | null;
  pearson: number | null;
  spearman: number | null;
  bands: DoseBand[];
}

/** Everything for one dimension, or for the overall composite of several dimensions on the same scale. */
export interface GainAnalysis {
  key: string;
  scale: Scale;
  /** Keys of the dimensions in this analysis (one for a dimension, several for an overall composite). */
  dimensionKeys: string[];
  response: ResponseFigures;
  pairing: PairingFigures;
  change: PairedChange;
  direction: DirectionShares;
  /** Wilcoxon signed-rank test of after vs before; null when there are no non-zero differences. */
  wilcoxon: WilcoxonResult | null;
  /** McNemar for reaching the scale's level (self-ratings: ≥ 3, "can do it on my own"); null without a level. */
  level: McNemarResult | null;
  /** Hake's normalised gain: knowledge scales only, otherwise null. */
  hake: HakeGain | null;
  lowestLevel: LowestLevelLift;
  /** Null when nobody gave a then rating. */
  thenTest: ThenTestResult | null;
  /** Null when no pair has a known number of sessions. */
  doseResponse: DoseResponse | null;
}

export interface CalibrationSide {
  /** Persons with both a self-rating and an objective score at this occasion. */
  n: number;
  /** Means on a common 0..1 scale: (score − min) / (max − min). */
  meanSelf: number | null;
  meanObjective: number | null;
  /** Mean of (self − objective) on the 0..1 scale; positive = overestimation. */
  meanGap: number | null;
  sdGap: number | null;
  confidenceInterval: ConfidenceInterval | null;
  /** Correlation between self-rating and objective score. */
  correlation: number | null;
  /** Self-rated the level reached but the objective score is below its level; null without both levels. */
  overestimating: number | null;
  shareOverestimating: number | null;
  /** Self-rated below the level although the objective score reached it. */
  underestimating: number | null;
  shareUnderestimating: number | null;
}

export interface CalibrationResult {
  selfRatingKey: string;
  objectiveKey: string;
  before: CalibrationSide;
  after: CalibrationSide;
  /** Change of the gap (after gap − before gap) on persons with all four answers. */
  gapChange: PairedChange;
}

export interface LearningGainOptions {
  /** Confidence level of intervals; default 0.95. */
  confidenceLevel?: number;
  /** Wilcoxon handling of zero differences: 'wilcox' (drop, default) or 'pratt' (rank, then drop). */
  wilcoxonZeroMethod?: WilcoxonZeroMethod;
  /** Use the exact Wilcoxon distribution up to this many non-zero differences; default 50. */
  wilcoxonExactMaxN?: number;
  /** Lower bounds of the dose–response bands; default [0, 1, 2, 3, 5] → 0, 1, 2, 3–4, 5+. */
  doseBands?: readonly number[];
}

export interface CheckInput {
  dimensions: readonly DimensionInput[];
  /** Self-rating ↔ objective pairs to compare, by dimension key. */
  calibrations?: readonly { selfRatingKey: string; objectiveKey: string }[];
  options?: LearningGainOptions;
}

export interface CheckAnalysis {
  dimensions: GainAnalysis[];
  /** One composite per distinct scale (dimensions of different scales are never mixed). */
  overall: GainAnalysis[];
  calibrations: CalibrationResult[];
}
