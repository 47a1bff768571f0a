import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CatchUpOverview, ParticipationReport, SessionAttendance, SessionDetail, SessionSummary, SupportEntry, UnitDetail } from '@kunna/contracts';
import { expectAccessible, launchBrowser, newContext, PageProblems, pageProblems } from './browser';
import { account, signIn, sv } from './demo';

/** A tablet held upright (iPad-sized), touch. */
const TABLET = { viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
const UUID = '[0-9a-f-]{36}';

/** The date in Sweden `days` from now (sessions are planned in local time). */
function swedishDay(days: number): string {
  return new Date(Date.now() + days * 86400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}

/** The first date at least `minDays` ahead that falls on `weekday` (0 = Sunday). */
function nextWeekday(weekday: number, minDays: number): string {
  for (let days = minDays; days < minDays + 7; days++) {
    const date = swedishDay(days);
    if (new Date(`${date}T12:00:00Z`).getUTCDay() === weekday) return date;
  }
  throw new Error('unreachable');
}

/**
 * The rest of the ambassador's tool in a real browser: the full scheduling form (facilitators, invited people,
 * capacity, shift variants, conflicts before saving, a recorded reason for a facilitator without qualification), a
 * series following a program moved and cancelled from a session's page, catch-up and hours, individual support, the
 * printable sheet and its one-screen entry, and the attendance page reloaded without network (service worker).
 */
describe('planning sessions, follow-up and offline reload in the browser', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    ({ context, page, problems } = await newContext(browser, { ...TABLET, timezoneId: 'Europe/Stockholm' }));
  });
  afterEach(async () => {
    await context?.close();
  });

  const apiGet = async <T>(path: string, on: Page = page): Promise<T> => {
    const response = await on.request.get(path);
    expect(response.status()).toBe(200);
    return (await response.json()) as T;
  };

  /** Opens the scheduling form and waits until the unit's people are loaded. */
  const openForm = async (path = '/tillfallen/ny'): Promise<string> => {
    await page.goto(path);
    await page.getByRole('heading', { level: 1, name: sv.sessions.scheduleTitle }).waitFor();
    await page.getByRole('group', { name: sv.sessionsPlan.facilitators }).getByRole('checkbox').first().waitFor();
    // The unit is chosen once the organisation tree has arrived.
    await expect_(async () => (await page.getByLabel(sv.sessions.unit).inputValue()) !== '');
    return page.getByLabel(sv.sessions.unit).inputValue();
  };

  const sessionsAt = async (unitId: string, from: string, place: string): Promise<SessionSummary[]> =>
    (await apiGet<SessionSummary[]>(`/api/sessions?unitId=${unitId}&from=${from}&includeCancelled=true`)).filter((s) => s.place === place);

  it('schedules shift variants for selected people with two facilitators, shows conflicts first and records the reason', async () => {
    await signIn(page, account('Digitaliseringsombud'));
    const unitId = await openForm();
    const unit = await apiGet<UnitDetail>(`/api/units/${unitId}`);
    const mine = await apiGet<{ qualifications: Array<{ module: { title: string }; status: string }> }>('/api/ambassadors/me');
    const moduleTitle = mine.qualifications.find((q) => q.status === 'valid')?.module.title ?? '';
    expect(moduleTitle).not.toBe('');
    const manager = unit.managers[0];
    expect(manager).toBeDefined();
    const [first, second] = unit.staff.filter((person) => person.active && !unit.managers.some((m) => m.id === person.id));
    const date = swedishDay(22);
    const place = 'Dagrummet (e2e skift)';

    const moduleSelect = page.getByLabel(sv.sessions.module);
    await moduleSelect.locator('option', { hasText: moduleTitle }).waitFor({ state: 'attached' });
    await moduleSelect.selectOption({ label: moduleTitle });
    await page.getByLabel(sv.sessions.date).fill(date);
    await page.getByLabel(sv.sessions.duration).fill('20');
    await page.getByLabel(sv.sessions.place, { exact: true }).fill(place);
    await page.getByLabel(sv.sessionsPlan.capacity).fill('8');
    // Two facilitators: the ambassador (already chosen) and the unit's manager, who is not qualified for the module.
    const facilitators = page.getByRole('group', { name: sv.sessionsPlan.facilitators });
    expect(await facilitators.getByRole('checkbox').first().isChecked()).toBe(true);
    await facilitators.getByRole('checkbox', { name: manager.name }).check();
    // Two selected people.
    await page.getByRole('radio', { name: sv.sessionsPlan.inviteSelection }).check();
    const selection = page.getByRole('list', { name: sv.sessionsPlan.inviteSelection });
    await selection.getByRole('checkbox', { name: new RegExp(`^${first.firstName} ${first.lastName}`) }).check();
    await selection.getByRole('checkbox', { name: new RegExp(`^${second.firstName} ${second.lastName}`) }).check();
    // The same session for the day and the evening shift.
    await page.getByRole('checkbox', { name: sv.sessions.shifts.day, exact: true }).check();
    await page.getByLabel(sv.sessionsPlan.shiftTime.replace('{shift}', sv.sessions.shifts.day)).fill('07:05');
    await page.getByRole('checkbox', { name: sv.sessions.shifts.evening, exact: true }).check();
    await page.getByLabel(sv.sessionsPlan.shiftTime.replace('{shift}', sv.sessions.shifts.evening)).fill('19:05');

    // Saving first shows the conflicts: the manager is not qualified, so a reason is asked for.
    await page.getByRole('button', { name: sv.sessions.save, exact: true }).click();
    await page.getByText(sv.sessionsPlan.conflictsFound).waitFor();
    await page.getByText(sv.sessions.conflicts.facilitator_not_qualified.replace('{name}', manager.name)).waitFor();
    expect(await sessionsAt(unitId, date, place)).toEqual([]);
    await expectAccessible(page, 'schedule form with conflicts');
    await page.getByRole('button', { name: sv.sessions.save, exact: true }).click();
    await page.getByText(sv.sessionsPlan.reasonRequired).waitFor();
    expect(await sessionsAt(unitId, date, place)).toEqual([]);
    await page.getByLabel(sv.sessionsPlan.reason).fill('Chefen leder tillsammans med ombudet.');
    await page.getByRole('button', { name: sv.sessions.save, exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/tillfallen');

    const made = (await sessionsAt(unitId, date, place)).sort((a, b) => a.startTime.localeCompare(b.startTime));
    expect(made.map((s) => [s.date, s.startTime, s.shift, s.capacity, s.audience])).toEqual([
      [date, '07:05', 'day', 8, 'selection'],
      [date, '19:05', 'evening', 8, 'selection'],
    ]);
    const detail = await apiGet<SessionDetail>(`/api/sessions/${made[0].id}`);
    expect([...detail.invitedPersonIds].sort()).toEqual([first.id, second.id].sort());
    expect(detail.facilitators.map((f) => f.id)).toContain(manager.id);
    expect(detail.facilitators).toHaveLength(2);
    // The reason is its own field (not the note), on both shift variants, and shown on the session's page.
    expect(detail.facilitatorReason).toBe('Chefen leder tillsammans med ombudet.');
    expect(detail.note).toBeNull();
    expect((await apiGet<SessionDetail>(`/api/sessions/${made[1].id}`)).facilitatorReason).toBe('Chefen leder tillsammans med ombudet.');
    await page.goto(`/tillfallen/${made[0].id}/narvaro`);
    await page.getByText(`${sv.sessionsPlan.reasonShown}: Chefen leder tillsammans med ombudet.`).waitFor();

    // The same place at the same time again: the double booking is shown and nothing is saved until asked twice.
    await openForm();
    await moduleSelect.locator('option', { hasText: moduleTitle }).waitFor({ state: 'attached' });
    await moduleSelect.selectOption({ label: moduleTitle });
    await page.getByLabel(sv.sessions.date).fill(date);
    await page.getByLabel(sv.sessions.startTime).fill('07:10');
    await page.getByLabel(sv.sessions.duration).fill('20');
    await page.getByLabel(sv.sessions.place, { exact: true }).fill(place.toUpperCase());
    await page.getByRole('button', { name: sv.sessions.save, exact: true }).click();
    await page.getByText(sv.sessions.conflicts.place_double_booked.replace('{other}', `${moduleTitle}, ${date} 07:05, ${unit.unit.name}`)).waitFor();
    await page
      .getByText(/leder redan/)
      .first()
      .waitFor();
    expect(await sessionsAt(unitId, date, place.toUpperCase())).toEqual([]);
    expect(await pageProblems(page, problems)).toEqual([]);
  });

  it('creates "every other Tuesday, following a program" and moves and cancels occurrences from the session page', async () => {
    await signIn(page, account('Digitaliseringsombud'));
    const unitId = await openForm();
    const programs = await apiGet<Array<{ id: string; title: string; stepCount: number; archived: boolean }>>('/api/library/programs');
    const program = programs.find((candidate) => !candidate.archived && candidate.stepCount === 5) ?? programs.find((c) => !c.archived && c.stepCount > 1);
    expect(program).toBeDefined();
    const steps = program?.stepCount ?? 0;
    const firstDate = nextWeekday(2, 9);
    const place = 'Biblioteket (e2e serie)';

    const programSelect = page.getByLabel(sv.sessionsPlan.program);
    await programSelect.locator('option', { hasText: program?.title ?? '' }).waitFor({ state: 'attached' });
    await programSelect.selectOption(program?.id ?? '');
    expect(await page.getByLabel(sv.sessions.count).inputValue()).toBe(String(steps));
    await page.getByLabel(sv.sessions.date).fill(firstDate);
    await page.getByLabel(sv.sessions.startTime).fill('14:00');
    await page.getByLabel(sv.sessions.place, { exact: true }).fill(place);
    await page.getByLabel(sv.sessions.intervalWeeks).fill('2');
    await page.getByRole('button', { name: sv.sessions.checkConflicts }).click();
    await page.getByText(sv.sessions.noConflicts).or(page.getByText(sv.sessionsPlan.conflictsFound)).first().waitFor();
    if (await page.getByLabel(sv.sessionsPlan.reason).isVisible()) await page.getByLabel(sv.sessionsPlan.reason).fill('Ombudet går utbildningen samtidigt.');
    await page.getByRole('button', { name: sv.sessions.save, exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/tillfallen');

    const made = (await sessionsAt(unitId, firstDate, place)).sort((a, b) => (a.seriesPosition ?? 0) - (b.seriesPosition ?? 0));
    expect(made).toHaveLength(steps);
    const day = 86400_000;
    made.forEach((session, index) => {
      expect(session.seriesPosition).toBe(index + 1);
      expect(session.programId).toBe(program?.id);
      expect(session.startTime).toBe('14:00');
      expect((Date.parse(session.date) - Date.parse(firstDate)) / day).toBe(index * 14);
      expect(new Date(`${session.date}T12:00:00Z`).getUTCDay()).toBe(2);
    });

    // From the third session's page: move it and the rest of the series one week later.
    await page.goto(`/tillfallen/${made[2].id}/narvaro`);
    await page.getByRole('heading', { level: 1, name: new RegExp(sv.attendance.title) }).waitFor();
    await page.getByText(sv.sessionsPlan.seriesTitle.replace('{n}', '3')).click();
    await page.getByRole('radio', { name: sv.sessionsPlan.scopeFollowing }).check();
    await page.getByLabel(sv.sessionsPlan.shiftDays).fill('7');
    await expectAccessible(page, 'series panel on the session page');
    await page.getByRole('button', { name: sv.sessionsPlan.applyMove, exact: true }).click();
    // The toast, not the live announcer's copy of the same text (both are on the page within 100 ms of each other).
    await page.getByTestId('toast').filter({ hasText: sv.sessionsPlan.movedDone }).waitFor();
    const moved = await apiGet<{ sessions: SessionSummary[] }>(`/api/session-series/${made[0].seriesId}`);
    const dateOf = (position: number) => moved.sessions.find((s) => s.seriesPosition === position)?.date;
    expect(dateOf(1)).toBe(made[0].date);
    expect(dateOf(2)).toBe(made[1].date);
    for (let position = 3; position <= steps; position++) {
      expect((Date.parse(dateOf(position) ?? '') - Date.parse(made[position - 1].date)) / day).toBe(7);
    }

    // From the second session's page: cancel only that one.
    await page.goto(`/tillfallen/${made[1].id}/narvaro`);
    await page.getByText(sv.sessionsPlan.seriesTitle.replace('{n}', '2')).click();
    await page.getByRole('radio', { name: sv.sessionsPlan.actionCancel }).check();
    await page.locator('k-series-panel').getByLabel(sv.sessionCancel.reason).fill('Studiedag på enheten.');
    await page.getByRole('button', { name: sv.sessionsPlan.applyCancel, exact: true }).click();
    await page.getByTestId('toast').filter({ hasText: sv.sessionsPlan.cancelledDone }).waitFor();
    const after = await apiGet<{ sessions: SessionSummary[] }>(`/api/session-series/${made[0].seriesId}`);
    expect(after.sessions.filter((s) => s.status === 'cancelled').map((s) => [s.seriesPosition, s.cancelReason])).toEqual([[2, 'Studiedag på enheten.']]);
    expect(await pageProblems(page, problems)).toEqual([]);
  });

  it('lists catch-ups with one action to schedule them, shows hours per person and category, and logs individual support', async () => {
    await signIn(page, account('Digitaliseringsombud'));
    await page.goto('/tillfallen');
    await page.getByRole('link', { name: sv.sessionsPlan.followUpTitle }).click();
    await page.getByRole('heading', { level: 1, name: sv.sessionsPlan.followUpTitle }).waitFor();
    await expect_(async () => (await page.getByLabel(sv.sessions.unit).inputValue()) !== '');
    const unitId = await page.getByLabel(sv.sessions.unit).inputValue();
    const overview = await apiGet<CatchUpOverview>(`/api/sessions/units/${unitId}/catch-up`);
    const hours = await apiGet<ParticipationReport>(`/api/participation?unitId=${unitId}`);

    // Hours per person and activity category, as the API counts them.
    const someone = hours.people.find((p) => p.totalMinutes > 0);
    expect(someone).toBeDefined();
    const row = page.getByRole('row', { name: new RegExp(`^${someone?.person.name}`) });
    await row
      .getByRole('cell', { name: (someone!.totalMinutes / 60).toFixed(1), exact: true })
      .last()
      .waitFor();
    await page.getByRole('columnheader', { name: sv.sessions.categories.workplace_learning }).waitFor();
    await expectAccessible(page, 'catch-up and hours');

    // The demo series has absences: each missed module has one proposal, scheduled in one step with those people invited.
    expect(overview.proposals.length).toBeGreaterThan(0);
    const proposal = overview.proposals[0];
    await page.getByRole('link', { name: new RegExp(`^${sv.sessionsPlan.scheduleCatchUp}.*${escapeRegExp(proposal.module.title)}`) }).click();
    await page.getByRole('heading', { level: 1, name: sv.sessions.scheduleTitle }).waitFor();
    expect(await page.getByRole('radio', { name: sv.sessionsPlan.inviteSelection }).isChecked()).toBe(true);
    const selection = page.getByRole('list', { name: sv.sessionsPlan.inviteSelection });
    await selection.getByRole('checkbox').first().waitFor();
    await expect_(async () => (await selection.getByRole('checkbox', { checked: true }).count()) === proposal.personIds.length);
    expect(await page.getByLabel(sv.sessions.module).locator('option:checked').textContent()).toBe(proposal.module.title);

    // Individual support with a private note.
    await page.goto('/tillfallen/stod');
    await page.getByRole('heading', { level: 1, name: sv.sessionsPlan.supportTitle }).waitFor();
    const personSelect = page.getByLabel(sv.sessionsPlan.supportPerson);
    await personSelect.locator('option').nth(1).waitFor({ state: 'attached' });
    const personName = (await personSelect.locator('option').nth(1).textContent())?.trim() ?? '';
    await personSelect.selectOption({ label: personName });
    await page.getByLabel(sv.sessionsPlan.supportMinutes).fill('25');
    await page.getByLabel(sv.sessionsPlan.supportTopic).fill('Logga in i journalsystemet (e2e)');
    await page.getByLabel(sv.sessionsPlan.supportNotes).fill('Vill öva mer på lösenordshanteraren.');
    await page.getByRole('button', { name: sv.sessionsPlan.supportSave }).click();
    const logged = page
      .getByRole('region', { name: sv.sessionsPlan.supportMine })
      .locator(`[data-entry="${personName}"]`, { hasText: 'Logga in i journalsystemet (e2e)' });
    await logged.waitFor();
    await logged.getByText('Vill öva mer på lösenordshanteraren.').waitFor();
    await expectAccessible(page, 'individual support log');
    const entries = await apiGet<SupportEntry[]>(`/api/support-entries?unitId=${unitId}`);
    const entry = entries.find((e) => e.topic === 'Logga in i journalsystemet (e2e)');
    expect(entry).toMatchObject({ minutes: 25, person: { name: personName }, notes: 'Vill öva mer på lösenordshanteraren.' });

    // The unit's manager sees that support was given, never the note.
    const other = await newContext(browser, { timezoneId: 'Europe/Stockholm' });
    try {
      await signIn(other.page, account('Enhetschef'));
      const seen = (await apiGet<SupportEntry[]>(`/api/support-entries?unitId=${unitId}`, other.page)).find((e) => e.id === entry?.id);
      expect(seen).toMatchObject({ notes: null, notesHidden: true });
    } finally {
      await other.context.close();
    }
    expect(await pageProblems(page, problems)).toEqual([]);
  });

  it('prints a clean attendance sheet and enters its marks afterwards on one screen, once', async () => {
    await signIn(page, account('Digitaliseringsombud'));
    const today = await apiGet<SessionSummary[]>('/api/my-sessions');
    const session = today.find((s) => s.startTime === '14:00' && s.status === 'scheduled');
    expect(session).toBeDefined();
    const before = await apiGet<SessionAttendance>(`/api/sessions/${session?.id}/attendance`);
    const open = before.rows.filter((row) => row.person && !row.walkIn && row.status === null);
    expect(open.length).toBeGreaterThanOrEqual(3);

    await page.goto(`/tillfallen/${session?.id}/lista`);
    await page.getByRole('heading', { level: 1, name: new RegExp(sv.sheet.title) }).waitFor();
    await page.getByRole('cell', { name: open[0].person?.name }).waitFor();
    await expectAccessible(page, 'attendance sheet');
    // Printed: only the sheet (no menu, no buttons), on one A4 page.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.topbar').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: sv.sheet.print }).isVisible()).toBe(false);
    expect(await page.getByRole('table').isVisible()).toBe(true);
    const pdfBytes = await page.pdf({ format: 'A4' });
    const pdf = pdfBytes.toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    await page.emulateMedia({ media: 'screen' });

    await page.getByRole('link', { name: sv.sheet.enterMarks }).click();
    await page.waitForURL((url) => new RegExp(`^/tillfallen/${UUID}/for-in$`).test(url.pathname));
    await page.getByRole('heading', { level: 1, name: new RegExp(sv.sheetEntry.title) }).waitFor();
    const [a, b, c] = open.map((row) => row.person?.name ?? '');
    const choice = (name: string, status: string) =>
      page.getByRole('radio', { name: sv.attendance.marked.replace('{name}', name).replace('{status}', status) });
    await choice(a, sv.attendance.status.present).check();
    await choice(b, sv.attendance.status.absent).check();
    await choice(c, sv.attendance.status.partial).check();
    await page.getByLabel(sv.sheetEntry.minutesFor.replace('{name}', c)).fill('10');
    await page.getByLabel(sv.sheetEntry.minutesFor.replace('{name}', c)).blur();
    await page.getByLabel(sv.sheetEntry.walkInName.replace('{n}', '1')).fill('Papper Per');
    await expectAccessible(page, 'one-screen sheet entry');
    await page.getByRole('button', { name: sv.sheetEntry.save.replace('{count}', '4') }).click();
    await page.getByTestId('entry-status').getByText(sv.attendance.allSaved).waitFor({ timeout: 20000 });
    expect(await page.getByRole('button', { name: sv.sheetEntry.save.replace('{count}', '0') }).isDisabled()).toBe(true);

    // "Allt är sparat" can still be showing from before this save while its last request is on its way: read the
    // marks until all four have arrived (or 20 s have passed), then compare.
    let after = await apiGet<SessionAttendance>(`/api/sessions/${session?.id}/attendance`);
    const markOf = (name: string) => after.rows.filter((row) => (row.person?.name ?? row.walkInName) === name).map((row) => [row.status, row.minutes]);
    for (
      let waited = 0;
      waited < 20_000 && [a, b, c, 'Papper Per'].some((name) => markOf(name).length === 0 || markOf(name).some(([status]) => status === null));
      waited += 500
    ) {
      await page.waitForTimeout(500);
      after = await apiGet<SessionAttendance>(`/api/sessions/${session?.id}/attendance`);
    }
    expect(markOf(a)).toEqual([['present', null]]);
    expect(markOf(b)).toEqual([['absent', null]]);
    expect(markOf(c)).toEqual([['partial', 10]]);
    expect(markOf('Papper Per')).toEqual([['present', null]]);
    expect(await pageProblems(page, problems)).toEqual([]);
  });

  it('reloads the attendance page without network (service worker) and still takes marks, sent once when back online', async () => {
    await signIn(page, account('Digitaliseringsombud'));
    const today = await apiGet<SessionSummary[]>('/api/my-sessions');
    const session = today.find((s) => s.startTime === '14:00' && s.status === 'scheduled');
    expect(session).toBeDefined();
    const sessionId = session?.id ?? '';
    await page.goto(`/tillfallen/${sessionId}/narvaro`);
    await page.getByRole('heading', { level: 1, name: new RegExp(sv.attendance.title) }).waitFor();
    const list = page.getByRole('list', { name: sv.attendance.listLabel });
    await list.getByRole('button').first().waitFor();
    // The service worker (production build) takes over and stores the page and its data.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20000 });
    await expect_(() =>
      page.evaluate(async (id) => {
        const api = await caches.open('kunna-api-v1');
        const found = await Promise.all(
          ['/api/auth/me', `/api/sessions/${id}`, `/api/sessions/${id}/attendance`].map((path) => api.match(location.origin + path)),
        );
        const shell = await caches.open('kunna-shell-v1');
        return found.every(Boolean) && (await shell.match(location.origin + '/index.html')) !== undefined;
      }, sessionId),
    );
    const before = await apiGet<SessionAttendance>(`/api/sessions/${sessionId}/attendance`);
    const target = before.rows.find((row) => row.person && !row.walkIn && row.status === null);
    expect(target).toBeDefined();
    const name = target?.person?.name ?? '';

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: new RegExp(sv.attendance.title) }).waitFor();
    // The worker itself has no network either: an answer it has not stored fails.
    expect(
      await page.evaluate(() =>
        fetch('/api/sessions/00000000-0000-4000-8000-000000000000').then(
          () => 'network',
          () => 'offline',
        ),
      ),
    ).toBe('offline');
    await list.getByRole('button', { name: new RegExp(`^${name}`) }).click();
    const status = page.getByTestId('sync-status');
    await status.getByText('1 markering väntar på att skickas').waitFor();
    await expectAccessible(page, 'attendance page reloaded offline');

    await context.setOffline(false);
    await status.getByText(sv.attendance.allSaved).waitFor({ timeout: 20000 });
    await page.reload();
    await status.getByText(sv.attendance.allSaved).waitFor();
    const after = await apiGet<SessionAttendance>(`/api/sessions/${sessionId}/attendance`);
    expect(after.rows.filter((row) => row.person?.id === target?.person?.id).map((row) => row.status)).toEqual(['present']);
    expect((await pageProblems(page, problems)).filter((problem) => !/ERR_INTERNET_DISCONNECTED|ERR_FAILED/.test(problem))).toEqual([]);
  });
});

/** Waits until `check` is true (polling), or fails after 20 seconds. */
async function expect_(check: () => Promise<boolean> | boolean): Promise<void> {
  const until = Date.now() + 20000;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met within 20 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
