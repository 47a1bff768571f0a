import { DEMO_PASSWORD } from '../demo';
import { FIXTURE_PASSWORD } from '../test-support/fixture';
import { contextWords, passwordProblem, PasswordContext } from './password-policy';

/** The demo ambassador, as in README's table. */
const LEYLA: PasswordContext = {
  firstName: 'Leyla',
  lastName: 'Gustafsson',
  email: 'leyla.gustafsson@alvstad.example',
  employeeNumber: 'A1002',
  organisationName: 'Älvstads kommun',
};

describe('password policy', () => {
  it('refuses what the outside probe got accepted: the published demo password, season and place with a year, own e-mail and name, spaces', () => {
    const cases: Array<[string, string]> = [
      [DEMO_PASSWORD, 'personal'],
      ['Sommar2026', 'tooWeak'],
      ['Alvstad2026', 'personal'],
      ['Älvstad2026!', 'personal'],
      ['leyla.gustafsson@alvstad.example', 'personal'],
      ['LeylaGustafsson', 'personal'],
      ['          ', 'blank'],
    ];
    for (const [password, problem] of cases) expect([password, passwordProblem(password, LEYLA)]).toEqual([password, problem]);
  });

  it('still applies the length rule and the common-password list first', () => {
    expect(passwordProblem('kort', LEYLA)).toBe('tooShort');
    expect(passwordProblem('x'.repeat(129), LEYLA)).toBe('tooLong');
    expect(passwordProblem('qwertyuiop', LEYLA)).toBe('tooCommon');
  });

  it('accepts passphrases and the fixture password the tests set', () => {
    for (const password of ['Gröna-tallar-vid-sjön-7', 'correct horse battery staple', FIXTURE_PASSWORD, 'Första-lösen-2031']) {
      expect([password, passwordProblem(password, LEYLA)]).toEqual([password, null]);
    }
  });

  it('knows the person by name, e-mail parts, employee number and workplace, with and without Swedish letters', () => {
    expect(contextWords(LEYLA)).toEqual(
      expect.arrayContaining(['leyla', 'gustafsson', 'leyla.gustafsson@alvstad.example', 'alvstad', 'älvstads', 'älvstad', 'kommun', 'a1002']),
    );
  });
});
