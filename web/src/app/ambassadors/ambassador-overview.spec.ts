import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AllocationKind, AmbassadorAppointment, CoverageFlag, CoverageTotals, Role, UnitCoverage } from '@kunna/contracts';
import { Feedback } from '../core/feedback';
import { today } from '../core/permissions';
import { createPage, expectCall, fail, grant, setUpPage, settle, textOf } from '../testing/page-testing';
import { AmbassadorOverview } from './ambassador-overview';
import { addDays } from './renewal';

const COVERAGE = [
  {
    unit: { id: 'u1', name: 'Solgården' },
    areaId: 'a1',
    areaName: 'Äldreomsorg',
    staffCount: 8,
    activeAmbassadors: [{ person: { id: 'p1', name: 'Anna Andersson' }, appointmentId: 'ap1', leavesOn: null }],
    staffPerAmbassador: 8,
    flags: [],
  },
  {
    unit: { id: 'u2', name: 'Björkbacken' },
    areaId: 'a1',
    areaName: 'Äldreomsorg',
    staffCount: 4,
    activeAmbassadors: [],
    staffPerAmbassador: null,
    flags: [CoverageFlag.NoAmbassador],
  },
] as unknown as UnitCoverage[];
const TOTALS: CoverageTotals = { staffCount: 12, activeAmbassadors: 1, staffPerAmbassador: 12 };
const APPOINTMENT = {
  id: 'ap1',
  person: { id: 'p1', name: 'Anna Andersson' },
  units: [{ id: 'u1', name: 'Solgården' }],
  allocationKind: AllocationKind.Percent,
  allocationValue: 10,
  startDate: '2026-01-01',
  endDate: null,
  note: null,
  active: true,
} as unknown as AmbassadorAppointment;

describe('AmbassadorOverview', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    http = await setUpPage({ grants: [grant(Role.Hr)] });
  });

  afterEach(() => http.verify());

  /** The page's first requests: coverage (shown and for the unit picker), totals, appointments, qualifications. */
  function answerLoads(coverage: (request: ReturnType<typeof expectCall>) => void = (request) => request.flush(COVERAGE)): void {
    const coverageCalls = http.match((request) => request.url === '/api/ambassadors/coverage');
    expect(coverageCalls).toHaveLength(2);
    coverageCalls.forEach(coverage);
    expectCall(http, 'GET', 'ambassadors/coverage-totals').flush(TOTALS);
    expectCall(http, 'GET', 'ambassadors/appointments').flush([APPOINTMENT]);
    expectCall(http, 'GET', 'ambassadors/qualifications').flush([]);
    // The qualification form's module list.
    expectCall(http, 'GET', 'library/modules').flush([]);
  }

  it('shows coverage per unit, the totals and the appointments once loaded', async () => {
    const fixture = createPage(AmbassadorOverview);
    await settle(fixture);
    expect(textOf(fixture)).toContain('Laddar');
    answerLoads();
    await settle(fixture);

    const text = textOf(fixture);
    expect(text).toContain('Solgården');
    expect(text).toContain('Björkbacken');
    expect(text).toContain('Anna Andersson');
    expect(text).not.toContain('Laddar');
    const units = [...(fixture.nativeElement as HTMLElement).querySelectorAll('select option')].map((option) => option.textContent?.trim());
    expect(units).toContain('Solgården (Äldreomsorg)');
  });

  it('says so in an alert when the coverage cannot be read', async () => {
    const fixture = createPage(AmbassadorOverview);
    await settle(fixture);
    answerLoads((request) => fail(request, 500));
    await settle(fixture);

    const alert = (fixture.nativeElement as HTMLElement).querySelector('[role="alert"]');
    expect(alert?.textContent?.trim()).toBe('Något gick fel. Försök igen.');
    expect(textOf(fixture)).not.toContain('Björkbacken');
  });

  it('ends an appointment, tells who and where, and reads the coverage again', async () => {
    const fixture = createPage(AmbassadorOverview);
    await settle(fixture);
    answerLoads();
    await settle(fixture);

    const page = fixture.nativeElement as HTMLElement;
    const endButton = [...page.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent?.includes('Anna Andersson'));
    expect(endButton).toBeDefined();
    endButton!.click();
    await settle(fixture);
    const submit = [...page.querySelectorAll<HTMLButtonElement>('.renew-form button')][0];
    submit.click();
    await settle(fixture);

    const update = expectCall(http, 'PATCH', 'ambassadors/appointments/ap1');
    expect(update.request.body).toEqual({ endDate: today() });
    update.flush({ ...APPOINTMENT, endDate: today() });
    await settle(fixture);

    expect(TestBed.inject(Feedback).current()?.text).toBe('Sparat: Anna Andersson: Solgården.');
    // Reloaded: the coverage, the totals and the appointments (the qualifications are unchanged).
    const again = http.match((request) => request.url === '/api/ambassadors/coverage');
    expect(again).toHaveLength(2);
    again.forEach((request) => request.flush(COVERAGE));
    expectCall(http, 'GET', 'ambassadors/coverage-totals').flush(TOTALS);
    expectCall(http, 'GET', 'ambassadors/appointments').flush([{ ...APPOINTMENT, endDate: addDays(today(), 0) }]);
    await settle(fixture);
    expect(textOf(fixture)).toContain('Anna Andersson');
  });

  it('keeps the appointment and shows the reason when ending it is refused', async () => {
    const fixture = createPage(AmbassadorOverview);
    await settle(fixture);
    answerLoads();
    await settle(fixture);

    const page = fixture.nativeElement as HTMLElement;
    [...page.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent?.includes('Anna Andersson'))!.click();
    await settle(fixture);
    page.querySelector<HTMLButtonElement>('.renew-form button')!.click();
    await settle(fixture);
    fail(expectCall(http, 'PATCH', 'ambassadors/appointments/ap1'), 400, 'Slutdatumet kan inte ligga före starten.');
    await settle(fixture);

    expect(page.querySelector('[role="alert"]')?.textContent).toContain('Slutdatumet kan inte ligga före starten.');
    expect(TestBed.inject(Feedback).current()).toBeNull();
  });
});
