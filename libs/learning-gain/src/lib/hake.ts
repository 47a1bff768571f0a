import { mean } from './descriptive';
import type { HakeGain } from './types';
import type { Pair } from './paired-change';

/**
 * Hake's normalised gain for knowledge scores on 0..max (proportion correct: max = 1; points: max = points).
 *
 * Class-average gain ⟨g⟩ = (mean post − mean pre) / (max − mean pre) (Hake 1998): the share of the possible
 * improvement that the group achieved. It is undefined (null) when everyone scored max before.
 *
 * Mean of individual gains: g_i = (post_i − pre_i) / (max − pre_i). For a person with pre = max the
 * denominator is 0, so g_i is undefined. Such persons are handled explicitly: excluded from the mean and
 * counted in `atCeiling` (with how many stayed at max and how many dropped), never silently given 0 or 1.
 *
 * Because the two definitions weight persons differently, they differ whenever pre scores vary; both are
 * reported. Marx & Cummings' (2007) normalised change c is also given: it divides losses by pre (the room to
 * fall) instead of by max − pre, so it stays in [−1, 1] and keeps persons with pre = max who dropped.
 */
export function hakeGain(pairs: readonly Pair[], max: number): HakeGain {
  if (!(max > 0) || !Number.isFinite(max)) throw new RangeError(`hakeGain: max must be positive, got ${max}`);
  const n = pairs.length;
  const meanPre = mean(pairs.map((p) => p.before));
  const meanPost = mean(pairs.map((p) => p.after));
  const room = meanPre === null ? 0 : max - meanPre;
  const classAverageGain = meanPre !== null && meanPost !== null && room > 0 ? (meanPost - meanPre) / room : null;

  const individual: number[] = [];
  let stayedAtMax = 0;
  let dropped = 0;
  const normalised: number[] = [];
  let normalisedDropped = 0;
  for (const { before, after } of pairs) {
    if (before >= max) {
      if (after >= max) stayedAtMax++;
      else dropped++;
    } else {
      individual.push((after - before) / (max - before));
    }
    if (after > before) normalised.push((after - before) / (max - before));
    else if (after < before) normalised.push((after - before) / before);
    else if (before === max || before === 0) normalisedDropped++;
    else normalised.push(0);
  }

  return {
    n,
    classAverageGain,
    meanIndividualGain: mean(individual),
    nIndividual: individual.length,
    atCeiling: { n: stayedAtMax + dropped, stayedAtMax, dropped },
    normalisedChange: { n: normalised.length, mean: mean(normalised), dropped: normalisedDropped },
  };
}
