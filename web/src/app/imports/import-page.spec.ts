import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture } from '@angular/core/testing';
import { ImportPreview, ImportResult, Role } from '@kunna/contracts';
import { createPage, expectCall, fail, grant, setUpPage, settle, textOf } from '../testing/page-testing';
import { ImportPage } from './import-page';

const PREVIEW: ImportPreview = {
  encoding: 'utf-8',
  delimiter: ';',
  headers: ['Anställningsnummer', 'Förnamn', 'Efternamn', 'Enhet'],
  suggestedMapping: { employeeNumber: 0, firstName: 1, lastName: 2, unitCode: 3 },
  sampleRows: [['1001', 'Anna', 'Andersson', 'SOL']],
  rowCount: 1,
};
const COUNTS = { created: 1, updated: 0, unchanged: 0, ended: 0, unitsCreated: 0 };

function button(fixture: ComponentFixture<unknown>, text: string): HTMLButtonElement {
  const found = [...(fixture.nativeElement as HTMLElement).querySelectorAll<HTMLButtonElement>('button')].find(
    (candidate) => candidate.textContent?.trim() === text,
  );
  if (!found) throw new Error(`No button "${text}" on the page: ${textOf(fixture)}`);
  return found;
}

/** Chooses a file in the file field as a user would. */
function chooseFile(fixture: ComponentFixture<unknown>): void {
  const input = (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>('#import-file')!;
  const file = new File(['Anställningsnummer;Förnamn;Efternamn;Enhet\n1001;Anna;Andersson;SOL\n'], 'personal.csv', { type: 'text/csv' });
  Object.defineProperty(input, 'files', { value: [file] });
  input.dispatchEvent(new Event('change'));
}

describe('ImportPage', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    http = await setUpPage({ grants: [grant(Role.Hr)] });
  });

  afterEach(() => http.verify());

  it('asks for a file before anything is sent', async () => {
    const fixture = createPage(ImportPage);
    await settle(fixture);
    button(fixture, 'Förhandsgranska').click();
    await settle(fixture);
    expect((fixture.nativeElement as HTMLElement).querySelector('#import-file-error')?.textContent?.trim()).toBe('Välj en fil först.');
  });

  it("shows the preview of the chosen file, then the server's reason when it refuses a file", async () => {
    const fixture = createPage(ImportPage);
    await settle(fixture);
    chooseFile(fixture);
    button(fixture, 'Förhandsgranska').click();
    await settle(fixture);
    expectCall(http, 'POST', 'imports/preview').flush(PREVIEW);
    await settle(fixture);
    expect(textOf(fixture)).toContain('Anställningsnummer');
    expect(textOf(fixture)).toContain('Andersson');

    button(fixture, 'Förhandsgranska').click();
    await settle(fixture);
    fail(expectCall(http, 'POST', 'imports/preview'), 400, 'Filen är tom.');
    await settle(fixture);
    expect((fixture.nativeElement as HTMLElement).querySelector('[role="alert"]')?.textContent).toContain('Filen är tom.');
  });

  it('test-runs with the suggested mapping, then imports and says it is saved', async () => {
    const fixture = createPage(ImportPage);
    await settle(fixture);
    chooseFile(fixture);
    button(fixture, 'Förhandsgranska').click();
    await settle(fixture);
    expectCall(http, 'POST', 'imports/preview').flush(PREVIEW);
    await settle(fixture);
    button(fixture, 'Nästa: koppla kolumner').click();
    await settle(fixture);

    button(fixture, 'Testkör (ingenting sparas)').click();
    await settle(fixture);
    const dryRun = expectCall(http, 'POST', 'imports/dry-run');
    const sent = dryRun.request.body as FormData;
    expect(JSON.parse(String(sent.get('options')))).toEqual({ mapping: { employeeNumber: 0, firstName: 1, lastName: 2, unitCode: 3 }, mode: 'partial' });
    dryRun.flush({ dryRun: true, ok: true, problems: [], counts: COUNTS } satisfies ImportResult);
    await settle(fixture);
    expect(textOf(fixture)).toContain('Inga problem hittades.');

    button(fixture, 'Kör importen').click();
    await settle(fixture);
    expectCall(http, 'POST', 'imports').flush({ dryRun: false, ok: true, problems: [], counts: COUNTS } satisfies ImportResult);
    await settle(fixture);
    const status = [...(fixture.nativeElement as HTMLElement).querySelectorAll('[role="status"]')].map((element) => element.textContent?.trim());
    expect(status).toContain('Importen är sparad.');
  });

  it("lists a test run's problems by kind and by line, and saves nothing", async () => {
    const fixture = createPage(ImportPage);
    await settle(fixture);
    chooseFile(fixture);
    button(fixture, 'Förhandsgranska').click();
    await settle(fixture);
    expectCall(http, 'POST', 'imports/preview').flush(PREVIEW);
    await settle(fixture);
    button(fixture, 'Nästa: koppla kolumner').click();
    await settle(fixture);
    button(fixture, 'Testkör (ingenting sparas)').click();
    await settle(fixture);
    const problems = [
      { line: 2, column: 4, columnName: 'Enhet', code: 'unknownUnit', message: 'Enheten SOL finns inte.' },
      { line: 3, column: 4, columnName: 'Enhet', code: 'unknownUnit', message: 'Enheten BJÖ finns inte.' },
    ];
    expectCall(http, 'POST', 'imports/dry-run').flush({ dryRun: true, ok: false, problems, counts: COUNTS });
    await settle(fixture);

    const page = fixture.nativeElement as HTMLElement;
    expect(page.querySelector('k-import-problems [role="alert"]')?.textContent?.trim()).toBe(
      '2 problem på 2 rader. Importen kan inte köras förrän de är rättade.',
    );
    expect(textOf(fixture)).toContain('Enheten SOL finns inte.');
    expect(textOf(fixture)).toContain('Enheten BJÖ finns inte.');
    expect(page.querySelectorAll('k-import-problems tbody tr')).toHaveLength(2);
    expect(() => button(fixture, 'Kör importen')).toThrow();
  });
});
