/**
 * Property tests over random data from a seeded generator (replayable: failures print the seed).
 */
import { analyseDimension } from './analyse';
import { protectAnalysis } from './protect';
import { knowledgeScale, SELF_RATING_SCALE } from './scales';
import { DECLINED, type Answer, type GainAnalysis, type PersonAnswers, type Scale } from './types';
import { forAllSeeds, type SeededRandom } from '../testing/seeded-random';
import { wilcoxonSignedRank } from './wilcoxon';

const POINTS = knowledgeScale({ maxScore: 100, passMark: 60 });

/** Random complete pairs with scores leaving `headroom` below the maximum. */
function randomPairs(random: SeededRandom, scale: Scale, headroom = 0): PersonAnswers[] {
  const n = random.int(0, 40);
  const score = () => random.int(scale.min, scale.max - headroom);
  return Array.from({ length: n }, (_, i) => ({
    personId: `p${i}`,
    before: score(),
    after: score(),
    then: random.chance(0.7) ? score() : undefined,
    sessionsAttended: random.chance(0.8) ? random.int(0, 8) : undefined,
  }));
}

/** Records that must never form a pair: a missing or declined side. */
function randomIncomplete(random: SeededRandom, scale: Scale, count: number): PersonAnswers[] {
  const score = () => random.int(scale.min, scale.max);
  const notScored = (): Answer => random.pick<Answer>([undefined, null, DECLINED]);
  return Array.from({ length: count }, (_, i) => {
    const kind = random.int(0, 2);
    return {
      personId: `x${i}`,
      before: kind === 0 ? score() : notScored(),
      after: kind === 1 ? score() : notScored(),
      then: random.chance(0.5) ? score() : undefined,
      sessionsAttended: random.int(0, 8),
    };
  });
}

const analyse = (records: PersonAnswers[], scale: Scale = POINTS) => analyseDimension({ key: 'k', scale, records });

/** The parts of an analysis computed from complete pairs only. */
function pairStatistics(a: GainAnalysis) {
  return {
    change: a.change,
    direction: a.direction,
    wilcoxon: a.wilcoxon,
    level: a.level,
    hake: a.hake,
    lowestLevel: a.lowestLevel,
    doseResponse: a.doseResponse,
  };
}

/** Deep comparison allowing floating-point rounding differences. */
function expectDeepClose(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Math.abs(actual - expected) > 1e-9 * Math.max(1, Math.abs(expected))) {
      throw new Error(`${path}: expected ${expected}, got ${actual}`);
    }
    return;
  }
  if (expected !== null && typeof expected === 'object' && actual !== null && typeof actual === 'object') {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const key of keys) {
      expectDeepClose((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}.${key}`);
    }
    return;
  }
  if (actual !== expected) throw new Error(`${path}: expected ${String(expected)}, got ${String(actual)}`);
}

describe('properties', () => {
  it('shifting every after-score by +1 moves the mean change by exactly +1 and leaves its spread alone', () => {
    forAllSeeds(200, (random) => {
      const records = randomPairs(random, POINTS, 1);
      const base = analyse(records).change;
      const shifted = analyse(records.map((r) => ({ ...r, after: (r.after as number) + 1 }))).change;
      if (base.meanChange === null) {
        expect(shifted.meanChange).toBeNull();
        return;
      }
      expect(shifted.meanChange).toBeCloseTo(base.meanChange + 1, 12);
      expect(shifted.meanAfter).toBeCloseTo((base.meanAfter as number) + 1, 12);
      if (base.sdChange !== null) {
        expect(shifted.sdChange).toBeCloseTo(base.sdChange, 10);
        expect(shifted.confidenceInterval?.lower).toBeCloseTo((base.confidenceInterval?.lower as number) + 1, 10);
        expect(shifted.confidenceInterval?.upper).toBeCloseTo((base.confidenceInterval?.upper as number) + 1, 10);
      }
    });
  });

  it('pairs with a missing or declined side never count', () => {
    forAllSeeds(200, (random) => {
      const scale = random.chance(0.5) ? POINTS : SELF_RATING_SCALE;
      const pairs = randomPairs(random, scale);
      const extra = randomIncomplete(random, scale, random.int(1, 15));
      const base = analyse(pairs, scale);
      const mixed = analyse(random.shuffle([...pairs, ...extra]), scale);
      expectDeepClose(pairStatistics(mixed), pairStatistics(base));
      expect(mixed.pairing.pairs).toBe(pairs.length);
      expect(mixed.response.invited).toBe(pairs.length + extra.length);
    });
  });

  it('response and attrition counts add up', () => {
    forAllSeeds(200, (random) => {
      const scale = random.chance(0.5) ? POINTS : SELF_RATING_SCALE;
      const records = random.shuffle([...randomPairs(random, scale), ...randomIncomplete(random, scale, random.int(0, 15))]);
      const a = analyse(records, scale);
      for (const side of [a.response.before, a.response.after, a.response.then]) {
        expect(side.scored + side.declinedToAnswer + side.noAnswer).toBe(a.response.invited);
      }
      expect(a.pairing.pairs + a.pairing.attrition.n).toBe(a.response.before.scored);
      expect(a.pairing.pairs + a.pairing.onlyAfter).toBe(a.response.after.scored);
      expect(a.pairing.attrition.declinedAfter + a.pairing.attrition.noAnswerAfter).toBe(a.pairing.attrition.n);
      expect(a.direction.improved + a.direction.unchanged + a.direction.declined).toBe(a.pairing.pairs);
      if (a.level) expect(a.level.both + a.level.neither + a.level.gained + a.level.lost).toBe(a.pairing.pairs);
    });
  });

  it('the order of records does not matter', () => {
    forAllSeeds(100, (random) => {
      const records = [...randomPairs(random, POINTS), ...randomIncomplete(random, POINTS, random.int(0, 10))];
      expectDeepClose(analyse(random.shuffle(records)), analyse(records));
    });
  });

  it('swapping before and after mirrors every directional statistic', () => {
    forAllSeeds(200, (random) => {
      const records = randomPairs(random, SELF_RATING_SCALE);
      const a = analyse(records, SELF_RATING_SCALE);
      const b = analyse(
        records.map((r) => ({ ...r, before: r.after, after: r.before })),
        SELF_RATING_SCALE,
      );
      if (a.change.meanChange !== null) expect(b.change.meanChange).toBeCloseTo(-a.change.meanChange, 12);
      expect(b.direction.improved).toBe(a.direction.declined);
      expect(b.wilcoxon?.wPlus).toBe(a.wilcoxon?.wMinus);
      if (a.wilcoxon) expect(b.wilcoxon?.pValue).toBeCloseTo(a.wilcoxon.pValue, 12);
      expect(b.level?.gained).toBe(a.level?.lost);
      if (a.level?.pChiSquare != null) expect(b.level?.pChiSquare).toBeCloseTo(a.level.pChiSquare, 12);
      if (a.change.pValue !== null) expect(b.change.pValue).toBeCloseTo(a.change.pValue, 12);
      if (a.change.effectSizes.dav !== null) expect(b.change.effectSizes.dav).toBeCloseTo(-a.change.effectSizes.dav, 12);
    });
  });

  it('effect sizes and normalised gains do not depend on the unit (points vs proportion)', () => {
    forAllSeeds(150, (random) => {
      const records = randomPairs(random, POINTS);
      const points = analyse(records, POINTS);
      const proportion = analyse(
        records.map((r) => ({
          ...r,
          before: (r.before as number) / 100,
          after: (r.after as number) / 100,
          then: typeof r.then === 'number' ? r.then / 100 : r.then,
        })),
        knowledgeScale({ passMark: 0.6 }),
      );
      const close = (x: number | null | undefined, y: number | null | undefined) => {
        if (x === null || x === undefined) expect(y ?? null).toBeNull();
        else expect(y).toBeCloseTo(x, 9);
      };
      close(points.change.effectSizes.dz, proportion.change.effectSizes.dz);
      close(points.change.effectSizes.gav, proportion.change.effectSizes.gav);
      close(points.change.pValue, proportion.change.pValue);
      close(points.hake?.classAverageGain, proportion.hake?.classAverageGain);
      close(points.hake?.meanIndividualGain, proportion.hake?.meanIndividualGain);
      close(points.wilcoxon?.pValue, proportion.wilcoxon?.pValue);
      expect(proportion.level?.gained).toBe(points.level?.gained);
      expect(proportion.direction).toEqual(points.direction);
    });
  });

  it('the CI contains the mean change, widens with the level, and d_z = t/√n', () => {
    forAllSeeds(200, (random) => {
      const records = randomPairs(random, POINTS);
      const c95 = analyse(records).change;
      const c99 = analyseDimension({ key: 'k', scale: POINTS, records }, { confidenceLevel: 0.99 }).change;
      if (c95.confidenceInterval === null || c95.meanChange === null) return;
      expect(c95.confidenceInterval.lower).toBeLessThanOrEqual(c95.meanChange);
      expect(c95.confidenceInterval.upper).toBeGreaterThanOrEqual(c95.meanChange);
      expect(c99.confidenceInterval?.lower).toBeLessThanOrEqual(c95.confidenceInterval.lower);
      expect(c99.confidenceInterval?.upper).toBeGreaterThanOrEqual(c95.confidenceInterval.upper);
      if (c95.tStatistic !== null) expect(c95.effectSizes.dz).toBeCloseTo(c95.tStatistic / Math.sqrt(c95.n), 10);
    });
  });

  it('never produces NaN or Infinity, whatever the data', () => {
    forAllSeeds(200, (random) => {
      const scale = random.chance(0.5) ? POINTS : SELF_RATING_SCALE;
      const records = random.shuffle([...randomPairs(random, scale).slice(0, random.int(0, 4)), ...randomIncomplete(random, scale, random.int(0, 5))]);
      const json = JSON.stringify(analyse(records, scale), (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? `BAD:${value}` : value));
      expect(json).not.toMatch(/BAD:/);
    });
  });

  it('the exact and the normal Wilcoxon p agree for large samples without ties', () => {
    forAllSeeds(30, (random) => {
      const n = random.int(40, 50);
      const differences = random.shuffle(Array.from({ length: n }, (_, i) => (i + 1) * (random.chance(0.6) ? 1 : -1)));
      const exact = wilcoxonSignedRank(differences, { method: 'exact' });
      const normal = wilcoxonSignedRank(differences, { method: 'normal' });
      expect(Math.abs((exact?.pValue ?? 0) - (normal?.pValue ?? 0))).toBeLessThan(0.01);
    });
  });

  it('after protection, no mean is shown for a group below the minimum', () => {
    forAllSeeds(150, (random) => {
      const scale = random.chance(0.5) ? POINTS : SELF_RATING_SCALE;
      const records = random.shuffle([...randomPairs(random, scale), ...randomIncomplete(random, scale, random.int(0, 10))]);
      const minimum = random.int(3, 8);
      const result = protectAnalysis(analyse(records, scale), minimum);
      if (result.suppressed) {
        expect(result.invited).toBeLessThan(minimum);
        return;
      }
      const a = result.analysis;
      const attrition = a.pairing.attrition;
      if (attrition.n < minimum) expect(attrition.baseline.mean).toBeNull();
      if (a.pairing.pairs < minimum) {
        expect(a.change).toBeNull();
        expect(attrition.completersBaseline.mean).toBeNull();
        return;
      }
      const quartile = a.lowestLevel?.lowestQuartile;
      if (quartile) {
        expect(quartile.n).toBeGreaterThanOrEqual(minimum);
        const rest = a.pairing.pairs - quartile.n;
        expect(rest === 0 || rest >= minimum).toBe(true);
      }
      for (const band of a.doseResponse?.bands ?? []) {
        if (band.n < minimum) expect(band.meanChange).toBeNull();
      }
      if (a.thenTest) expect(a.thenTest.shift.n).toBeGreaterThanOrEqual(minimum);
    });
  });
});
