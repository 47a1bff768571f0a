import { escapeLike } from '../../people';
import { changedFields } from '../organisation.service';
import { hasAtMostDecimals, isDateOnly } from '../../common/validation';

describe('isDateOnly', () => {
  it.each(['2025-01-31', '2024-02-29', '1900-01-01', '2199-12-31'])('accepts %s', (value) => {
    expect(isDateOnly(value)).toBe(true);
  });

  it.each([['2025-02-29'], ['2025-13-01'], ['2025-1-01'], ['2025-01-01T00:00:00Z'], ['1899-12-31'], ['2200-01-01'], [''], [20250101], [null]])(
    'rejects %p',
    (value) => {
      expect(isDateOnly(value)).toBe(false);
    },
  );
});

describe('escapeLike', () => {
  it('escapes LIKE wildcards and the escape character', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
    expect(escapeLike('Anna')).toBe('Anna');
  });
});

describe('changedFields', () => {
  it('names only the fields a partial update really changes', () => {
    expect(changedFields({ name: 'A', code: 'X', areaId: '1' }, { name: 'A', code: null, areaId: undefined })).toEqual(['code']);
  });
});

describe('hasAtMostDecimals', () => {
  it.each([0, 8, 0.25, 12.5, 0.1 + 0.2, 99.99, -3.5])('accepts %p with two decimals', (value) => {
    expect(hasAtMostDecimals(value, 2)).toBe(true);
  });

  it.each([[0.125], [2e-323], [1e-7], [Number.NaN], [Number.POSITIVE_INFINITY], [Number.MAX_VALUE], ['8'], [null]])('rejects %p without throwing', (value) => {
    expect(hasAtMostDecimals(value, 2)).toBe(false);
  });
});
