import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CheckItemKind, CheckKind, KioskForm, KioskRoster } from '@kunna/contracts';
import { Session } from '../core/session';
import { createPage, expectCall, fail, setUpPage, settle, textOf } from '../testing/page-testing';
import { Kiosk } from './kiosk';

const ROSTER: KioskRoster = {
  roundId: 'r1',
  kind: CheckKind.Before,
  title: 'Säkra lösenord',
  unitName: 'Solgården',
  people: [
    { personId: 'p1', displayName: 'Anna A' },
    { personId: 'p2', displayName: 'Bo B' },
  ],
};

const FORM: KioskForm = {
  responseId: 'resp-1',
  language: 'sv',
  kind: CheckKind.Before,
  title: 'Säkra lösenord',
  questions: [{ key: 'q1', kind: CheckItemKind.SelfRating, textSv: 'Jag kan byta mitt lösenord.', textEn: null, multiple: false, options: [] }],
};

describe('Kiosk', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    http = await setUpPage();
    TestBed.inject(Session).kiosk.set({ roundId: 'r1', csrfToken: 'csrf', idleTimeoutSeconds: 900 });
  });

  afterEach(() => http.verify());

  it('says it is loading, then shows the round and the names to tap', async () => {
    const fixture = createPage(Kiosk);
    await settle(fixture);
    expect(textOf(fixture)).toContain('Laddar');
    expect(textOf(fixture)).not.toContain('Anna A');

    expectCall(http, 'GET', 'checks/rounds/r1/roster').flush(ROSTER);
    await settle(fixture);

    const text = textOf(fixture);
    expect(text).toContain('Säkra lösenord');
    expect(text).toContain('Solgården');
    expect(text).toContain('Tryck på ditt namn');
    const names = [...(fixture.nativeElement as HTMLElement).querySelectorAll('button.name')].map((button) => button.textContent?.trim());
    expect(names).toEqual(['Anna A', 'Bo B']);
    expect(text).not.toContain('Laddar');
  });

  it("shows the server's message and the way out when the round cannot be read", async () => {
    const fixture = createPage(Kiosk);
    await settle(fixture);
    fail(expectCall(http, 'GET', 'checks/rounds/r1/roster'), 404, 'Mätningen är stängd.');
    await settle(fixture);

    const page = fixture.nativeElement as HTMLElement;
    expect(page.querySelector('[role="alert"]')?.textContent).toContain('Mätningen är stängd.');
    expect(textOf(fixture)).toContain('Avsluta surfplatteläget');
    expect(page.querySelectorAll('button.name')).toHaveLength(0);
    expect(textOf(fixture)).not.toContain('Laddar');
  });

  it('starts the tapped person\'s turn, and "not me" goes back to the same names without reading them again', async () => {
    const fixture = createPage(Kiosk);
    await settle(fixture);
    expectCall(http, 'GET', 'checks/rounds/r1/roster').flush(ROSTER);
    await settle(fixture);

    const page = fixture.nativeElement as HTMLElement;
    page.querySelector<HTMLButtonElement>('button.name')!.click();
    await settle(fixture);
    const start = expectCall(http, 'POST', 'checks/rounds/r1/kiosk');
    expect(start.request.body).toMatchObject({ personId: 'p1' });
    start.flush(FORM);
    await settle(fixture);

    expect(textOf(fixture)).toContain('Hej Anna A!');
    expect(textOf(fixture)).toContain('Fråga 1 av 1');
    expect(textOf(fixture)).toContain('Jag kan byta mitt lösenord.');

    [...page.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent?.includes('Det är inte jag'))!.click();
    await settle(fixture);
    expect(textOf(fixture)).not.toContain('Hej Anna A!');
    expect([...page.querySelectorAll('button.name')].map((button) => button.textContent?.trim())).toEqual(['Anna A', 'Bo B']);
  });
});
