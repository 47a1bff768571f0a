import type { Scale } from './types';

/**
 * The four-step self-rating used in Kunna's before/after checks:
 * 1 "Jag vet inte hur man gör", 2 "Jag kan göra det med hjälp", 3 "Jag kan göra det själv",
 * 4 "Jag kan göra det säkert och kan hjälpa andra".
 * Level reached = 3 or more ("can do it on my own"). Lowest level = 1 (below 2): the people who need
 * individual support.
 */
export const SELF_RATING_SCALE: Scale = Object.freeze({
  kind: 'selfRating',
  min: 1,
  max: 4,
  integerSteps: true,
  levelThreshold: 3,
  lowThreshold: 2,
});

/**
 * A knowledge test scored 0..maxScore: proportion correct (maxScore 1, the default) or points.
 * `passMark` (optional, in the same unit) defines "level reached"; `lowThreshold` (default half of max)
 * defines the lowest level (score below it).
 */
export function knowledgeScale(options: { maxScore?: number; passMark?: number; lowThreshold?: number } = {}): Scale {
  const max = options.maxScore ?? 1;
  if (!(max > 0) || !Number.isFinite(max)) throw new RangeError(`knowledgeScale: maxScore must be positive, got ${max}`);
  return validateScale({
    kind: 'knowledge',
    min: 0,
    max,
    integerSteps: false,
    levelThreshold: options.passMark ?? null,
    lowThreshold: options.lowThreshold ?? max / 2,
  });
}

/**
 * An observation score given by an ombud or manager (e.g. a practical task rated on a checklist).
 */
export function observationScale(options: {
  minScore: number;
  maxScore: number;
  integerSteps?: boolean;
  levelThreshold?: number;
  lowThreshold?: number;
}): Scale {
  return validateScale({
    kind: 'observation',
    min: options.minScore,
    max: options.maxScore,
    integerSteps: options.integerSteps ?? false,
    levelThreshold: options.levelThreshold ?? null,
    lowThreshold: options.lowThreshold ?? options.minScore + (options.maxScore - options.minScore) / 2,
  });
}

/** Checks a scale's consistency; throws RangeError naming the problem. */
export function validateScale(scale: Scale): Scale {
  const { min, max, levelThreshold, lowThreshold } = scale;
  if (!Number.isFinite(min) || !Number.isFinite(max) || !(max > min)) {
    throw new RangeError(`scale: need finite min < max, got ${min}..${max}`);
  }
  if (levelThreshold !== null && !(levelThreshold > min && levelThreshold <= max)) {
    throw new RangeError(`scale: levelThreshold must be in (${min}, ${max}], got ${levelThreshold}`);
  }
  if (!(lowThreshold > min && lowThreshold <= max)) {
    throw new RangeError(`scale: lowThreshold must be in (${min}, ${max}], got ${lowThreshold}`);
  }
  return scale;
}

/** Same scale (so dimensions may be combined into one overall composite). */
export function sameScale(a: Scale, b: Scale): boolean {
  return (
    a.kind === b.kind &&
    a.min === b.min &&
    a.max === b.max &&
    a.integerSteps === b.integerSteps &&
    a.levelThreshold === b.levelThreshold &&
    a.lowThreshold === b.lowThreshold
  );
}

/** Maps a score to 0..1: (score − min) / (max − min). */
export function toUnit(scale: Scale, score: number): number {
  return (score - scale.min) / (scale.max - scale.min);
}

/** Checks one score against the scale; throws RangeError with the dimension and person. */
export function assertScore(scale: Scale, score: number, where: string): void {
  if (!Number.isFinite(score)) throw new RangeError(`${where}: score must be a finite number, got ${score}`);
  if (score < scale.min || score > scale.max) {
    throw new RangeError(`${where}: score ${score} is outside the scale ${scale.min}..${scale.max}`);
  }
  if (scale.integerSteps && !Number.isInteger(score)) {
    throw new RangeError(`${where}: score ${score} must be a whole step on the scale`);
  }
}
