import { decideSuppression, effectiveMinimum } from './suppression';
import type {
  CalibrationResult,
  CalibrationSide,
  DirectionShares,
  DoseResponse,
  GainAnalysis,
  HakeGain,
  LowestLevelLift,
  LowestQuartile,
  McNemarResult,
  PairedChange,
  PairingFigures,
  ThenTestResult,
  WilcoxonResult,
} from './types';

/** A GainAnalysis after minimum-group-size protection: statistics about too few persons are null. */
export interface ProtectedGainAnalysis extends Omit<
  GainAnalysis,
  'change' | 'direction' | 'wilcoxon' | 'level' | 'hake' | 'lowestLevel' | 'thenTest' | 'doseResponse'
> {
  change: PairedChange | null;
  direction: DirectionShares | null;
  wilcoxon: WilcoxonResult | null;
  level: McNemarResult | null;
  hake: HakeGain | null;
  lowestLevel: (Omit<LowestLevelLift, 'lowestQuartile'> & { lowestQuartile: LowestQuartile | null }) | null;
  thenTest: ThenTestResult | null;
  doseResponse: DoseResponse | null;
}

export type ProtectionResult =
  | { suppressed: true; key: string; dimensionKeys: string[]; minimum: number; invited: number }
  | { suppressed: false; minimum: number; analysis: ProtectedGainAnalysis; withheld: string[] };

/**
 * Applies the minimum group size to one analysis, so callers can pass the result to a manager's screen.
 *
 * - Fewer invited persons than the minimum: everything is suppressed.
 * - Fewer pairs than the minimum: only response and pairing counts remain (they describe the invited group);
 *   every before/after statistic is withheld.
 * - Drop-outs' baseline: withheld when the drop-outs are below the minimum (a manager knows who did not
 *   answer, so a mean of 1–4 persons would reveal their scores).
 * - Lowest baseline quartile: withheld when it, or the rest of the pairs, is below the minimum (the rest
 *   could otherwise be derived from the overall mean: difference rule).
 * - Dose–response bands: decided as a partition of the pairs together with "sessions not recorded";
 *   withheld bands keep their count but lose their mean. The regression line is kept only when the pairs
 *   with known sessions reach the minimum.
 * - Then-test: withheld unless each of its samples reaches the minimum.
 * `withheld` lists what was removed, for an explanation in the UI.
 */
export function protectAnalysis(analysis: GainAnalysis, minimum?: number | null): ProtectionResult {
  const min = effectiveMinimum(minimum);
  const invited = analysis.response.invited;
  if (invited < min) {
    return { suppressed: true, key: analysis.key, dimensionKeys: [...analysis.dimensionKeys], minimum: min, invited };
  }
  const withheld: string[] = [];
  const pairs = analysis.pairing.pairs;
  const pairing = protectPairing(analysis.pairing, min, withheld);

  if (pairs < min) {
    withheld.push('change', 'direction', 'wilcoxon', 'level', 'hake', 'lowestLevel', 'thenTest', 'doseResponse');
    return {
      suppressed: false,
      minimum: min,
      withheld,
      analysis: {
        ...analysis,
        pairing,
        change: null,
        direction: null,
        wilcoxon: null,
        level: null,
        hake: null,
        lowestLevel: null,
        thenTest: null,
        doseResponse: null,
      },
    };
  }

  const quartile = analysis.lowestLevel.lowestQuartile;
  const quartileAllowed = quartile.n >= min && (pairs - quartile.n === 0 || pairs - quartile.n >= min);
  if (!quartileAllowed) withheld.push('lowestLevel.lowestQuartile');

  let thenTest = analysis.thenTest;
  if (thenTest && [thenTest.shift.n, thenTest.retrospectiveChange.n, thenTest.conventionalChangeSameSample.n].some((n) => n < min)) {
    thenTest = null;
    withheld.push('thenTest');
  }

  return {
    suppressed: false,
    minimum: min,
    withheld,
    analysis: {
      ...analysis,
      pairing,
      lowestLevel: { ...analysis.lowestLevel, lowestQuartile: quartileAllowed ? quartile : null },
      thenTest,
      doseResponse: analysis.doseResponse && protectDose(analysis.doseResponse, pairs, min, withheld),
    },
  };
}

function protectPairing(pairing: PairingFigures, min: number, withheld: string[]): PairingFigures {
  const attrition = pairing.attrition;
  const dropoutsHidden = attrition.n > 0 && attrition.n < min;
  const completersHidden = pairing.pairs > 0 && pairing.pairs < min;
  if (!dropoutsHidden && !completersHidden) return pairing;
  if (dropoutsHidden) withheld.push('pairing.attrition.baseline');
  if (completersHidden) withheld.push('pairing.attrition.completersBaseline');
  const blank = (n: number) => ({ n, mean: null, sd: null, shareBelowLowThreshold: null });
  return {
    ...pairing,
    attrition: {
      ...attrition,
      baseline: dropoutsHidden ? blank(attrition.baseline.n) : attrition.baseline,
      completersBaseline: completersHidden ? blank(attrition.completersBaseline.n) : attrition.completersBaseline,
      baselineDifference: null,
    },
  };
}

function protectDose(dose: DoseResponse, pairs: number, min: number, withheld: string[]): DoseResponse {
  const unknown = pairs - dose.n;
  const decision = decideSuppression({
    total: pairs,
    minimum: min,
    partition: true,
    subgroups: [...dose.bands.map((b) => ({ key: b.label, n: b.n })), { key: '\u0000unknown', n: unknown }],
  });
  const hidden = new Set(decision.subgroups.filter((s) => s.suppressed).map((s) => s.key));
  const bands = dose.bands.map((b) => {
    if (!hidden.has(b.label) || b.n === 0) return b;
    withheld.push(`doseResponse.bands[${b.label}]`);
    return { ...b, meanChange: null };
  });
  if (dose.n >= min) return { ...dose, bands };
  withheld.push('doseResponse.regression');
  return {
    ...dose,
    bands,
    slope: null,
    intercept: null,
    slopeConfidenceInterval: null,
    slopePValue: null,
    pearson: null,
    spearman: null,
  };
}

export type ProtectedCalibration =
  | { suppressed: true; minimum: number; selfRatingKey: string; objectiveKey: string }
  | { suppressed: false; minimum: number; calibration: CalibrationResult; withheld: string[] };

/** Minimum group size for a calibration comparison: each occasion and the gap change need enough persons. */
export function protectCalibration(calibration: CalibrationResult, minimum?: number | null): ProtectedCalibration {
  const min = effectiveMinimum(minimum);
  const { before, after, gapChange } = calibration;
  if (before.n < min && after.n < min) {
    return { suppressed: true, minimum: min, selfRatingKey: calibration.selfRatingKey, objectiveKey: calibration.objectiveKey };
  }
  const withheld: string[] = [];
  const side = (name: string, s: CalibrationSide): CalibrationSide => {
    if (s.n >= min) return s;
    withheld.push(name);
    return {
      n: s.n,
      meanSelf: null,
      meanObjective: null,
      meanGap: null,
      sdGap: null,
      confidenceInterval: null,
      correlation: null,
      overestimating: null,
      shareOverestimating: null,
      underestimating: null,
      shareUnderestimating: null,
    };
  };
  const protectedBefore = side('before', before);
  const protectedAfter = side('after', after);
  let change = gapChange;
  if (gapChange.n < min) {
    withheld.push('gapChange');
    change = {
      n: gapChange.n,
      meanBefore: null,
      meanAfter: null,
      sdBefore: null,
      sdAfter: null,
      correlation: null,
      meanChange: null,
      sdChange: null,
      standardError: null,
      degreesOfFreedom: null,
      tCritical: null,
      confidenceInterval: null,
      tStatistic: null,
      pValue: null,
      effectSizes: { dz: null, gz: null, dav: null, gav: null, hedgesJ: null },
    };
  }
  return {
    suppressed: false,
    minimum: min,
    withheld,
    calibration: { ...calibration, before: protectedBefore, after: protectedAfter, gapChange: change },
  };
}
