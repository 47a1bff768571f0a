import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ApiRoutes, PersonDetail, TodayOverview } from '@kunna/contracts';
import { ApiClient } from './api-client';

describe('ApiClient.call (typed from the endpoint table)', () => {
  let client: ApiClient;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    client = TestBed.inject(ApiClient);
    backend = TestBed.inject(HttpTestingController);
  });
  afterEach(() => backend.verify());

  it('fills in the route’s parameters, sends the body and the query, and answers the body', async () => {
    const moved = client.call('POST', ApiRoutes.people.move, {
      params: { personId: 'p 1/x' },
      body: { toUnitId: 'u2', date: '2026-12-07' },
      query: { dryRun: false, empty: '' },
    });
    const request = backend.expectOne((r) => r.url === '/api/people/p%201%2Fx/move');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ toUnitId: 'u2', date: '2026-12-07' });
    expect(request.request.params.get('dryRun')).toBe('false');
    expect(request.request.params.has('empty')).toBe(false);
    const person = { id: 'p1' } as PersonDetail;
    request.flush(person);
    const answer: PersonDetail = await moved;
    expect(answer).toEqual(person);
  });

  it('needs no options for a route without parameters or body', async () => {
    const overview = client.call('GET', ApiRoutes.today);
    const request = backend.expectOne('/api/today');
    expect(request.request.method).toBe('GET');
    request.flush({ roles: [] });
    const answer: TodayOverview = await overview;
    expect(answer).toEqual({ roles: [] });
  });

  it('refuses, at compile time, what the table does not declare', () => {
    // Only the types are checked here (web/tsconfig.spec.json); the calls are never made.
    const compileOnly = (): unknown[] => [
      // @ts-expect-error: the table has no PUT for people/:personId.
      client.call('PUT', ApiRoutes.people.one, { params: { personId: 'p1' } }),
      // @ts-expect-error: the route needs its personId.
      client.call('GET', ApiRoutes.people.one),
      // @ts-expect-error: moving a person needs a body.
      client.call('POST', ApiRoutes.people.move, { params: { personId: 'p1' } }),
      // @ts-expect-error: the answer is a PersonDetail, not a TodayOverview.
      client.call('GET', ApiRoutes.people.one, { params: { personId: 'p1' } }) satisfies Promise<TodayOverview>,
    ];
    expect(typeof compileOnly).toBe('function');
  });
});
