import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '../../common/errors';
import { STARTER_MODULES } from '../starter-library/load-starter-library';
import { CreateModuleDto, CreateProgramAssignmentDto, ModuleContentDto } from './library.dto';

const OPTIONS = { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true };

function errorsOf<T extends object>(type: new () => T, body: unknown) {
  return flattenValidationErrors(validateSync(plainToInstance(type, body) as object, OPTIONS));
}

const valid = () =>
  JSON.parse(JSON.stringify(STARTER_MODULES[0].content)) as Record<string, unknown> & {
    knowledgeItems: Array<Record<string, unknown>>;
  };

describe('ModuleContentDto', () => {
  it('accepts complete content', () => {
    expect(errorsOf(ModuleContentDto, valid())).toEqual([]);
  });

  it.each([
    ['an empty title', { title: '  ' }, 'title', 'Fyll i titel.'],
    ['DigComp codes that are not a list', { digCompCodes: '4.2' }, 'digCompCodes', 'DigComp-kompetenser måste vara en lista.'],
    ['a malformed DigComp code', { digCompCodes: ['9.9'] }, 'digCompCodes', 'DigComp-kompetens anges som område.nummer, t.ex. 4.2.'],
    ['a duration that is not a number', { durationMinutes: 'fyrtio' }, 'durationMinutes', 'Längd i minuter måste vara ett heltal.'],
    ['a too long duration', { durationMinutes: 600 }, 'durationMinutes', 'Längden får vara högst 480 minuter.'],
    [
      'an unknown competence dimension',
      { competenceDimensions: ['kunskap'] },
      'competenceDimensions',
      'Kompetensdimension måste vara knowledge, skills, ability eller will.',
    ],
    ['no target group', { targetGroups: [] }, 'targetGroups', 'Välj minst en målgrupp.'],
    ['an unknown field', { secret: 1 }, 'secret', 'Fältet finns inte här. Ta bort det.'],
    ['a repeat interval of zero', { repeatIntervalWeeks: 0 }, 'repeatIntervalWeeks', 'Repetition: minst 1 vecka.'],
  ])('refuses %s, naming the field', (_name, change, field, message) => {
    expect(errorsOf(ModuleContentDto, { ...valid(), ...change })).toEqual([{ field, message }]);
  });

  it.each([
    ['javascript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['mailto:it@kommun.example'],
    ['ftp://example.se/fil'],
    ['//example.se'],
    ['https://user:pass@example.se'],
  ])('refuses the link %s (http and https only)', (url) => {
    expect(errorsOf(ModuleContentDto, { ...valid(), links: [{ title: 'Länk', url }] })).toEqual([
      { field: 'links.0.url', message: 'Länken måste vara en fullständig webbadress som börjar med https:// eller http://.' },
    ]);
  });

  it('accepts http and https links', () => {
    expect(
      errorsOf(ModuleContentDto, {
        ...valid(),
        links: [
          { title: 'A', url: 'https://www.1177.se/' },
          { title: 'B', url: 'http://example.se' },
        ],
      }),
    ).toEqual([]);
  });

  it('names the nested field of a knowledge item', () => {
    const content = valid();
    content.knowledgeItems[1] = { ...content.knowledgeItems[1], options: [{ id: 'a', text: 'Bara ett' }] };
    expect(errorsOf(ModuleContentDto, content)).toEqual([{ field: 'knowledgeItems.1.options', message: 'Svarsalternativ: minst 2 st.' }]);
  });

  it('refuses knowledge items that are not objects and ids with other characters', () => {
    expect(errorsOf(ModuleContentDto, { ...valid(), knowledgeItems: ['fråga'] })).toEqual([
      { field: 'knowledgeItems', message: 'Kunskapsfrågor: varje post måste vara ett objekt.' },
    ]);
    const content = valid();
    content.knowledgeItems[0] = { ...content.knowledgeItems[0], id: 'fråga 1' };
    expect(errorsOf(ModuleContentDto, content)).toEqual([
      { field: 'knowledgeItems.0.id', message: 'Id får bara innehålla bokstäver a–z, siffror, - och _ (högst 64 tecken).' },
    ]);
  });

  it('lets a new knowledge item leave out its id', () => {
    const content = valid();
    delete content.knowledgeItems[0].id;
    expect(errorsOf(ModuleContentDto, content)).toEqual([]);
  });
});

describe('CreateModuleDto', () => {
  it('requires the content as an object', () => {
    expect(errorsOf(CreateModuleDto, { ownership: 'network' })).toEqual([{ field: 'content', message: 'Innehållet (content) saknas.' }]);
    expect(errorsOf(CreateModuleDto, { ownership: 'network', content: 'text' })).toEqual([{ field: 'content', message: 'Innehållet (content) saknas.' }]);
  });

  it('requires the ownership', () => {
    expect(errorsOf(CreateModuleDto, { ownership: 'region', content: valid() })).toEqual([
      { field: 'ownership', message: 'Välj om modulen delas i nätverket (network) eller är egen för organisationen (organisation).' },
    ]);
  });

  it('names fields inside the content', () => {
    expect(errorsOf(CreateModuleDto, { ownership: 'organisation', content: { ...valid(), title: '' } })).toEqual([
      { field: 'content.title', message: 'Fyll i titel.' },
    ]);
  });
});

describe('CreateProgramAssignmentDto', () => {
  it('checks the dates', () => {
    expect(errorsOf(CreateProgramAssignmentDto, { targetType: 'organisation', startDate: '2026-02-30' })).toEqual([
      { field: 'startDate', message: 'Startdatum måste vara ett datum (ÅÅÅÅ-MM-DD).' },
    ]);
  });
});
