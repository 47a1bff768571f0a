import { CheckItem, CheckItemKind, CheckKind, CompetenceDimension } from '@kunna/contracts';
import { analyseGroup, ResponseData } from './aggregate';
import { parseItems } from './instruments/instrument-items';
import { formFor, isCorrect, itemsFor, needsSupport, readAnswer, scorePerson } from './scoring';

const itemBase = {
  textEn: null,
  digCompCode: null,
  thenOf: null,
  form: null,
  multiple: false,
  options: [],
  explanationSv: null,
  explanationEn: null,
  coreItemId: null,
};
const item = (key: string, kind: CheckItemKind, dimension: CompetenceDimension | null, extra: Partial<CheckItem> = {}): CheckItem => ({
  ...itemBase,
  key,
  kind,
  dimension,
  textSv: key,
  ...extra,
});
const options = [
  { key: 'a', textSv: 'A', textEn: null, correct: true },
  { key: 'b', textSv: 'B', textEn: null, correct: false },
];
const ITEMS: CheckItem[] = [
  item('s1', CheckItemKind.SelfRating, CompetenceDimension.Skills),
  item('s2', CheckItemKind.SelfRating, CompetenceDimension.Knowledge),
  item('t1', CheckItemKind.Then, CompetenceDimension.Skills, { thenOf: 's1' }),
  item('w1', CheckItemKind.Attitude, CompetenceDimension.Will),
  item('kA', CheckItemKind.Knowledge, CompetenceDimension.Knowledge, { form: 'A', options }),
  item('kB', CheckItemKind.Knowledge, CompetenceDimension.Knowledge, { form: 'B', options }),
  item('p1', CheckItemKind.PostSession, null),
  item('f1', CheckItemKind.FollowUp, null),
  item('o1', CheckItemKind.Observation, CompetenceDimension.Skills),
];

describe('instrument items', () => {
  const digComp = new Set(['1.1']);
  const { coreItemId: _core, ...base } = itemBase;
  it('names each problem by its field, and accepts a valid list', () => {
    const result = parseItems(
      [
        { ...base, key: 's1', kind: 'self_rating', textSv: 'Jag kan', dimension: null },
        {
          ...base,
          key: 's1',
          kind: 'knowledge',
          textSv: 'Vad?',
          dimension: 'knowledge',
          options: [
            { key: 'a', textSv: 'x', textEn: null, correct: false },
            { key: 'b', textSv: 'y', textEn: null, correct: false },
          ],
        },
        { ...base, key: 't1', kind: 'then', textSv: 'Innan', dimension: 'skills', thenOf: 'nope', extra: 1 },
        { ...base, key: 'd1', kind: 'attitude', textSv: 'Jag vill', dimension: 'will', digCompCode: '9.9' },
      ],
      digComp,
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        { field: 'items[0].dimension', message: 'Välj vilken dimension frågan mäter.' },
        { field: 'items[1].options', message: 'Markera exakt ett rätt alternativ.' },
        { field: 'items[2].extra', message: 'Fältet finns inte här. Ta bort det.' },
        { field: 'items[3].digCompCode', message: 'Okänd DigComp-kompetens.' },
      ],
    });
    const ok = parseItems([{ ...base, key: 's1', kind: 'self_rating', textSv: ' Jag kan ', dimension: 'skills', digCompCode: '1.1' }], digComp);
    expect(ok).toEqual({ ok: true, items: [{ ...base, key: 's1', kind: 'self_rating', textSv: 'Jag kan', dimension: 'skills', digCompCode: '1.1' }] });
  });

  it('a then item must look back on a self-rating of the same dimension; keys are unique', () => {
    const result = parseItems(
      [
        { ...base, key: 's1', kind: 'self_rating', textSv: 'Jag kan', dimension: 'skills' },
        { ...base, key: 's1', kind: 'then', textSv: 'Innan', dimension: 'will', thenOf: 's1' },
      ],
      digComp,
    );
    expect(result.ok ? [] : result.problems.map((p) => p.field)).toEqual(['items[1].key', 'items[1].dimension']);
  });
});

describe('scoring', () => {
  it('swaps the parallel forms between before and after and repeats the before form at follow-up', () => {
    for (const person of ['p1', 'p2', 'p3', 'p4']) {
      const before = formFor(person, 'a1', CheckKind.Before);
      expect(formFor(person, 'a1', CheckKind.After)).toBe(before === 'A' ? 'B' : 'A');
      expect(formFor(person, 'a1', CheckKind.FollowUp)).toBe(before);
    }
  });

  it('shows each kind of check its own items, never observation items', () => {
    expect(itemsFor(ITEMS, CheckKind.Before, 'A').map((i) => i.key)).toEqual(['s1', 's2', 'w1', 'kA']);
    expect(itemsFor(ITEMS, CheckKind.After, 'B').map((i) => i.key)).toEqual(['s1', 's2', 't1', 'w1', 'kB', 'p1']);
    expect(itemsFor(ITEMS, CheckKind.FollowUp, 'A').map((i) => i.key)).toEqual(['s1', 's2', 'w1', 'kA', 'f1']);
  });

  it('reads answers strictly per kind of item', () => {
    expect(readAnswer(ITEMS[0], { rating: 3 })).toEqual({ ok: true, value: { rating: 3 } });
    expect(readAnswer(ITEMS[0], { rating: 0 })).toEqual({ ok: false, message: 'Välj ett av de fyra svaren.' });
    expect(readAnswer(ITEMS[0], { rating: 2, extra: 1 }).ok).toBe(false);
    expect(readAnswer(ITEMS[4], { options: ['a', 'b'] })).toEqual({ ok: false, message: 'Välj ett svar.' });
    expect(readAnswer(ITEMS[4], { options: ['z'] }).ok).toBe(false);
    expect(readAnswer(ITEMS[6], { choice: 'partly' })).toEqual({ ok: true, value: { choice: 'partly' } });
    expect(isCorrect(ITEMS[4], { options: ['a'] })).toBe(true);
    expect(isCorrect(ITEMS[4], { options: ['b'] })).toBe(false);
  });

  it('scores a person per dimension; declined answers count nowhere; the signal follows the threshold', () => {
    const scores = scorePerson(ITEMS, [
      { itemKey: 's1', declined: false, value: { rating: 1 } },
      { itemKey: 's2', declined: false, value: { rating: 2 } },
      { itemKey: 'w1', declined: true, value: null },
      { itemKey: 'kA', declined: false, value: { options: ['a'] } },
      { itemKey: 'o1', declined: false, value: { rating: 3 } },
    ]);
    expect(scores).toEqual({
      dimensions: { skills: 1, knowledge: 2 },
      selfRating: 1.5,
      knowledge: 1,
      then: {},
      observation: { skills: 3 },
    });
    expect(needsSupport(scores, 2)).toBe(true);
    expect(needsSupport(scores, 1.5)).toBe(false);
    expect(needsSupport({ ...scores, selfRating: 3, knowledge: 0.4 }, 2)).toBe(true);
  });
});

describe('aggregates', () => {
  it('pairs before and after per person and assignment and withholds groups below the minimum', () => {
    const response = (personId: string, kind: CheckKind, rating: number): ResponseData => ({
      responseId: `${personId}-${kind}`,
      personId,
      assignmentId: 'a1',
      kind,
      status: 'submitted',
      answers: [{ itemKey: 's1', declined: false, value: { rating } }],
    });
    const people = ['p1', 'p2', 'p3', 'p4', 'p5'];
    const invited = people.map((personId) => ({ personId, assignmentId: 'a1' }));
    const responses = people.flatMap((p, i) => [response(p, CheckKind.Before, 1 + (i % 2)), response(p, CheckKind.After, 3)]);
    const result = analyseGroup([ITEMS[0]], invited, responses, 5);
    // Before 1, 2, 1, 2, 1 (mean 1.4), after 3 for all: change 1.6.
    expect(result.dimensions).toHaveLength(1);
    expect(result.dimensions[0]).toMatchObject({ key: 'skills', invited: 5, pairs: 5, suppressed: false });
    expect(result.dimensions[0].meanChange).toBeCloseTo(1.6, 10);
    const fewer = analyseGroup([ITEMS[0]], invited.slice(0, 4), responses.slice(0, 8), 5);
    expect(fewer.dimensions[0]).toMatchObject({ suppressed: true, meanChange: null });
  });
});
