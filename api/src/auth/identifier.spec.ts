import { normaliseIdentifier } from './identifier';

describe('sign-in identifier normalisation', () => {
  it('folds case and compatibility forms of an e-mail to one value', () => {
    expect(normaliseIdentifier('  Lisa.Berg@Test.Example ')).toEqual({ kind: 'email', value: 'lisa.berg@test.example', matchable: true });
    expect(normaliseIdentifier('\uFF4Cisa.berg@test.example').value).toBe('lisa.berg@test.example');
  });

  it('an e-mail with a letter outside ASCII after folding (İ for i) names nobody', () => {
    expect(normaliseIdentifier('l\u0130sa.berg@test.example').matchable).toBe(false);
    expect(normaliseIdentifier('åsa@test.example').matchable).toBe(false);
    expect(normaliseIdentifier('a@').matchable).toBe(false);
  });

  it('keeps an employee number as typed, apart from compatibility forms and spaces', () => {
    expect(normaliseIdentifier(' A1004 ')).toEqual({ kind: 'employeeNumber', value: 'A1004', matchable: true });
    expect(normaliseIdentifier('\uFF21\uFF11\uFF10\uFF10\uFF14').value).toBe('A1004');
  });
});
