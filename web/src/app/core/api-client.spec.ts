import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ApiRoutes, ImportPreview, PersonDetail, PersonSummary, TodayOverview, WalkInCandidate } from '@kunna/contracts';
import { ChecksApi } from '../checks/checks-api';
import { InsightsApi } from '../insights/insights-api';
import { LibraryApi } from '../library/library-api';
import { NotificationsApi } from '../notifications/notifications-api';
import { SessionsApi } from '../sessions/sessions-api';
import { ApiClient, Page } from './api-client';

describe('ApiClient (typed from the endpoint table)', () => {
  let client: ApiClient;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    client = TestBed.inject(ApiClient);
    backend = TestBed.inject(HttpTestingController);
  });
  afterEach(() => backend.verify());

  it('fills in the route’s parameters and sends the body', async () => {
    const moved = client.call('POST', ApiRoutes.people.move, { params: { personId: 'p 1/x' }, body: { toUnitId: 'u2', date: '2026-12-07' } });
    const request = backend.expectOne((r) => r.url === '/api/people/p%201%2Fx/move');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ toUnitId: 'u2', date: '2026-12-07' });
    expect(request.request.params.keys()).toEqual([]);
    const person = { id: 'p1' } as PersonDetail;
    request.flush(person);
    const answer: PersonDetail = await moved;
    expect(answer).toEqual(person);
  });

  it('sends the declared query, leaving out empty values', async () => {
    const found = client.call('GET', ApiRoutes.sessions.walkInCandidates, { params: { sessionId: 's1' }, query: { q: 'Ann' } });
    const request = backend.expectOne((r) => r.url === '/api/sessions/s1/walk-in-candidates');
    expect(request.request.method).toBe('GET');
    expect(request.request.params.get('q')).toBe('Ann');
    request.flush([]);
    const answer: WalkInCandidate[] = await found;
    expect(answer).toEqual([]);

    void client.call('GET', ApiRoutes.checks.results, { query: { instrumentId: 'i1', unitId: '', areaId: undefined } });
    const results = backend.expectOne((r) => r.url === '/api/checks/results');
    expect(results.request.params.keys()).toEqual(['instrumentId']);
    results.flush({});
  });

  it('needs no options for a route without parameters, body or query', async () => {
    const overview = client.call('GET', ApiRoutes.today);
    const request = backend.expectOne('/api/today');
    expect(request.request.method).toBe('GET');
    request.flush({ roles: [] });
    const answer: TodayOverview = await overview;
    expect(answer).toEqual({ roles: [] });
  });

  it('sends a file upload as the form itself', async () => {
    const form = new FormData();
    form.append('file', new Blob(['a;b']), 'people.csv');
    const preview = client.call('POST', ApiRoutes.imports.preview, { body: form });
    const request = backend.expectOne('/api/imports/preview');
    expect(request.request.body).toBe(form);
    request.flush({ columns: [] });
    const answer: ImportPreview = await preview;
    expect(answer).toEqual({ columns: [] });
  });

  it('pages a list with the total from X-Total-Count, or the list’s length without it', async () => {
    const first = client.page(ApiRoutes.people.list, { query: { q: 'Ann', limit: 1, includeEnded: true } });
    const request = backend.expectOne((r) => r.url === '/api/people');
    expect(request.request.params.get('limit')).toBe('1');
    expect(request.request.params.get('includeEnded')).toBe('true');
    request.flush([{ id: 'p1' }], { headers: { 'X-Total-Count': '42' } });
    const page: Page<PersonSummary> = await first;
    expect(page).toEqual({ items: [{ id: 'p1' }], total: 42 });

    const second = client.page(ApiRoutes.people.list);
    backend.expectOne('/api/people').flush([{ id: 'p1' }, { id: 'p2' }]);
    expect((await second).total).toBe(2);
  });

  it('builds the address of a download or a redirect for a plain link', () => {
    expect(client.link(ApiRoutes.library.attachment, { params: { attachmentId: 'a 1' } })).toBe('/api/library/attachments/a%201');
    expect(client.link(ApiRoutes.insights.participantReport, { query: { format: 'csv', from: '2026-01-01', to: '' } })).toBe(
      '/api/insights/participant-report?format=csv&from=2026-01-01',
    );
    expect(client.link(ApiRoutes.auth.oidcStart)).toBe('/api/auth/oidc/start');
  });

  it('refuses, at compile time, what the table does not declare', () => {
    const personId = 'p1';
    // Only the types are checked here (web/tsconfig.spec.json, part of `npm test`'s type-check); the calls are never made.
    const compileOnly = (): unknown[] => [
      // @ts-expect-error: a hand-written path is not a route of the table.
      client.call('GET', `people/${personId}`),
      // @ts-expect-error: nor is a filled-in route: parameters go in `params`.
      client.call('GET', 'people/p1/move'),
      // @ts-expect-error: the table has no PUT for people/:personId.
      client.call('PUT', ApiRoutes.people.one, { params: { personId } }),
      // @ts-expect-error: the route needs its personId.
      client.call('GET', ApiRoutes.people.one),
      // @ts-expect-error: moving a person needs a body.
      client.call('POST', ApiRoutes.people.move, { params: { personId } }),
      // @ts-expect-error: the answer is a PersonDetail, not a TodayOverview.
      client.call('GET', ApiRoutes.people.one, { params: { personId } }) satisfies Promise<TodayOverview>,
      // @ts-expect-error: the table declares no query for a person.
      client.call('GET', ApiRoutes.people.one, { params: { personId }, query: { unitId: 'u1' } }),
      // @ts-expect-error: the results query needs its instrumentId.
      client.call('GET', ApiRoutes.checks.results, { query: {} }),
      // @ts-expect-error: a field the query type does not have.
      client.call('GET', ApiRoutes.people.list, { query: { page: 2 } }),
      // @ts-expect-error: only lists have pages.
      client.page(ApiRoutes.today),
      // @ts-expect-error: only downloads and redirects are links; JSON is fetched with `call`.
      client.link(ApiRoutes.people.list),
      // @ts-expect-error: there is no untyped call to fall back on.
      client.get<PersonDetail>(`people/${personId}`),
    ];
    expect(typeof compileOnly).toBe('function');
  });
});

describe('the feature services build their requests from the table', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
  });
  afterEach(() => backend.verify());

  it('sessions: clearing a mark is a DELETE with the device’s time in the query', async () => {
    const cleared = TestBed.inject(SessionsApi).clearMark('s1', 'm1', '2026-12-07T10:00:00.000Z');
    const request = backend.expectOne((r) => r.url === '/api/sessions/s1/attendance/m1');
    expect(request.request.method).toBe('DELETE');
    expect(request.request.params.get('clearedAt')).toBe('2026-12-07T10:00:00.000Z');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await expect(cleared).resolves.toBeNull();
  });

  it('sessions: the list asks for cancelled sessions only when wanted', () => {
    const sessions = TestBed.inject(SessionsApi);
    void sessions.list({ unitId: 'u1', includeCancelled: false });
    const without = backend.expectOne((r) => r.url === '/api/sessions');
    expect(without.request.params.keys()).toEqual(['unitId']);
    without.flush([]);
    void sessions.list({ includeCancelled: true });
    backend.expectOne((r) => r.url === '/api/sessions' && r.params.get('includeCancelled') === 'true').flush([]);
  });

  it('checks: opening a form is a POST with the page’s language in the query', () => {
    void TestBed.inject(ChecksApi).form('ABC123', 'en');
    const request = backend.expectOne((r) => r.url === '/api/checks/answer/ABC123');
    expect(request.request.method).toBe('POST');
    expect(request.request.params.get('language')).toBe('en');
    request.flush({});
  });

  it('insights: the team dashboard takes the period as its query', () => {
    void TestBed.inject(InsightsApi).team('u1', { from: '2026-01-01', to: '2026-06-30' });
    const request = backend.expectOne((r) => r.url === '/api/insights/units/u1/team');
    expect(request.request.method).toBe('GET');
    expect(request.request.params.get('from')).toBe('2026-01-01');
    expect(request.request.params.get('to')).toBe('2026-06-30');
    request.flush({});
  });

  it('insights and library: download links come from the table', () => {
    expect(TestBed.inject(InsightsApi).participantReportUrl('xlsx', {})).toBe('/api/insights/participant-report?format=xlsx');
    expect(TestBed.inject(LibraryApi).attachmentUrl('a1')).toBe('/api/library/attachments/a1');
  });

  it('notifications: the outbox is paged by limit and offset', async () => {
    const page = TestBed.inject(NotificationsApi).outbox(50);
    const request = backend.expectOne((r) => r.url === '/api/mail-outbox');
    expect(request.request.params.get('limit')).toBe('50');
    expect(request.request.params.get('offset')).toBe('50');
    request.flush([], { headers: { 'X-Total-Count': '60' } });
    await expect(page).resolves.toEqual({ items: [], total: 60 });
  });
});
