import { answerLanguage, fromAcceptLanguage, translateMessage } from './messages';

describe('fromAcceptLanguage', () => {
  it.each([
    ['sv-SE,sv;q=0.9,en-US;q=0.8,en;q=0.7', 'sv'],
    ['en-GB,en;q=0.9,sv;q=0.8', 'en'],
    ['en', 'en'],
    ['SV', 'sv'],
    // Order by quality, not by position; ties keep their order.
    ['sv;q=0.5, en;q=0.8', 'en'],
    ['en;q=0.5, sv;q=0.5', 'en'],
    // Languages Kunna does not speak are skipped; q=0 means "not this one".
    ['de-DE,de;q=0.9,en;q=0.5', 'en'],
    ['en;q=0, sv;q=0.1', 'sv'],
  ])('%s → %s', (header, expected) => {
    expect(fromAcceptLanguage(header)).toBe(expected);
  });

  it.each([[undefined], [''], ['de-DE,fr;q=0.5'], ['*'], ['en;q=0']])('%s names neither language', (header) => {
    expect(fromAcceptLanguage(header)).toBeNull();
  });
});

describe('answerLanguage', () => {
  it('takes the header first, then the person’s preference, then Swedish', () => {
    expect(answerLanguage('en', 'sv')).toBe('en');
    expect(answerLanguage('sv-SE', 'en')).toBe('sv');
    expect(answerLanguage('de', 'en')).toBe('en');
    expect(answerLanguage(undefined, undefined)).toBe('sv');
    expect(answerLanguage('fr', undefined)).toBe('sv');
  });
});

describe('translateMessage', () => {
  it('keeps Swedish as written', () => {
    expect(translateMessage('Hittades inte.', 'sv')).toBe('Hittades inte.');
  });

  it('translates exact messages and messages with values', () => {
    expect(translateMessage('Fel inloggningsuppgifter.', 'en')).toBe('Wrong sign-in details.');
    expect(translateMessage('För många felaktiga försök med nuvarande lösenord. Försök igen om 15 minuter.', 'en')).toBe(
      'Too many wrong attempts at the current password. Try again in 15 minutes.',
    );
    expect(translateMessage('För många misslyckade inloggningar. Försök igen om 1 minut eller be din chef om en ny kod.', 'en')).toBe(
      'Too many failed sign-ins. Try again in 1 minute, or ask your manager for a new code.',
    );
  });

  it('leaves a message it has no English for in Swedish', () => {
    expect(translateMessage('Något helt nytt.', 'en')).toBe('Något helt nytt.');
  });
});
