import { analyseDimension, calibrationGap } from './analyse';
import { protectAnalysis, protectCalibration } from './protect';
import { knowledgeScale, SELF_RATING_SCALE } from './scales';
import { decideSuppression, effectiveMinimum, isBelowMinimum, valueIfAllowed } from './suppression';
import type { PersonAnswers } from './types';
import { forAllSeeds } from '../testing/seeded-random';

describe('minimum group size', () => {
  it('defaults to 5 and is never below 3', () => {
    expect(effectiveMinimum()).toBe(5);
    expect(effectiveMinimum(null)).toBe(5);
    expect(effectiveMinimum(2)).toBe(3);
    expect(effectiveMinimum(0)).toBe(3);
    expect(effectiveMinimum(7)).toBe(7);
    expect(effectiveMinimum(4.2)).toBe(5);
    expect(() => effectiveMinimum(Number.NaN)).toThrow(RangeError);
    expect(isBelowMinimum(4)).toBe(true);
    expect(isBelowMinimum(5)).toBe(false);
    expect(isBelowMinimum(2, 1)).toBe(true); // the floor of 3 applies
    expect(valueIfAllowed(4, 'mean 2.5')).toBeNull();
    expect(valueIfAllowed(6, 'mean 2.5')).toBe('mean 2.5');
  });

  it('suppresses a small subgroup', () => {
    const r = decideSuppression({ total: 20, subgroups: [{ key: 'vikarier', n: 3 }] });
    expect(r.total.suppressed).toBe(false);
    expect(r.subgroups).toEqual([{ key: 'vikarier', n: 3, suppressed: true, reason: 'belowMinimum' }]);
  });

  it('difference rule: suppresses a subgroup whose complement in the total is small', () => {
    // total 12, permanent staff 9 → the other 3 could be derived by subtraction
    const r = decideSuppression({ total: 12, subgroups: [{ key: 'tillsvidare', n: 9 }] });
    expect(r.subgroups[0]).toMatchObject({ suppressed: true, reason: 'complementary' });
    // total 14, subgroup 9 → difference 5 is fine
    expect(decideSuppression({ total: 14, subgroups: [{ key: 'tillsvidare', n: 9 }] }).subgroups[0].suppressed).toBe(false);
    // difference 0 (subgroup = total) reveals nobody
    expect(decideSuppression({ total: 9, subgroups: [{ key: 'alla', n: 9 }] }).subgroups[0].suppressed).toBe(false);
  });

  it('a total below the minimum suppresses everything', () => {
    const r = decideSuppression({ total: 4, subgroups: [{ key: 'a', n: 4 }] });
    expect(r.total).toEqual({ n: 4, suppressed: true, reason: 'belowMinimum' });
    expect(r.subgroups[0]).toMatchObject({ suppressed: true, reason: 'totalSuppressed' });
  });

  it('partition: a single suppressed cell forces a secondary suppression', () => {
    // roles in a unit of 30: 2 nurses would be derivable as 30 − 20 − 8
    const r = decideSuppression({
      total: 30,
      partition: true,
      subgroups: [
        { key: 'undersköterska', n: 20 },
        { key: 'vårdbiträde', n: 8 },
        { key: 'sjuksköterska', n: 2 },
      ],
    });
    expect(r.subgroups.map((s) => [s.key, s.suppressed, s.reason])).toEqual([
      ['undersköterska', false, null],
      ['vårdbiträde', true, 'secondary'],
      ['sjuksköterska', true, 'belowMinimum'],
    ]);
  });

  it('partition: two small suppressed cells that together are still small force a third', () => {
    const r = decideSuppression({
      total: 30,
      partition: true,
      subgroups: [
        { key: 'a', n: 18 },
        { key: 'b', n: 8 },
        { key: 'c', n: 2 },
        { key: 'd', n: 2 },
      ],
    });
    // c + d = 4 < 5 is derivable → b is suppressed as well (then 12 hidden in three cells)
    expect(r.subgroups.filter((s) => s.suppressed).map((s) => s.key)).toEqual(['b', 'c', 'd']);
  });

  it('partition: empty cells need no protection', () => {
    const r = decideSuppression({
      total: 10,
      partition: true,
      subgroups: [
        { key: 'a', n: 10 },
        { key: 'b', n: 0 },
      ],
    });
    expect(r.subgroups.map((s) => s.suppressed)).toEqual([false, true]);
  });

  it('rejects inconsistent input', () => {
    expect(() => decideSuppression({ total: 5, subgroups: [{ key: 'a', n: 6 }] })).toThrow(/larger than the total/);
    expect(() => decideSuppression({ total: 5, partition: true, subgroups: [{ key: 'a', n: 3 }] })).toThrow(/add up/);
    expect(() => decideSuppression({ total: 2.5 })).toThrow(/whole number/);
    expect(() =>
      decideSuppression({
        total: 10,
        subgroups: [
          { key: 'a', n: 5 },
          { key: 'a', n: 5 },
        ],
      }),
    ).toThrow(/more than once/);
  });

  it('property: no shown subgroup, nor its difference to the total, is below the minimum', () => {
    forAllSeeds(400, (random) => {
      const minimum = random.int(0, 8);
      const m = effectiveMinimum(minimum);
      const count = random.int(1, 6);
      const sizes = Array.from({ length: count }, () => (random.chance(0.4) ? random.int(0, 4) : random.int(0, 30)));
      const partition = random.chance(0.5);
      const total = partition ? sizes.reduce((a, b) => a + b, 0) : Math.max(...sizes) + random.int(0, 10);
      const r = decideSuppression({ total, minimum, partition, subgroups: sizes.map((n, i) => ({ key: `g${i}`, n })) });
      if (total < m) {
        expect(r.total.suppressed).toBe(true);
        expect(r.subgroups.every((s) => s.suppressed)).toBe(true);
        return;
      }
      for (const s of r.subgroups.filter((g) => !g.suppressed)) {
        expect(s.n).toBeGreaterThanOrEqual(m);
        const rest = total - s.n;
        expect(rest === 0 || rest >= m).toBe(true);
      }
      if (partition) {
        const hidden = r.subgroups.filter((s) => s.suppressed);
        const hiddenSum = hidden.reduce((a, s) => a + s.n, 0);
        const allHidden = hidden.length === r.subgroups.length;
        if (hiddenSum > 0 && !allHidden) {
          expect(hiddenSum).toBeGreaterThanOrEqual(m);
          expect(hidden.filter((s) => s.n > 0).length).toBeGreaterThanOrEqual(2);
        }
      }
    });
  });
});

describe('protectAnalysis', () => {
  const records = (n: number, extra: PersonAnswers[] = []): PersonAnswers[] => [
    ...Array.from({ length: n }, (_, i) => ({
      personId: `p${i}`,
      before: (i % 3) + 1,
      after: (i % 3) + 2,
      then: (i % 3) + 1,
      sessionsAttended: i % 4,
    })),
    ...extra,
  ];

  it('suppresses everything when fewer than the minimum were invited', () => {
    const r = protectAnalysis(analyseDimension({ key: 'x', scale: SELF_RATING_SCALE, records: records(4) }));
    expect(r).toEqual({ suppressed: true, key: 'x', dimensionKeys: ['x'], minimum: 5, invited: 4 });
  });

  it('keeps response counts but withholds before/after statistics when pairs are too few', () => {
    const invitedOnly = Array.from({ length: 6 }, (_, i) => ({ personId: `q${i}` }));
    const r = protectAnalysis(analyseDimension({ key: 'x', scale: SELF_RATING_SCALE, records: records(3, invitedOnly) }));
    if (r.suppressed) throw new Error('should not be fully suppressed');
    expect(r.analysis.response.invited).toBe(9);
    expect(r.analysis.change).toBeNull();
    expect(r.analysis.wilcoxon).toBeNull();
    expect(r.analysis.doseResponse).toBeNull();
    expect(r.analysis.pairing.attrition.completersBaseline.mean).toBeNull();
    expect(r.withheld).toContain('change');
  });

  it("withholds a small drop-out group's baseline (a manager knows who did not answer)", () => {
    const dropouts: PersonAnswers[] = [
      { personId: 'd1', before: 1 },
      { personId: 'd2', before: 2 },
    ];
    const analysis = analyseDimension({ key: 'x', scale: SELF_RATING_SCALE, records: records(10, dropouts) });
    expect(analysis.pairing.attrition.baseline.mean).toBe(1.5);
    const r = protectAnalysis(analysis);
    if (r.suppressed) throw new Error('should not be suppressed');
    expect(r.analysis.pairing.attrition.n).toBe(2);
    expect(r.analysis.pairing.attrition.baseline.mean).toBeNull();
    expect(r.analysis.pairing.attrition.baselineDifference).toBeNull();
    expect(r.analysis.change?.meanChange).toBe(1);
    expect(r.withheld).toEqual(expect.arrayContaining(['pairing.attrition.baseline']));
  });

  it('withholds the lowest quartile when it or the rest is small, and small dose bands', () => {
    const analysis = analyseDimension({ key: 'x', scale: SELF_RATING_SCALE, records: records(12) });
    // before 1,2,3 repeating: Q1 = 1 → the four 1s (below 5)
    expect(analysis.lowestLevel.lowestQuartile.n).toBe(4);
    const r = protectAnalysis(analysis);
    if (r.suppressed) throw new Error('should not be suppressed');
    expect(r.analysis.lowestLevel?.lowestQuartile).toBeNull();
    // sessions i % 4 → 3 persons each in bands 0, 1, 2 and 3–4; all are below 5 → means withheld
    expect(r.analysis.doseResponse?.bands.filter((b) => b.n > 0).every((b) => b.meanChange === null)).toBe(true);
    expect(r.analysis.doseResponse?.slope).not.toBeNull(); // 12 pairs with sessions: the line is kept
    expect(r.analysis.thenTest).not.toBeNull();
    // a lower minimum of 3 shows the bands
    const r3 = protectAnalysis(analysis, 3);
    if (r3.suppressed) throw new Error('should not be suppressed');
    expect(r3.analysis.doseResponse?.bands.filter((b) => b.n > 0).every((b) => b.meanChange !== null)).toBe(true);
    expect(r3.analysis.lowestLevel?.lowestQuartile?.n).toBe(4);
  });

  it('protects calibration results', () => {
    const self = {
      key: 's',
      scale: SELF_RATING_SCALE,
      records: Array.from({ length: 6 }, (_, i) => ({ personId: `p${i}`, before: 3, after: i < 3 ? 4 : undefined })),
    };
    const quiz = {
      key: 'q',
      scale: knowledgeScale({ passMark: 0.7 }),
      records: Array.from({ length: 6 }, (_, i) => ({ personId: `p${i}`, before: 0.5, after: 0.8 })),
    };
    const r = protectCalibration(calibrationGap(self, quiz));
    if (r.suppressed) throw new Error('should not be suppressed');
    expect(r.calibration.before.meanGap).not.toBeNull();
    expect(r.calibration.after.meanGap).toBeNull(); // 3 persons
    expect(r.calibration.gapChange.meanChange).toBeNull();
    expect(r.withheld).toEqual(['after', 'gapChange']);
    expect(protectCalibration(calibrationGap(self, quiz), 6).suppressed).toBe(false);
    expect(protectCalibration(calibrationGap(self, quiz), 7).suppressed).toBe(true);
  });
});
