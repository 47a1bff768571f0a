import { groupBy } from './group-by';

describe('groupBy', () => {
  it('keeps every item once, under its key, in the original order', () => {
    const grouped = groupBy([3, 1, 4, 1, 5, 9, 2, 6], (n) => (n % 2 === 0 ? 'even' : 'odd'));
    expect([...grouped.keys()]).toEqual(['odd', 'even']);
    expect(grouped.get('odd')).toEqual([3, 1, 1, 5, 9]);
    expect(grouped.get('even')).toEqual([4, 2, 6]);
  });
});
