import { API_MESSAGES, ApiMessageCode } from '@kunna/contracts';
import { apiMessagesEn } from './api-messages.en';
import { apiMessagesSv } from './api-messages.sv';
import { translateApiError, translateMessages } from './api-messages';
import { formatMessage, placeholderNames } from './message-format';

const CODES = Object.keys(API_MESSAGES) as ApiMessageCode[];

describe('API message dictionaries', () => {
  it.each([
    ['Swedish', apiMessagesSv],
    ['English', apiMessagesEn],
  ])('%s has a text for every code of the catalogue, and no other', (_language, dictionary) => {
    expect(CODES.length).toBeGreaterThan(600);
    expect(CODES.filter((code) => !(dictionary[code] ?? '').trim())).toEqual([]);
    expect(Object.keys(dictionary).filter((code) => !(code in API_MESSAGES))).toEqual([]);
  });

  it('English is English: no text is left as the Swedish one (apart from names that read the same)', () => {
    const same = CODES.filter((code) => apiMessagesEn[code] === API_MESSAGES[code]);
    expect(same).toEqual([]);
  });

  it.each([
    ['Swedish', apiMessagesSv],
    ['English', apiMessagesEn],
  ])('%s uses only values the API sends with the message', (_language, dictionary) => {
    const unknown = CODES.flatMap((code) => {
      const sent = new Set(placeholderNames(API_MESSAGES[code]));
      return placeholderNames(dictionary[code])
        .filter((name) => !sent.has(name))
        .map((name) => `${code}: {${name}}`);
    });
    expect(unknown).toEqual([]);
  });

  it('every text fills completely with the values the API sends', () => {
    for (const [language, locale, dictionary] of [
      ['sv', 'sv-SE', apiMessagesSv],
      ['en', 'en-GB', apiMessagesEn],
    ] as const) {
      for (const code of CODES) {
        const values = Object.fromEntries(placeholderNames(API_MESSAGES[code]).map((name) => [name, '3']));
        expect({ language, code, text: formatMessage(locale, dictionary[code], values) }).not.toEqual({
          language,
          code,
          text: expect.stringMatching(/\{\w+[,}]/),
        });
      }
    }
  });

  it('translates an error body and its field messages; a message without a code stays as the API wrote it', async () => {
    const body = {
      statusCode: 429,
      message: 'För många misslyckade inloggningar. Försök igen om 1 minut eller be din chef om en ny kod.',
      messageCode: 'auth.tooManyFailedSignInsTry',
      messageParams: { minutes: '1', minutesWord: 'minut' },
      details: [{ field: 'x', message: 'Okänd text.' }],
    };
    expect(await translateApiError(body, 'en', 'en-GB')).toEqual({
      ...body,
      message: 'Too many failed sign-ins. Try again in 1 minute, or ask your manager for a new code.',
    });
    expect(await translateApiError(body, 'sv', 'sv-SE')).toEqual(body);
    expect(await translateApiError('text', 'en', 'en-GB')).toBe('text');
  });

  it('translates an import’s problems, in a 422 body and in a dry run’s answer', async () => {
    const problem = {
      line: 4,
      column: 80,
      columnName: 'Startdatum',
      code: 'invalid_date',
      message: '"5/1/2024" är inte ett giltigt datum. Skriv datum som ÅÅÅÅ-MM-DD, till exempel 2024-01-05.',
      messageCode: 'imports.notValidDateWriteDatesYyyy',
      messageParams: { text: '"5/1/2024"' },
    };
    const englishMessage = '"5/1/2024" is not a valid date. Write dates as YYYY-MM-DD, for example 2024-01-05.';
    expect(await translateMessages([problem], 'en', 'en-GB')).toEqual([{ ...problem, message: englishMessage }]);
    const body = (await translateApiError({ statusCode: 422, message: 'x', problems: [problem] }, 'en', 'en-GB')) as { problems: Array<{ message: string }> };
    expect(body.problems[0].message).toBe(englishMessage);
  });

  it('says the attachment types a library draft takes in English, "or" and all', async () => {
    const message = API_MESSAGES['library.fileTypeNotSupportedAttach'];
    const body = {
      statusCode: 400,
      message,
      messageCode: 'library.fileTypeNotSupportedAttach',
      details: [{ field: 'file', message, messageCode: 'library.fileTypeNotSupportedAttach' }],
    };
    const english = (await translateApiError(body, 'en', 'en-GB')) as typeof body;
    const text = 'The file type is not supported. Attach PDF, PNG, JPEG, Word (.docx), Excel (.xlsx) or PowerPoint (.pptx).';
    expect([english.message, english.details[0].message]).toEqual([text, text]);
  });

  it('puts the Swedish words the API sends as values into English: field names, roles, where a role applies', async () => {
    const body = {
      statusCode: 400,
      message: 'Uppgifterna är inte giltiga.',
      messageCode: 'common.detailsNotValid',
      details: [
        { field: 'title', message: 'Fyll i titel.', messageCode: 'library.fill', messageParams: { field: 'titel' } },
        { field: 'summary', message: 'Sammanfattning måste vara text.', messageCode: 'library.mustText', messageParams: { label: 'Sammanfattning' } },
        {
          field: 'scopeId',
          message: 'Rollen enhetschef gäller en enhet: välj en enhet.',
          messageCode: 'people.roleDoesNotApplyThereChoose',
          messageParams: { role: 'enhetschef', scopeType: 'gäller en enhet: välj en enhet' },
        },
        { field: 'x', message: 'Enheten Solgården är stängd.', messageCode: 'people.unitClosed', messageParams: { name: 'Solgården' } },
      ],
    };
    const english = (await translateApiError(body, 'en', 'en-GB')) as { details: Array<{ message: string }> };
    expect(english.details.map((detail) => detail.message)).toEqual([
      'Fill in title.',
      'Summary must be text.',
      'The role unit manager applies to a unit: choose a unit.',
      'The unit Solgården is closed.',
    ]);
    const swedish = (await translateApiError(body, 'sv', 'sv-SE')) as { details: Array<{ message: string }> };
    expect(swedish.details.map((detail) => detail.message)).toEqual(body.details.map((detail) => detail.message));
  });
});
