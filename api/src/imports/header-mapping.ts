import { IMPORT_FIELDS, ImportField } from '@kunna/contracts';

/**
 * Header names HR systems use for each field (Swedish first, then English), compared after
 * `normaliseHeader`: lower case, å/ä/ö folded to a/o, everything but letters and digits removed.
 * So "Anst.nr", "ANSTNR" and "Anst nr" all match `anstnr`.
 */
const SYNONYMS: Record<ImportField, string[]> = {
  employeeNumber: [
    'anställningsnummer',
    'anställningsnr',
    'anst.nr',
    'anstnr',
    'anst.nummer',
    'anställnings-id',
    'anställningsid',
    'personalnummer',
    'personalnr',
    'employee number',
    'employee no',
    'employee id',
    'employeenumber',
    'employeeid',
    'emp no',
  ],
  firstName: ['förnamn', 'tilltalsnamn', 'first name', 'firstname', 'given name'],
  lastName: ['efternamn', 'last name', 'lastname', 'surname', 'family name'],
  email: ['e-post', 'epost', 'e-postadress', 'epostadress', 'mejl', 'mejladress', 'mail', 'e-mail', 'email', 'email address'],
  roleTitle: ['befattning', 'befattningsnamn', 'yrkestitel', 'titel', 'tjänst', 'job title', 'title', 'position', 'role title'],
  employmentType: ['anställningsform', 'anställningstyp', 'anst.form', 'anstform', 'employment type', 'employment'],
  startDate: ['startdatum', 'anställningsdatum', 'anställd från', 'från och med', 'fr.o.m.', 'from', 'start date', 'startdate', 'start'],
  endDate: ['slutdatum', 'anställd till', 'till och med', 't.o.m.', 'tom', 'end date', 'enddate', 'end'],
  gender: ['kön', 'gender', 'sex'],
  preferredLanguage: ['språk', 'föredraget språk', 'language', 'preferred language'],
  unitCode: [
    'enhetskod',
    'enhets-id',
    'enhetsid',
    'enhetsnummer',
    'enhetsnr',
    'kostnadsställe',
    'kst',
    'ansvarskod',
    'ansvarsnummer',
    'unit code',
    'unitcode',
    'unit id',
  ],
  unitName: ['enhet', 'enhetsnamn', 'arbetsplats', 'unit', 'unit name', 'unitname', 'workplace'],
  areaName: ['område', 'förvaltning', 'verksamhetsområde', 'verksamhet', 'area', 'area name', 'department'],
};

export function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const LOOKUP: ReadonlyMap<string, ImportField> = (() => {
  const map = new Map<string, ImportField>();
  for (const field of IMPORT_FIELDS) {
    for (const synonym of SYNONYMS[field]) {
      const key = normaliseHeader(synonym);
      if (!map.has(key)) map.set(key, field);
    }
  }
  return map;
})();

/**
 * A best guess of which column holds which field, for the user to confirm. Each field and each column is
 * used at most once; the first matching column wins.
 */
export function suggestMapping(headers: string[]): Partial<Record<ImportField, number>> {
  const mapping: Partial<Record<ImportField, number>> = {};
  headers.forEach((header, index) => {
    const field = LOOKUP.get(normaliseHeader(header));
    if (field && mapping[field] === undefined) mapping[field] = index;
  });
  return mapping;
}
