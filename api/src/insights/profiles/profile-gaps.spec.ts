import { CheckItem, CheckItemKind, CompetenceDimension } from '@kunna/contracts';
import { largestGaps, latestLevels, LevelResponse, parseTargets, personGap, profileFor, unitGap } from './profile-gaps';

const item = (key: string, kind: CheckItemKind, dimension: CompetenceDimension | null, digCompCode: string | null = null): CheckItem => ({
  key,
  kind,
  dimension,
  digCompCode,
  textSv: key,
  textEn: null,
  thenOf: null,
  form: null,
  multiple: false,
  options: [],
  explanationSv: null,
  explanationEn: null,
  coreItemId: null,
});
const ITEMS = [
  item('k', CheckItemKind.SelfRating, CompetenceDimension.Knowledge),
  item('s', CheckItemKind.SelfRating, CompetenceDimension.Skills, '2.1'),
  item('s2', CheckItemKind.SelfRating, CompetenceDimension.Skills),
  item('w', CheckItemKind.Attitude, CompetenceDimension.Will),
  item('o', CheckItemKind.Observation, CompetenceDimension.Ability),
];
const response = (personId: string, opensOn: string, ratings: Record<string, number | null>): LevelResponse => ({
  personId,
  opensOn,
  finishedAt: `${opensOn}T10:00:00.000000Z`,
  items: ITEMS,
  answers: Object.entries(ratings).map(([itemKey, rating]) => ({ itemKey, rating, declined: rating === null })),
});

describe('latestLevels', () => {
  it('takes each competence from the latest response that rated it, as the mean of its items', () => {
    const levels = latestLevels([
      response('p', '2025-02-01', { k: 1, s: 1, s2: 2, w: 2, o: 1 }),
      response('p', '2025-05-01', { k: 3, s: 4, s2: 3, w: null, o: 4 }),
    ]);
    const own = levels.get('p');
    expect(own?.get('knowledge')).toEqual({ level: 3, measuredOn: '2025-05-01' });
    expect(own?.get('skills')).toEqual({ level: 3.5, measuredOn: '2025-05-01' });
    expect(own?.get('digcomp:2.1')).toEqual({ level: 4, measuredOn: '2025-05-01' });
    // Declined in the later response: the earlier level stands.
    expect(own?.get('will')).toEqual({ level: 2, measuredOn: '2025-02-01' });
    // Observations are someone else's rating, not the person's level.
    expect(own?.has('ability')).toBe(false);
  });
});

describe('profileFor', () => {
  const profiles = [
    { id: 'general', roleTitle: 'Undersköterska', areaId: null, targets: [] },
    { id: 'area', roleTitle: 'undersköterska', areaId: 'a2', targets: [] },
  ];
  it('prefers the area profile, falls back to the organisation-wide one, ignores case', () => {
    expect(profileFor(profiles, 'UNDERSKÖTERSKA', ['a2'])?.id).toBe('area');
    expect(profileFor(profiles, 'undersköterska ', ['a1'])?.id).toBe('general');
    expect(profileFor(profiles, 'vårdbiträde', ['a2'])).toBeNull();
    expect(profileFor(profiles, null, ['a2'])).toBeNull();
  });
});

describe('personGap', () => {
  it('gives max(0, target − level) and null when never answered', () => {
    const levels = new Map([
      ['knowledge', { level: 1.5, measuredOn: '2025-01-01' }],
      ['will', { level: 4, measuredOn: '2025-01-01' }],
    ]);
    expect(
      personGap(
        [
          { competence: 'will', level: 3 },
          { competence: 'skills', level: 2 },
          { competence: 'knowledge', level: 3 },
        ],
        levels,
      ),
    ).toEqual([
      { competence: 'knowledge', target: 3, level: 1.5, gap: 1.5, measuredOn: '2025-01-01' },
      { competence: 'skills', target: 2, level: null, gap: null, measuredOn: null },
      { competence: 'will', target: 3, level: 4, gap: 0, measuredOn: '2025-01-01' },
    ]);
  });
});

describe('unitGap', () => {
  const targets = [
    { competence: 'knowledge', level: 3 },
    { competence: 'will', level: 2 },
  ];
  const level = (value: number) => ({ level: value, measuredOn: '2025-01-01' });
  it('computes share below and mean gap, suppressing competences measured for fewer than the minimum', () => {
    const levels = new Map([
      [
        'a',
        new Map([
          ['knowledge', level(1)],
          ['will', level(2)],
        ]),
      ],
      ['b', new Map([['knowledge', level(2.5)]])],
      [
        'c',
        new Map([
          ['knowledge', level(4)],
          ['will', level(1)],
        ]),
      ],
    ]);
    const result = unitGap(
      ['a', 'b', 'c', 'd'].map((personId) => ({ personId, targets })),
      levels,
      3,
    );
    expect(result.measuredPeople).toBe(3);
    expect(result.suppressed).toBe(false);
    // knowledge gaps 2, 0.5, 0 → mean 0.83; below 2 of 3 = 66.7 %. will measured for 2 < 3: withheld.
    expect(result.competences).toEqual([
      { competence: 'knowledge', targeted: 4, measured: 3, shareBelow: 66.7, meanGap: 0.83, suppressed: false },
      { competence: 'will', targeted: 4, measured: null, shareBelow: null, meanGap: null, suppressed: true },
    ]);
    expect(largestGaps(result.competences, 3)).toEqual(['knowledge']);
  });

  it('withholds the whole unit below the minimum', () => {
    const levels = new Map([['a', new Map([['knowledge', level(1)]])]]);
    const result = unitGap([{ personId: 'a', targets }], levels, 3);
    expect(result.suppressed).toBe(true);
    expect(result.competences.every((c) => c.suppressed && c.meanGap === null)).toBe(true);
  });
});

describe('parseTargets', () => {
  const digComp = new Set(['2.1']);
  it('accepts dimensions and known DigComp competences with whole steps', () => {
    expect(
      parseTargets(
        [
          { competence: 'skills', level: 3 },
          { competence: 'digcomp:2.1', level: 1 },
        ],
        digComp,
      ),
    ).toEqual({
      ok: true,
      targets: [
        { competence: 'skills', level: 3 },
        { competence: 'digcomp:2.1', level: 1 },
      ],
    });
  });
  it('names the field of each problem', () => {
    const result = parseTargets(
      [
        { competence: 'digcomp:9.9', level: 5 },
        { competence: 'skills', level: 2, extra: 1 },
        { competence: 'skills', level: 2.5 },
      ],
      digComp,
    );
    expect(result.ok ? [] : result.problems.map((p) => p.field)).toEqual([
      'targets[0].competence',
      'targets[0].level',
      'targets[1].extra',
      'targets[2].competence',
      'targets[2].level',
    ]);
    expect(parseTargets('x', digComp)).toEqual({ ok: false, problems: [{ field: 'targets', message: expect.any(String) }] });
    expect(parseTargets([], digComp).ok).toBe(false);
  });
});
