import { differencingRisk, participationFigures, percent, suppressedGroups } from './insight-figures';

describe('participation figures and suppression', () => {
  it('computes shares and hours, and hides everything but the head count when suppressed', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(0, 0)).toBeNull();
    expect(participationFigures(6, 5, 410, false)).toEqual({
      people: 6,
      participants: 5,
      participationPercent: 83.3,
      hours: 6.83,
      hoursPerPerson: 1.14,
      suppressed: false,
    });
    expect(participationFigures(4, 4, 100, true)).toEqual({
      people: 4,
      participants: null,
      participationPercent: null,
      hours: null,
      hoursPerPerson: null,
      suppressed: true,
    });
  });

  it('suppresses small groups and a group whose figure would follow by subtraction', () => {
    // 12 = 7 + 5: both shown. 12 = 8 + 4: 4 hidden, and 8 too (total − 8 = 4 would reveal it).
    expect(
      suppressedGroups(
        12,
        [
          { key: 'a', people: 7 },
          { key: 'b', people: 5 },
        ],
        5,
      ),
    ).toEqual({ total: false, groups: new Set() });
    expect(
      suppressedGroups(
        12,
        [
          { key: 'a', people: 8 },
          { key: 'b', people: 4 },
        ],
        5,
      ),
    ).toEqual({ total: false, groups: new Set(['a', 'b']) });
    expect(suppressedGroups(4, [{ key: 'a', people: 4 }], 5).total).toBe(true);
  });

  it('withholds a view that differs from a parent by 1 … minimum − 1 people, never by 0 or enough', () => {
    expect(differencingRisk(10, [11], 5)).toBe(true);
    expect(differencingRisk(10, [14], 5)).toBe(true);
    expect(differencingRisk(10, [10], 5)).toBe(false);
    expect(differencingRisk(10, [15], 5)).toBe(false);
  });
});
