import { HttpTestingController } from '@angular/common/http/testing';
import { CheckKind, CompetenceDimension, MyChecks, MyCompetenceGap, Role, ScopeType } from '@kunna/contracts';
import { createPage, expectCall, fail, grant, setUpPage, settle, textOf } from '../testing/page-testing';
import { MyDevelopment } from './my-development';

const MINE: MyChecks = {
  pending: [{ code: 'ABC123', title: 'Säkra lösenord', kind: CheckKind.After, status: null }],
  results: [
    {
      assignmentId: 'as1',
      title: 'Digital vardag',
      unitName: 'Solgården',
      dimensions: [{ dimension: CompetenceDimension.Skills, before: 2, after: 3, followUp: null }],
      knowledge: { before: null, after: null, followUp: null },
      observed: [],
    },
  ],
};

const GAP: MyCompetenceGap = { profile: null, competences: [] };

describe('MyDevelopment', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    http = await setUpPage({ grants: [grant(Role.Staff, ScopeType.Unit, 'u1')] });
  });

  afterEach(() => http.verify());

  /** Shown with the results: the gap to the person's competence profile and the DigComp names it uses. */
  function answerGap(): void {
    expectCall(http, 'GET', 'insights/me/competence-gap').flush(GAP);
    expectCall(http, 'GET', 'library/digcomp').flush([]);
  }

  it('says it is loading, then shows the checks to answer and the before and after in words', async () => {
    const fixture = createPage(MyDevelopment);
    await settle(fixture);
    expect(textOf(fixture)).toContain('Laddar');

    expectCall(http, 'GET', 'checks/me').flush(MINE);
    await settle(fixture);
    answerGap();
    await settle(fixture);

    const text = textOf(fixture);
    expect(text).not.toContain('Laddar');
    expect(text).toContain('Mätningar att svara på');
    expect((fixture.nativeElement as HTMLElement).querySelector('a[href="/m/ABC123"]')?.textContent).toContain('Säkra lösenord');
    expect(text).toContain('Digital vardag');
    expect(text).toContain('Färdigheter');
    expect(text).toContain('Före: Jag kan göra det med hjälp');
    expect(text).toContain('Efter: Jag kan göra det själv');
    expect(text).toContain('Du har gått framåt.');
    expect(text).toContain('Din befattning har ingen kompetensprofil ännu.');
  });

  it('says so when the person has no results yet', async () => {
    const fixture = createPage(MyDevelopment);
    await settle(fixture);
    expectCall(http, 'GET', 'checks/me').flush({ pending: [], results: [] });
    await settle(fixture);
    answerGap();
    await settle(fixture);

    expect(textOf(fixture)).toContain('Du har inga resultat än.');
    expect(textOf(fixture)).not.toContain('Mätningar att svara på');
  });

  it('shows an alert and no results when they cannot be read', async () => {
    const fixture = createPage(MyDevelopment);
    await settle(fixture);
    fail(expectCall(http, 'GET', 'checks/me'), 500);
    await settle(fixture);

    const page = fixture.nativeElement as HTMLElement;
    expect(page.querySelector('[role="alert"]')?.textContent).toContain('Något gick fel. Försök igen.');
    expect(textOf(fixture)).not.toContain('Laddar');
    expect(textOf(fixture)).not.toContain('Du har inga resultat än.');
  });
});
