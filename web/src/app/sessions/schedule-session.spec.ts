import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, Router, convertToParamMap } from '@angular/router';
import { ConflictKind, ModuleSummary, OrganisationTree, Role, SessionAudience, UnitDetail } from '@kunna/contracts';
import { Feedback } from '../core/feedback';
import { Landing, createPage, expectCall, fail, grant, setUpPage, settle, textOf } from '../testing/page-testing';
import { ScheduleSession } from './schedule-session';

const TREE = {
  organisation: { id: 'org-1', name: 'Testkommunen' },
  staffCount: 12,
  areas: [
    {
      id: 'a1',
      name: 'Äldreomsorg',
      kind: 'area',
      staffCount: 12,
      units: [
        { id: 'u1', organisationId: 'org-1', areaId: 'a1', name: 'Solgården', code: null, staffCount: 8, managers: [] },
        { id: 'u2', organisationId: 'org-1', areaId: 'a1', name: 'Björkbacken', code: null, staffCount: 4, managers: [] },
      ],
    },
  ],
} as unknown as OrganisationTree;

const MODULES = [
  {
    id: 'm1',
    title: 'Säkra lösenord',
    durationMinutes: 45,
    latestPublished: { versionId: 'v1', versionNumber: 1, publishedAt: '2026-01-01T00:00:00Z' },
    archived: false,
  },
  {
    id: 'm2',
    title: 'Arkiverad modul',
    durationMinutes: 30,
    latestPublished: { versionId: 'v2', versionNumber: 1, publishedAt: '2026-01-01T00:00:00Z' },
    archived: true,
  },
] as unknown as ModuleSummary[];

const UNIT = {
  unit: TREE.areas[0].units[0],
  areaName: 'Äldreomsorg',
  organisationName: 'Testkommunen',
  staff: [],
  joining: [],
  ambassadors: [],
  managers: [],
} as unknown as UnitDetail;

describe('ScheduleSession', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    http = await setUpPage({ grants: [grant(Role.Hr)], routes: [{ path: 'tillfallen', component: Landing }] });
  });

  afterEach(() => http.verify());

  async function loaded() {
    const fixture = createPage(ScheduleSession);
    await settle(fixture);
    expectCall(http, 'GET', 'organisation/tree').flush(TREE);
    expectCall(http, 'GET', 'library/modules').flush(MODULES);
    expectCall(http, 'GET', 'library/programs').flush([]);
    await settle(fixture);
    // The first unit is chosen once the tree is here: its staff and programs follow.
    expectCall(http, 'GET', 'units/u1').flush(UNIT);
    expectCall(http, 'GET', 'library/units/u1/programs').flush([]);
    await settle(fixture);
    return fixture;
  }

  /** Submits the form; the page checks for conflicts first (none here) and then saves. */
  async function submit(fixture: Awaited<ReturnType<typeof loaded>>): Promise<void> {
    (fixture.nativeElement as HTMLElement).querySelector<HTMLFormElement>('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(fixture);
    expectCall(http, 'POST', 'session-conflicts').flush([]);
    await settle(fixture);
  }

  function select(fixture: { nativeElement: HTMLElement }, id: string, value: string): void {
    const element = fixture.nativeElement.querySelector<HTMLSelectElement>(`#${id}`)!;
    element.value = value;
    element.dispatchEvent(new Event('change'));
  }

  it("offers the units and the usable modules once they are loaded, and takes the module's length", async () => {
    const fixture = await loaded();
    const page = fixture.nativeElement as HTMLElement;
    const units = [...page.querySelectorAll<HTMLOptionElement>('#s-unit option')].map((option) => option.textContent?.trim());
    expect(units).toEqual(['Solgården', 'Björkbacken']);
    const modules = [...page.querySelectorAll<HTMLOptionElement>('#s-module option')].map((option) => option.textContent?.trim());
    expect(modules).toContain('Säkra lösenord');
    expect(modules).not.toContain('Arkiverad modul');

    select(fixture, 's-module', 'm1');
    await settle(fixture);
    expect(page.querySelector<HTMLInputElement>('#s-duration')?.value).toBe('45');
  });

  it('chooses the module named in the address (a catch-up proposal) once the modules arrive, with its length', async () => {
    const address = { snapshot: { queryParamMap: convertToParamMap({ moduleId: 'm1' }) } };
    http = await setUpPage({
      grants: [grant(Role.Hr)],
      routes: [{ path: 'tillfallen', component: Landing }],
      providers: [{ provide: ActivatedRoute, useValue: address }],
    });
    const fixture = await loaded();
    const page = fixture.nativeElement as HTMLElement;
    expect(page.querySelector<HTMLSelectElement>('#s-module')?.selectedOptions[0]?.textContent?.trim()).toBe('Säkra lösenord');
    expect(page.querySelector<HTMLInputElement>('#s-duration')?.value).toBe('45');
  });

  it("loads the chosen unit's staff when another unit is chosen", async () => {
    const fixture = await loaded();
    select(fixture, 's-unit', 'u2');
    await settle(fixture);
    expectCall(http, 'GET', 'units/u2').flush({ ...UNIT, unit: TREE.areas[0].units[1] });
    expectCall(http, 'GET', 'library/units/u2/programs').flush([]);
    await settle(fixture);
    expect((fixture.nativeElement as HTMLElement).querySelector<HTMLSelectElement>('#s-unit')?.value).toBe('u2');
  });

  it("shows the server's field message and an alert when saving is refused", async () => {
    const fixture = await loaded();
    const page = fixture.nativeElement as HTMLElement;
    await submit(fixture);
    fail(expectCall(http, 'POST', 'sessions'), 400, 'Kontrollera fälten.', [{ field: 'moduleId', message: 'Välj en modul.' }]);
    await settle(fixture);

    expect(page.querySelector('[role="alert"]')?.textContent?.trim()).toBe('Rätta uppgifterna som är markerade.');
    expect(textOf(fixture)).toContain('Välj en modul.');
    expect(TestBed.inject(Router).url).toBe('/');
  });

  it('saves the session, lands on the sessions page and says when it is', async () => {
    const fixture = await loaded();
    select(fixture, 's-module', 'm1');
    await settle(fixture);
    await submit(fixture);

    const create = expectCall(http, 'POST', 'sessions');
    expect(create.request.body).toMatchObject({ unitId: 'u1', moduleId: 'm1', durationMinutes: 45, audience: SessionAudience.UnitTeam });
    create.flush({ id: 's9', unit: { id: 'u1', name: 'Solgården' }, title: 'Säkra lösenord', date: '2026-12-08', startTime: '14:00' });
    await settle(fixture);

    expect(TestBed.inject(Router).url).toBe('/tillfallen?enhet=u1&sparat=s9');
    expect(TestBed.inject(Feedback).current()?.text).toMatch(/^Tillfället är sparat: .+ kl\. 14:00\.$/);
  });

  it('shows the conflicts found before saving, and saves nothing until asked again', async () => {
    const fixture = await loaded();
    (fixture.nativeElement as HTMLElement).querySelector<HTMLFormElement>('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(fixture);
    expectCall(http, 'POST', 'session-conflicts').flush([
      {
        kind: ConflictKind.FacilitatorDoubleBooked,
        person: { id: 'me', name: 'Test Testsson' },
        otherSession: { id: 's2', title: 'Trygghetslarm', unit: { id: 'u2', name: 'Björkbacken' }, date: '2026-12-08', startTime: '14:00' },
        message: '',
      },
    ]);
    await settle(fixture);

    const status = (fixture.nativeElement as HTMLElement).querySelector('k-session-conflicts [role="status"]');
    expect(status?.textContent).toContain('Det finns krockar. Ändra något, eller spara igen för att spara ändå.');
    expect(status?.textContent).toContain('Test Testsson');
    expect(status?.textContent).toContain('Trygghetslarm, 2026-12-08 14:00, Björkbacken');
  });
});
