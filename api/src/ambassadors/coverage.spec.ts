import { CoverageFlag } from '@kunna/contracts';
import { CoverageRow } from './ambassadors.repository';
import { addDays } from '../database/local-day';
import { toCoverage } from './ambassadors.service';

const LIMIT = '2026-03-02'; // today 2026-01-01 + 60 days

function row(ambassadors: Array<[string, string | null]>, upcomingStarts: string[] = [], staffCount = 10): CoverageRow {
  return {
    unitId: 'u',
    unitName: 'Enhet',
    areaId: 'a',
    areaName: 'Område',
    staffCount,
    ambassadors: ambassadors.map(([personId, leavesOn], index) => ({ personId, name: personId, appointmentId: `a${index}`, leavesOn })),
    upcomingStarts,
  };
}

describe('toCoverage', () => {
  it('flags a unit without active ambassadors and gives no ratio', () => {
    expect(toCoverage(row([]), LIMIT)).toMatchObject({ activeAmbassadors: [], staffPerAmbassador: null, flags: [CoverageFlag.NoAmbassador] });
  });

  it('computes staff per active ambassador to one decimal', () => {
    expect(
      toCoverage(
        row(
          [
            ['p1', null],
            ['p2', null],
            ['p3', null],
          ],
          [],
          10,
        ),
        LIMIT,
      ).staffPerAmbassador,
    ).toBe(3.3);
    expect(
      toCoverage(
        row(
          [
            ['p1', null],
            ['p2', null],
          ],
          [],
          7,
        ),
        LIMIT,
      ).staffPerAmbassador,
    ).toBe(3.5);
  });

  it('counts a person appointed twice to the unit once, with the later leaving day', () => {
    const coverage = toCoverage(
      row([
        ['p1', '2026-01-20'],
        ['p1', null],
      ]),
      LIMIT,
    );
    expect(coverage.activeAmbassadors).toHaveLength(1);
    expect(coverage.activeAmbassadors[0].leavesOn).toBeNull();
    expect(coverage.flags).toEqual([]);
  });

  it.each([
    ['the only ambassador leaves on the 60th day', [['p1', LIMIT]], [], [CoverageFlag.AmbassadorsLeaving]],
    ['the only ambassador leaves on the 61st day', [['p1', addDays(LIMIT, 1)]], [], []],
    [
      'every ambassador leaves within 60 days',
      [
        ['p1', '2026-01-10'],
        ['p2', '2026-02-10'],
      ],
      [],
      [CoverageFlag.AmbassadorsLeaving],
    ],
    [
      'one of two ambassadors stays',
      [
        ['p1', '2026-01-10'],
        ['p2', null],
      ],
      [],
      [],
    ],
    ['a successor starts the day after the last leaves', [['p1', '2026-02-10']], ['2026-02-11'], []],
    ['a successor starts two days after (a gap)', [['p1', '2026-02-10']], ['2026-02-12'], [CoverageFlag.AmbassadorsLeaving]],
  ] as Array<[string, Array<[string, string | null]>, string[], CoverageFlag[]]>)('%s', (_name, ambassadors, upcoming, flags) => {
    expect(toCoverage(row(ambassadors, upcoming), LIMIT).flags).toEqual(flags);
  });
});

describe('addDays', () => {
  it('crosses months, leap days and years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
