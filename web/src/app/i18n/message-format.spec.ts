import { formatMessage, formatNumber, placeholderNames } from './message-format';

describe('formatMessage', () => {
  const sessions = '{count, plural, =0 {inga tillfällen} one {# tillfälle} other {# tillfällen}}';
  const sessionsEn = '{count, plural, =0 {no sessions} one {# session} other {# sessions}}';

  it('picks the Swedish plural form by Intl.PluralRules', () => {
    expect(formatMessage('sv-SE', sessions, { count: 0 })).toBe('inga tillfällen');
    expect(formatMessage('sv-SE', sessions, { count: 1 })).toBe('1 tillfälle');
    expect(formatMessage('sv-SE', sessions, { count: 2 })).toBe('2 tillfällen');
    expect(formatMessage('sv-SE', sessions, { count: 11 })).toBe('11 tillfällen');
    expect(formatMessage('sv-SE', sessions, { count: 21 })).toBe('21 tillfällen');
  });

  it('picks the English plural form by Intl.PluralRules', () => {
    expect(formatMessage('en-GB', sessionsEn, { count: 0 })).toBe('no sessions');
    expect(formatMessage('en-GB', sessionsEn, { count: 1 })).toBe('1 session');
    expect(formatMessage('en-GB', sessionsEn, { count: 2 })).toBe('2 sessions');
    expect(formatMessage('en-GB', sessionsEn, { count: 1.5 })).toBe('1.5 sessions');
  });

  it('writes # and {n, number} with the language’s digit grouping and decimal sign', () => {
    // Swedish groups with a (narrow) no-break space and writes a decimal comma; English a comma and a point.
    expect(formatMessage('sv-SE', sessions, { count: 1234 })).toBe('1\u00a0234 tillfällen');
    expect(formatMessage('en-GB', sessionsEn, { count: 1234 })).toBe('1,234 sessions');
    expect(formatMessage('sv-SE', '{share, number} timmar', { share: 2.5 })).toBe('2,5 timmar');
    expect(formatMessage('en-GB', '{share, number} hours', { share: 2.5 })).toBe('2.5 hours');
  });

  it('writes whole counts without decimals (never "11,00")', () => {
    expect(formatNumber('sv-SE', 11)).toBe('11');
    expect(formatNumber('en-GB', 11)).toBe('11');
    expect(formatNumber('sv-SE', 94)).toBe('94');
    expect(formatNumber('sv-SE', 0.125)).toBe('0,13');
  });

  it('accepts a count given as text (values from the API)', () => {
    expect(formatMessage('sv-SE', 'Försök igen om {minutes, plural, one {# minut} other {# minuter}}.', { minutes: '1' })).toBe('Försök igen om 1 minut.');
    expect(formatMessage('en-GB', 'Try again in {minutes, plural, one {# minute} other {# minutes}}.', { minutes: '15' })).toBe('Try again in 15 minutes.');
  });

  it('fills other values inside a plural form and leaves a value as given', () => {
    expect(formatMessage('sv-SE', '{count, plural, one {# rad i {file}} other {# rader i {file}}}', { count: 1, file: 'personal.csv' })).toBe(
      '1 rad i personal.csv',
    );
    expect(formatMessage('sv-SE', 'År {year}', { year: 2026 })).toBe('År 2026');
  });

  it('keeps a placeholder without a value visible, and never reads a value as a pattern', () => {
    expect(formatMessage('sv-SE', 'Hej {name}', {})).toBe('Hej {name}');
    expect(formatMessage('sv-SE', sessions, {})).toBe(sessions);
    expect(formatMessage('sv-SE', 'Hej {name}', { name: '{count} $&' })).toBe('Hej {count} $&');
  });

  it('names every value a text needs, plurals included', () => {
    expect(placeholderNames('{count, plural, one {# i {unit}} other {# i {unit}}} av {total, number}')).toEqual(['count', 'total', 'unit']);
  });
});

describe('formatMessage with values already written out', () => {
  it('reads a number written in the language’s own way, and keeps how it was written', () => {
    const hours = '{hours, plural, one {# timme} other {# timmar}}';
    expect(formatMessage('sv-SE', hours, { hours: '2,5' })).toBe('2,5 timmar');
    expect(formatMessage('sv-SE', hours, { hours: '1' })).toBe('1 timme');
    expect(formatMessage('sv-SE', hours, { hours: '1 234' })).toBe('1 234 timmar');
    expect(formatMessage('sv-SE', hours, { hours: 'många' })).toBe('många timmar');
  });
});
