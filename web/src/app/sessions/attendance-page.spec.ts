import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AttendanceStatus, Role, ScopeType, SessionAttendance, SessionDetail } from '@kunna/contracts';
import { Feedback } from '../core/feedback';
import { createPage, expectCall, fail, grant, setUpPage, settle, textOf } from '../testing/page-testing';
import { AttendancePage } from './attendance-page';

const SESSION = {
  id: 's1',
  unit: { id: 'u1', name: 'Solgården' },
  module: { id: 'm1', title: 'Säkra lösenord' },
  moduleVersionId: 'v1',
  moduleVersionNumber: 2,
  title: 'Säkra lösenord',
  date: '2026-12-07',
  startTime: '14:00',
  durationMinutes: 30,
  startsAt: '2026-12-07T13:00:00Z',
  endsAt: '2026-12-07T13:30:00Z',
  place: 'Personalrummet',
  capacity: null,
  activityCategory: 'training',
  shift: null,
  audience: 'unitTeam',
  status: 'scheduled',
  cancelReason: null,
  seriesId: null,
  seriesPosition: null,
  programId: null,
  facilitators: [{ id: 'me', name: 'Test Testsson' }],
  invitedCount: 2,
  attendedCount: 0,
  markedCount: 0,
  revision: 1,
  note: null,
  facilitatorReason: null,
  invitedPersonIds: [],
  conflicts: [],
  canEdit: true,
} as unknown as SessionDetail;

const ATTENDANCE: SessionAttendance = {
  sessionId: 's1',
  durationMinutes: 30,
  rows: [
    {
      person: { id: 'p1', name: 'Anna Andersson', employeeNumber: '1001' },
      walkInName: null,
      walkIn: false,
      status: null,
      minutes: null,
      markId: null,
      recordedAt: null,
      recordedBy: null,
    },
    {
      person: { id: 'p2', name: 'Bo Berg', employeeNumber: '1002' },
      walkInName: null,
      walkIn: false,
      status: AttendanceStatus.Present,
      minutes: null,
      markId: 'mk1',
      recordedAt: '2026-12-07T13:05:00Z',
      recordedBy: { id: 'me', name: 'Test Testsson' },
    },
  ],
};

describe('AttendancePage', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    http = await setUpPage({ grants: [grant(Role.Ambassador, ScopeType.Unit, 'u1')] });
  });

  afterEach(() => http.verify());

  it('says it is loading, then shows the session and who is invited', async () => {
    const fixture = createPage(AttendancePage, { sessionId: 's1' });
    await settle(fixture);
    expect(textOf(fixture)).toContain('Laddar');

    expectCall(http, 'GET', 'sessions/s1').flush(SESSION);
    expectCall(http, 'GET', 'sessions/s1/attendance').flush(ATTENDANCE);
    await settle(fixture);

    const text = textOf(fixture);
    expect(text).toContain('Säkra lösenord');
    expect(text).toContain('Personalrummet');
    expect(text).toContain('Anna Andersson');
    expect(text).toContain('Bo Berg');
    expect(text).not.toContain('Laddar');
  });

  it("shows the server's message as an alert when the session cannot be read", async () => {
    const fixture = createPage(AttendancePage, { sessionId: 's1' });
    await settle(fixture);
    fail(expectCall(http, 'GET', 'sessions/s1'), 404, 'Tillfället finns inte.');
    fail(expectCall(http, 'GET', 'sessions/s1/attendance'), 404, 'Tillfället finns inte.');
    await settle(fixture);

    const alert = (fixture.nativeElement as HTMLElement).querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Tillfället finns inte.');
    expect(textOf(fixture)).not.toContain('Personalrummet');
  });

  it('cancels the session with a reason, shows it as cancelled and tells the user', async () => {
    const fixture = createPage(AttendancePage, { sessionId: 's1' });
    await settle(fixture);
    expectCall(http, 'GET', 'sessions/s1').flush(SESSION);
    expectCall(http, 'GET', 'sessions/s1/attendance').flush(ATTENDANCE);
    await settle(fixture);

    const page = fixture.nativeElement as HTMLElement;
    const reason = page.querySelector<HTMLTextAreaElement>('#cancel-reason');
    expect(reason).not.toBeNull();
    reason!.value = 'Sjukdom';
    reason!.dispatchEvent(new Event('input'));
    page.querySelector<HTMLFormElement>('.cancel-session form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(fixture);

    const update = expectCall(http, 'PATCH', 'sessions/s1');
    expect(update.request.body).toEqual({ cancelled: true, cancelReason: 'Sjukdom' });
    update.flush({ ...SESSION, status: 'cancelled', cancelReason: 'Sjukdom' });
    await settle(fixture);

    expect(textOf(fixture)).toContain('Tillfället är inställt.');
    expect(TestBed.inject(Feedback).current()?.text).toBe('Tillfället är inställt. De inbjudna meddelas.');
  });

  it('keeps the form and says why when the cancellation is refused', async () => {
    const fixture = createPage(AttendancePage, { sessionId: 's1' });
    await settle(fixture);
    expectCall(http, 'GET', 'sessions/s1').flush(SESSION);
    expectCall(http, 'GET', 'sessions/s1/attendance').flush(ATTENDANCE);
    await settle(fixture);

    const page = fixture.nativeElement as HTMLElement;
    const reason = page.querySelector<HTMLTextAreaElement>('#cancel-reason')!;
    reason.value = 'Sjukdom';
    reason.dispatchEvent(new Event('input'));
    page.querySelector<HTMLFormElement>('.cancel-session form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(fixture);
    fail(expectCall(http, 'PATCH', 'sessions/s1'), 409, 'Tillfället har redan börjat.');
    await settle(fixture);

    expect(page.querySelector('#cancel-reason-error')?.textContent).toContain('Tillfället har redan börjat.');
    expect(TestBed.inject(Feedback).current()).toBeNull();
  });
});
