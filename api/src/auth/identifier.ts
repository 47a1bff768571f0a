/**
 * What a person typed to sign in, normalised once; the look-up and every throttle key use this value only.
 *
 * JavaScript's and PostgreSQL's case rules differ outside ASCII (`İ`, U+0130, lower-cases to `i̇` in JavaScript and
 * matched `i` in the database), so an e-mail written with a look-alike letter opened a fresh lock-out counter and
 * still found the person. Compatibility forms are folded first (NFKC: full-width `ｌ` is `l`), then lower-cased; an
 * e-mail that is not plain ASCII afterwards names nobody (Kunna's e-mail addresses are ASCII; international domains
 * are written in their `xn--` form).
 */
export interface SignInIdentifier {
  kind: 'email' | 'employeeNumber';
  /** E-mail: NFKC, lower case. Employee number: NFKC, as typed (numbers are matched exactly). */
  value: string;
  /** False when no account can have this identifier: looked up nowhere, still counted. */
  matchable: boolean;
}

const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;

export function normaliseIdentifier(typed: string): SignInIdentifier {
  const text = typed.normalize('NFKC').trim();
  if (!text.includes('@')) return { kind: 'employeeNumber', value: text, matchable: text.length > 0 };
  const folded = text.toLowerCase().normalize('NFKC');
  const at = folded.lastIndexOf('@');
  const matchable = PRINTABLE_ASCII.test(folded) && at > 0 && at < folded.length - 1;
  return { kind: 'email', value: folded, matchable };
}
