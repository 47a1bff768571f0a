import { Dataset, type Side } from './dataset';
import { mean, pearson, sampleSd } from './descriptive';
import { directionShares } from './direction';
import { assertDoseBands, DEFAULT_DOSE_BANDS, doseResponse } from './dose-response';
import { hakeGain } from './hake';
import { lowestLevelLift } from './lowest-level';
import { mcnemar } from './mcnemar';
import { assertConfidenceLevel, pairedChange, tInterval, type Pair } from './paired-change';
import { sameScale, toUnit } from './scales';
import type {
  BaselineSummary,
  CalibrationResult,
  CalibrationSide,
  CheckAnalysis,
  CheckInput,
  DimensionInput,
  GainAnalysis,
  LearningGainOptions,
  PairingFigures,
  ResponseFigures,
  Scale,
  SideResponse,
  ThenTestResult,
} from './types';
import { wilcoxonSignedRank, type WilcoxonOptions } from './wilcoxon';

interface ResolvedOptions {
  confidenceLevel: number;
  wilcoxon: WilcoxonOptions;
  doseBands: readonly number[];
}

function resolveOptions(options: LearningGainOptions = {}): ResolvedOptions {
  const confidenceLevel = options.confidenceLevel ?? 0.95;
  assertConfidenceLevel(confidenceLevel);
  const exactMaxN = options.wilcoxonExactMaxN ?? 50;
  if (!(Number.isInteger(exactMaxN) && exactMaxN >= 0 && exactMaxN <= 1000)) {
    throw new RangeError(`wilcoxonExactMaxN must be a whole number 0..1000, got ${exactMaxN}`);
  }
  const doseBands = options.doseBands ?? DEFAULT_DOSE_BANDS;
  assertDoseBands(doseBands);
  return {
    confidenceLevel,
    wilcoxon: { zeroMethod: options.wilcoxonZeroMethod ?? 'wilcox', exactMaxN },
    doseBands,
  };
}

/** Full analysis of one dimension (one question or test) for one group and period. */
export function analyseDimension(input: DimensionInput, options?: LearningGainOptions): GainAnalysis {
  return analyseDataset(Dataset.fromDimension(input), resolveOptions(options));
}

/**
 * Overall analysis of several dimensions on the same scale, as a per-person composite (see `Dataset` for
 * the alignment rule). Throws if the scales differ: a 1–4 self-rating and a 0–1 test are never averaged.
 */
export function analyseOverall(key: string, inputs: readonly DimensionInput[], options?: LearningGainOptions): GainAnalysis {
  return analyseDataset(Dataset.composite(key, inputs), resolveOptions(options));
}

/**
 * Everything for one check: each dimension, one overall composite per distinct scale (key
 * `overall:<kind>`, or `overall:<kind>:<n>` when several scales of the same kind occur), and the requested
 * calibration comparisons.
 */
export function analyseCheck(input: CheckInput): CheckAnalysis {
  const options = resolveOptions(input.options);
  const keys = new Set<string>();
  for (const d of input.dimensions) {
    if (keys.has(d.key)) throw new RangeError(`dimension key ${d.key} appears more than once`);
    keys.add(d.key);
  }
  const dimensions = input.dimensions.map((d) => analyseDataset(Dataset.fromDimension(d), options));

  const groups: { scale: Scale; inputs: DimensionInput[] }[] = [];
  for (const d of input.dimensions) {
    const group = groups.find((g) => sameScale(g.scale, d.scale));
    if (group) group.inputs.push(d);
    else groups.push({ scale: d.scale, inputs: [d] });
  }
  const overall = groups.map((g) => {
    const sameKind = groups.filter((other) => other.scale.kind === g.scale.kind);
    const key = sameKind.length > 1 ? `overall:${g.scale.kind}:${sameKind.indexOf(g) + 1}` : `overall:${g.scale.kind}`;
    return analyseDataset(Dataset.composite(key, g.inputs), options);
  });

  const byKey = new Map(input.dimensions.map((d) => [d.key, d]));
  const calibrations = (input.calibrations ?? []).map(({ selfRatingKey, objectiveKey }) => {
    const self = byKey.get(selfRatingKey);
    const objective = byKey.get(objectiveKey);
    if (!self) throw new RangeError(`calibration: unknown self-rating dimension ${selfRatingKey}`);
    if (!objective) throw new RangeError(`calibration: unknown objective dimension ${objectiveKey}`);
    return calibrationGap(self, objective, input.options);
  });

  return { dimensions, overall, calibrations };
}

function analyseDataset(data: Dataset, options: ResolvedOptions): GainAnalysis {
  const { confidenceLevel } = options;
  const scale = data.scale;
  const pairRows = data.aligned(['before', 'after']);
  const pairs: Pair[] = pairRows.map((r) => ({ before: r.values[0], after: r.values[1] }));
  const changes = pairs.map((p) => p.after - p.before);
  const level = scale.levelThreshold;

  const dosePoints = pairRows.filter((r) => r.sessions !== null).map((r) => ({ sessions: r.sessions as number, change: r.values[1] - r.values[0] }));

  return {
    key: data.key,
    scale,
    dimensionKeys: [...data.dimensionKeys],
    response: responseFigures(data),
    pairing: pairingFigures(data, pairs),
    change: pairedChange(pairs, confidenceLevel),
    direction: directionShares(changes, comparisonTolerance(scale)),
    wilcoxon: wilcoxonSignedRank(changes, { ...options.wilcoxon, tolerance: comparisonTolerance(scale) }),
    level: level === null ? null : mcnemar(pairs.map((p) => ({ before: reaches(p.before, level, scale), after: reaches(p.after, level, scale) }))),
    hake: scale.kind === 'knowledge' ? hakeGain(pairs, scale.max) : null,
    lowestLevel: lowestLevelLift(pairs, scale.lowThreshold, confidenceLevel, comparisonTolerance(scale)),
    thenTest: thenTest(data, options),
    doseResponse: dosePoints.length > 0 ? doseResponse(dosePoints, options.doseBands, confidenceLevel) : null,
  };
}

/**
 * Floating-point noise allowance when comparing two changes (not a meaningful-change threshold): scores
 * computed as points ÷ max or as composite means can differ in the last bit where they are really equal.
 */
function comparisonTolerance(scale: Scale): number {
  return 1e-9 * (scale.max - scale.min);
}

/** score ≥ threshold, allowing for rounding (a composite mean of 0.6, 0.6, 0.6 is 0.6 minus one ulp). */
function reaches(score: number, threshold: number, scale: Scale): boolean {
  return score >= threshold - comparisonTolerance(scale);
}

function responseFigures(data: Dataset): ResponseFigures {
  const invited = data.personIds.length;
  const side = (s: Side): SideResponse => {
    let scored = 0;
    let declinedToAnswer = 0;
    for (const id of data.personIds) {
      const status = data.side(id, s).status;
      if (status === 'scored') scored++;
      else if (status === 'declined') declinedToAnswer++;
    }
    return {
      scored,
      declinedToAnswer,
      noAnswer: invited - scored - declinedToAnswer,
      responseRate: invited > 0 ? (scored + declinedToAnswer) / invited : null,
      scoredRate: invited > 0 ? scored / invited : null,
    };
  };
  return { invited, before: side('before'), after: side('after'), then: side('then') };
}

function baselineSummary(values: readonly number[], scale: Scale): BaselineSummary {
  const below = values.filter((v) => !reaches(v, scale.lowThreshold, scale)).length;
  return {
    n: values.length,
    mean: mean(values),
    sd: sampleSd(values),
    shareBelowLowThreshold: values.length > 0 ? below / values.length : null,
  };
}

function pairingFigures(data: Dataset, pairs: readonly Pair[]): PairingFigures {
  const invited = data.personIds.length;
  let scoredBefore = 0;
  let onlyAfter = 0;
  let declinedAfter = 0;
  let noAnswerAfter = 0;
  let scoredAfterOnOtherDimensions = 0;
  const dropoutBaseline: number[] = [];
  const pairedIds = new Set(data.aligned(['before', 'after']).map((r) => r.personId));
  for (const id of data.personIds) {
    const before = data.side(id, 'before');
    const after = data.side(id, 'after');
    if (before.status === 'scored') {
      scoredBefore++;
      if (!pairedIds.has(id)) {
        dropoutBaseline.push(before.value);
        if (after.status === 'declined') declinedAfter++;
        else if (after.status === 'noAnswer') noAnswerAfter++;
        else scoredAfterOnOtherDimensions++;
      }
    } else if (after.status === 'scored') {
      onlyAfter++;
    }
  }
  const baseline = baselineSummary(dropoutBaseline, data.scale);
  const completersBaseline = baselineSummary(
    pairs.map((p) => p.before),
    data.scale,
  );
  const attrition = dropoutBaseline.length;
  return {
    pairs: pairs.length,
    pairingRate: scoredBefore > 0 ? pairs.length / scoredBefore : null,
    pairsOfInvited: invited > 0 ? pairs.length / invited : null,
    onlyAfter,
    attrition: {
      n: attrition,
      rate: scoredBefore > 0 ? attrition / scoredBefore : null,
      declinedAfter,
      noAnswerAfter,
      scoredAfterOnOtherDimensions,
      baseline,
      completersBaseline,
      baselineDifference: baseline.mean !== null && completersBaseline.mean !== null ? baseline.mean - completersBaseline.mean : null,
    },
  };
}

/**
 * Then-test (retrospective pretest): at the after check people also rate how good they were before.
 * If the training taught them what "good" means, the then rating is lower than the original before
 * rating (response shift), which hides real gains in before/after self-ratings — the overestimation the
 * evaluation reports. shift = then − before; retrospective change = after − then.
 */
function thenTest(data: Dataset, options: ResolvedOptions): ThenTestResult | null {
  const anyThen = data.personIds.some((id) => data.side(id, 'then').status === 'scored');
  if (!anyThen) return null;
  const level = options.confidenceLevel;
  const shiftRows = data.aligned(['before', 'then']);
  const shiftPairs = shiftRows.map((r) => ({ before: r.values[0], after: r.values[1] }));
  const shiftChanges = shiftPairs.map((p) => p.after - p.before);
  const retro = data.aligned(['then', 'after']).map((r) => ({ before: r.values[0], after: r.values[1] }));
  const all = data.aligned(['before', 'then', 'after']);
  return {
    shift: pairedChange(shiftPairs, level),
    shiftDirection: directionShares(shiftChanges, comparisonTolerance(data.scale)),
    shiftWilcoxon: wilcoxonSignedRank(shiftChanges, { ...options.wilcoxon, tolerance: comparisonTolerance(data.scale) }),
    retrospectiveChange: pairedChange(retro, level),
    conventionalChangeSameSample: pairedChange(
      all.map((r) => ({ before: r.values[0], after: r.values[2] })),
      level,
    ),
    retrospectiveChangeSameSample: pairedChange(
      all.map((r) => ({ before: r.values[1], after: r.values[2] })),
      level,
    ),
  };
}

/**
 * Calibration gap between a self-rating and an objective score (knowledge test or observation) of the
 * same persons, before and after.
 *
 * Both are mapped to 0..1 ((score − min)/(max − min)); gap = self − objective, positive = overestimation.
 * With level thresholds on both scales, a person overestimates when the self-rating says "level reached"
 * (e.g. ≥ 3, "can do it on my own") but the objective score is below its level, and underestimates in the
 * opposite case. The gap change (after gap − before gap) uses persons with all four answers; a falling
 * gap means self-knowledge improved.
 */
export function calibrationGap(selfRating: DimensionInput, objective: DimensionInput, options?: LearningGainOptions): CalibrationResult {
  const { confidenceLevel } = resolveOptions(options);
  const self = Dataset.fromDimension(selfRating);
  const obj = Dataset.fromDimension(objective);
  const side = (s: Side) => {
    const rows: { self: number; objective: number }[] = [];
    for (const id of self.personIds) {
      const a = self.side(id, s);
      const b = obj.side(id, s);
      if (a.status === 'scored' && b.status === 'scored') rows.push({ self: a.value, objective: b.value });
    }
    return rows;
  };
  const before = side('before');
  const after = side('after');

  const both: Pair[] = [];
  for (const id of self.personIds) {
    const values = [self.side(id, 'before'), obj.side(id, 'before'), self.side(id, 'after'), obj.side(id, 'after')];
    if (values.every((v) => v.status === 'scored')) {
      const [sb, ob, sa, oa] = values.map((v) => (v as { value: number }).value);
      both.push({
        before: toUnit(self.scale, sb) - toUnit(obj.scale, ob),
        after: toUnit(self.scale, sa) - toUnit(obj.scale, oa),
      });
    }
  }

  return {
    selfRatingKey: selfRating.key,
    objectiveKey: objective.key,
    before: calibrationSide(before, self.scale, obj.scale, confidenceLevel),
    after: calibrationSide(after, self.scale, obj.scale, confidenceLevel),
    gapChange: pairedChange(both, confidenceLevel),
  };
}

function calibrationSide(
  rows: readonly { self: number; objective: number }[],
  selfScale: Scale,
  objectiveScale: Scale,
  confidenceLevel: number,
): CalibrationSide {
  const n = rows.length;
  const selfUnit = rows.map((r) => toUnit(selfScale, r.self));
  const objectiveUnit = rows.map((r) => toUnit(objectiveScale, r.objective));
  const gaps = selfUnit.map((s, i) => s - objectiveUnit[i]);
  const meanGap = mean(gaps);
  const sdGap = sampleSd(gaps);
  const interval = meanGap !== null && sdGap !== null ? tInterval(meanGap, sdGap / Math.sqrt(n), n - 1, confidenceLevel).interval : null;

  const selfLevel = selfScale.levelThreshold;
  const objectiveLevel = objectiveScale.levelThreshold;
  let overestimating: number | null = null;
  let underestimating: number | null = null;
  if (selfLevel !== null && objectiveLevel !== null) {
    const selfReached = (r: { self: number }) => reaches(r.self, selfLevel, selfScale);
    const objectiveReached = (r: { objective: number }) => reaches(r.objective, objectiveLevel, objectiveScale);
    overestimating = rows.filter((r) => selfReached(r) && !objectiveReached(r)).length;
    underestimating = rows.filter((r) => !selfReached(r) && objectiveReached(r)).length;
  }
  return {
    n,
    meanSelf: mean(selfUnit),
    meanObjective: mean(objectiveUnit),
    meanGap,
    sdGap,
    confidenceInterval: interval,
    correlation: pearson(selfUnit, objectiveUnit),
    overestimating,
    shareOverestimating: overestimating !== null && n > 0 ? overestimating / n : null,
    underestimating,
    shareUnderestimating: underestimating !== null && n > 0 ? underestimating / n : null,
  };
}
