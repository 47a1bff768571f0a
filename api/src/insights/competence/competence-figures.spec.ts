import { ParticipationGrouping } from '@kunna/contracts';
import { CompetenceRecord, filteredViewHidden, groupDecisions, groupRecords, quarters } from './competence-figures';

const record = (personId: string, unitId: string, areaId: string, employmentType = 'permanent', roleTitle = 'undersköterska'): CompetenceRecord => ({
  key: `x:${personId}`,
  personId,
  versionId: 'v',
  unitId,
  unitName: unitId,
  areaId,
  areaName: areaId,
  roleTitle,
  employmentType,
  firstOpensOn: '2025-02-01',
});
const people = (prefix: string, n: number, unit: string, area: string, type?: string) =>
  Array.from({ length: n }, (_, i) => record(`${prefix}${i}`, unit, area, type));
const NONE = { areaId: null, unitId: null, roleTitle: null, employmentType: null };

describe('competence figures', () => {
  it('splits a period into calendar quarters clipped to it', () => {
    expect(quarters('2025-02-15', '2025-07-10')).toEqual([
      { quarter: '2025-Q1', from: '2025-02-15', to: '2025-03-31' },
      { quarter: '2025-Q2', from: '2025-04-01', to: '2025-06-30' },
      { quarter: '2025-Q3', from: '2025-07-01', to: '2025-07-10' },
    ]);
    expect(quarters('2024-12-01', '2025-01-31').map((q) => q.quarter)).toEqual(['2024-Q4', '2025-Q1']);
    expect(quarters('2025-12-31', '2025-12-31').map((q) => q.quarter)).toEqual(['2025-Q4']);
  });

  it('decides units within their area as well as against the total (nested breakdown)', () => {
    // Area A: U1 (6) and U2 (2); area B: U3 (9); minimum 3. U2 is below it; the hidden sum 2 < 3 would let U2 be
    // derived, so the smallest shown unit (U1) goes too, against the total and within area A alike.
    const all = [...people('a', 6, 'U1', 'A'), ...people('b', 2, 'U2', 'A'), ...people('c', 9, 'U3', 'B')];
    const drafts = groupRecords(all, ParticipationGrouping.Unit);
    const decisions = groupDecisions(all, drafts, ParticipationGrouping.Unit, 3);
    expect(Object.fromEntries(decisions)).toEqual({ U1: 'secondary', U2: 'belowMinimum', U3: null });

    // With U4 (2) in area B, the total hides U2 and U4 (4 together): enough against the total, but area A's total
    // (shown when grouping by area) minus U1 would give U2: within each area the other unit leaves a rest of 2 and goes
    // by the difference rule.
    const more = [...all, ...people('d', 2, 'U4', 'B')];
    const nested = groupDecisions(more, groupRecords(more, ParticipationGrouping.Unit), ParticipationGrouping.Unit, 3);
    expect(Object.fromEntries(nested)).toEqual({ U1: 'complementary', U2: 'belowMinimum', U3: 'complementary', U4: 'belowMinimum' });
  });

  it('hides a filter on a group that the parent breakdown suppresses', () => {
    const all = [...people('a', 6, 'U1', 'A'), ...people('b', 2, 'U2', 'A'), ...people('c', 9, 'U3', 'B')];
    // U1 alone has 6 of 17 (rest 11): only the breakdown by unit hides it.
    expect(filteredViewHidden(all, { ...NONE, unitId: 'U1' }, 3)).toBe(true);
    expect(filteredViewHidden(all, { ...NONE, unitId: 'U3' }, 3)).toBe(false);
    // Area A (8 of 17): shown in the breakdown by area, the rest 9 reaches the minimum.
    expect(filteredViewHidden(all, { ...NONE, areaId: 'A' }, 3)).toBe(false);
    expect(filteredViewHidden(all, NONE, 3)).toBe(false);
  });
});
