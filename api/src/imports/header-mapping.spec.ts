import { normaliseHeader, suggestMapping } from './header-mapping';

describe('suggestMapping', () => {
  it('recognises the Swedish header names of an HR export', () => {
    const headers = [
      'Anställningsnummer',
      'Förnamn',
      'Efternamn',
      'E-post',
      'Befattning',
      'Anställningsform',
      'Startdatum',
      'Slutdatum',
      'Kön',
      'Enhetskod',
      'Enhet',
      'Område',
    ];
    expect(suggestMapping(headers)).toEqual({
      employeeNumber: 0,
      firstName: 1,
      lastName: 2,
      email: 3,
      roleTitle: 4,
      employmentType: 5,
      startDate: 6,
      endDate: 7,
      gender: 8,
      unitCode: 9,
      unitName: 10,
      areaName: 11,
    });
  });

  it('ignores case, punctuation, spaces and diacritics, and knows abbreviations and English names', () => {
    expect(suggestMapping(['ANST.NR', ' förnamn ', 'Last name', 'e-mail', 'Förvaltning', 'Unit code', 'Språk'])).toEqual({
      employeeNumber: 0,
      firstName: 1,
      lastName: 2,
      email: 3,
      areaName: 4,
      unitCode: 5,
      preferredLanguage: 6,
    });
    expect(normaliseHeader('Anst. nr')).toBe('anstnr');
  });

  it('uses each field once (the first matching column) and leaves unknown headers unmapped', () => {
    expect(suggestMapping(['Personnummer', 'Förnamn', 'Tilltalsnamn', 'Enhet'])).toEqual({ firstName: 1, unitName: 3 });
  });
});
