import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import {
  CheckAssignment,
  CheckCodePreview,
  CheckItemKind,
  CSRF_HEADER,
  CurrentUser,
  KIOSK_REFUSED,
  KioskCredential,
  KioskForm,
  KioskRoster,
  NOT_KIOSK,
} from '@kunna/contracts';
import { FIXTURE_PASSWORD, FixturePersonKey } from '../../api/src/test-support/fixture';
import { createTestApp, sql, TestApp } from '../../api/src/test-support/test-app';
import { MATRIX, RouteKey } from './authorization-matrix';
import { registeredRoutes } from './support/registered-routes';

jest.setTimeout(120_000);

/** The only routes a kiosk credential may call: its round's roster and answering, its own state, and leaving. */
const KIOSK_ROUTES: RouteKey[] = [
  'GET /api/checks/rounds/:roundId/roster',
  'POST /api/checks/rounds/:roundId/kiosk',
  'PUT /api/checks/kiosk/:responseId/items/:itemKey',
  'POST /api/checks/kiosk/:responseId/submit',
  'POST /api/checks/kiosk/:responseId/decline',
  // The recording of a question, in the language chosen on the tablet (translated check items).
  'GET /api/checks/kiosk/:responseId/audio/:itemKey/:language',
  'PUT /api/checks/kiosk/:responseId/language',
  'GET /api/kiosk',
  'POST /api/kiosk/leave',
];

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A cookie and CSRF token used the way a browser would: every request carries both. */
interface Device {
  cookie: string;
  csrf: string;
}

/**
 * The locked kiosk's credential (issue 16 item 5, issue 17 item 2): bound to one check round, refused by every
 * other route of the app (the list is read from the router, so a new route is covered without touching this file),
 * and by the same round's routes of any other round; leaving needs the starter's password.
 */
describe('the kiosk credential serves its round only (API)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const cookieOf = (response: request.Response) =>
    ([] as string[])
      .concat(response.headers['set-cookie'] ?? [])
      .map((cookie) => cookie.split(';')[0])
      .filter((cookie) => !cookie.endsWith('='))
      .join('; ');

  /** A fresh sign-in (not the test app's cached one: starting a kiosk ends the session it starts from). */
  const signIn = async (key: FixturePersonKey): Promise<Device> => {
    const response = await t.http().post('/api/auth/sign-in').send({ identifier: t.fixture.people[key].email, password: FIXTURE_PASSWORD });
    expect(response.status).toBe(200);
    return { cookie: cookieOf(response), csrf: (response.body as CurrentUser).csrfToken };
  };

  const call = (device: Device, method: Method, path: string, body?: object) => {
    const test = t.http()[method](path).set('Cookie', device.cookie).set(CSRF_HEADER, device.csrf);
    return method === 'get' ? test : test.send(body ?? {});
  };

  const startKiosk = async (roundId: string, key: FixturePersonKey = 'ambassadorU1') => {
    const ambassador = await signIn(key);
    const response = await call(ambassador, 'post', `/api/checks/rounds/${roundId}/kiosk-credential`);
    expect(response.status).toBe(200);
    const credential = response.body as KioskCredential;
    expect(credential.roundId).toBe(roundId);
    return { ambassador, kiosk: { cookie: cookieOf(response), csrf: credential.csrfToken } satisfies Device };
  };

  /** A second open round the same ambassador covers: another check in unit U1. */
  const secondRoundInU1 = async (): Promise<string> => {
    const ambassador = await t.as('ambassadorU1');
    const id = randomUUID();
    const created = await ambassador.post('/api/checks/assignments', {
      id,
      unitId: t.fixture.unitU1,
      instrumentVersionId: t.fixture.checks.versionA,
      title: 'Andra mätningen',
    });
    expect(created.status).toBe(201);
    const opened = await ambassador.post(`/api/checks/assignments/${id}/rounds`, { kind: 'before' });
    expect(opened.status).toBeLessThan(300);
    return ((await ambassador.get(`/api/checks/assignments/${id}`)).body as CheckAssignment).rounds.find((r) => r.kind === 'before')!.id;
  };

  const answerAll = async (device: Device, form: KioskForm) => {
    for (const question of form.questions) {
      const value =
        question.kind === CheckItemKind.Knowledge ? { options: ['a'] } : question.kind === CheckItemKind.PostSession ? { choice: 'yes' } : { rating: 2 };
      expect((await call(device, 'put', `/api/checks/kiosk/${form.responseId}/items/${question.key}`, { value })).status).toBe(200);
    }
  };

  it('is refused with 403 kioskCredential on every route of the app except the kiosk routes', async () => {
    const { kiosk } = await startKiosk(t.fixture.checks.roundU1);
    const routes = registeredRoutes(t.app.getHttpAdapter().getInstance() as Express);
    // The kiosk routes are all registered: a renamed one would otherwise drop out of both lists unnoticed.
    expect(KIOSK_ROUTES.filter((route) => !routes.includes(route))).toEqual([]);
    const wrong: string[] = [];
    for (const route of routes.filter((r) => !KIOSK_ROUTES.includes(r))) {
      const [method, template] = route.split(' ') as [string, string];
      // The matrix's own request for the route where it has one (real ids of the kiosk's organisation), else the
      // path with a made-up id in every parameter: the guard refuses before anything reads it.
      const spec = MATRIX[route];
      const matrixRequest = spec?.request(t.fixture, 'own', 'ambassador');
      const path = matrixRequest
        ? `${matrixRequest.path}${matrixRequest.query ? `?${new URLSearchParams(matrixRequest.query).toString()}` : ''}`
        : template.replace(/:[A-Za-z]+/g, randomUUID());
      const response = await call(kiosk, method.toLowerCase() as Method, path, matrixRequest?.body);
      if (response.status !== 403 || (response.body as { code?: string }).code !== KIOSK_REFUSED) wrong.push(`${route} → ${response.status}`);
    }
    expect(wrong).toEqual([]);
    // Still a working kiosk afterwards: nothing above ended it.
    expect((await call(kiosk, 'get', '/api/kiosk')).status).toBe(200);
  });

  it("lists its round's roster by first name and initial, and answers and submits for one person", async () => {
    const { kiosk } = await startKiosk(t.fixture.checks.roundU1);
    const state = await call(kiosk, 'get', '/api/kiosk');
    expect(state.status).toBe(200);
    expect((state.body as KioskCredential).roundId).toBe(t.fixture.checks.roundU1);

    const roster = await call(kiosk, 'get', `/api/checks/rounds/${t.fixture.checks.roundU1}/roster`);
    expect(roster.status).toBe(200);
    const people = (roster.body as KioskRoster).people;
    expect(people.length).toBeGreaterThan(0);
    for (const person of people) {
      expect(Object.keys(person).sort()).toEqual(['displayName', 'personId']);
      expect(person.displayName).toMatch(/^\S.* \S\.$/);
    }

    const staff = t.fixture.people.staffU1.id;
    const started = await call(kiosk, 'post', `/api/checks/rounds/${t.fixture.checks.roundU1}/kiosk`, { responseId: randomUUID(), personId: staff });
    expect(started.status).toBe(201);
    const form = started.body as KioskForm;
    expect(form.language).toBe('sv');
    // The person picks their language during their turn: kept on their account (and put back for the other tests).
    expect((await call(kiosk, 'put', `/api/checks/kiosk/${form.responseId}/language`, { preferredLanguage: 'ti' })).status).toBe(204);
    const [kept] = await sql<{ preferred_language: string }>(t, `select preferred_language from person where id = $1`, [staff]);
    expect(kept.preferred_language).toBe('ti');
    expect((await call(kiosk, 'put', `/api/checks/kiosk/${form.responseId}/language`, { preferredLanguage: 'sv' })).status).toBe(204);
    await answerAll(kiosk, form);
    const submitted = await call(kiosk, 'post', `/api/checks/kiosk/${form.responseId}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toEqual({ status: 'submitted' });

    // Declining is the other way to finish one person's answering.
    const other = people.find((p) => p.personId !== staff && p.personId !== t.fixture.people.managerU1.id)!;
    const second = (await call(kiosk, 'post', `/api/checks/rounds/${t.fixture.checks.roundU1}/kiosk`, { responseId: randomUUID(), personId: other.personId }))
      .body as KioskForm;
    expect((await call(kiosk, 'post', `/api/checks/kiosk/${second.responseId}/decline`)).body).toEqual({ status: 'declined' });
  });

  it('cannot read or submit another round, even one its starter runs', async () => {
    const roundB = await secondRoundInU1();
    const { kiosk } = await startKiosk(t.fixture.checks.roundU1);
    // A response in round B, started by the ambassador's own signed-in session (which may).
    const ambassador = await t.as('ambassadorU1');
    const formB = (await ambassador.post(`/api/checks/rounds/${roundB}/kiosk`, { responseId: randomUUID(), personId: t.fixture.people.staffU1.id }))
      .body as KioskForm;
    expect(formB.responseId).toBeDefined();

    const refusals = [
      await call(kiosk, 'get', `/api/checks/rounds/${roundB}/roster`),
      await call(kiosk, 'post', `/api/checks/rounds/${roundB}/kiosk`, { responseId: randomUUID(), personId: t.fixture.people.staffU1.id }),
      await call(kiosk, 'put', `/api/checks/kiosk/${formB.responseId}/items/s1`, { value: { rating: 1 } }),
      await call(kiosk, 'post', `/api/checks/kiosk/${formB.responseId}/submit`),
      await call(kiosk, 'post', `/api/checks/kiosk/${formB.responseId}/decline`),
    ];
    for (const response of refusals) {
      expect(response.status).toBe(403);
      expect((response.body as { code?: string }).code).toBe(KIOSK_REFUSED);
    }
    // Round B's response is untouched.
    const still = await ambassador.post(`/api/checks/kiosk/${formB.responseId}/decline`);
    expect(still.body).toEqual({ status: 'declined' });
  });

  it("ends the starter's own session on the device, and refuses a signed-in session its own routes", async () => {
    const { ambassador } = await startKiosk(t.fixture.checks.roundU1);
    expect((await call(ambassador, 'get', '/api/auth/me')).status).toBe(401);
    const signedIn = await signIn('ambassadorU1');
    for (const [method, path] of [
      ['get', '/api/kiosk'],
      ['post', '/api/kiosk/leave'],
    ] as const) {
      const response = await call(signedIn, method, path, { password: FIXTURE_PASSWORD });
      expect(response.status).toBe(403);
      expect((response.body as { code?: string }).code).toBe(NOT_KIOSK);
    }
  });

  it("is left only with the starter's password, which signs the starter in again on the device", async () => {
    const { kiosk } = await startKiosk(t.fixture.checks.roundU1);
    const wrong = await call(kiosk, 'post', '/api/kiosk/leave', { password: 'inte-rätt-lösenord' });
    expect(wrong.status).toBe(400);
    expect((wrong.body as { details: Array<{ field: string; code?: string }> }).details).toEqual([
      expect.objectContaining({ field: 'password', code: 'wrongPassword' }),
    ]);
    // A wrong password leaves the kiosk as it was.
    expect((await call(kiosk, 'get', '/api/kiosk')).status).toBe(200);

    const left = await call(kiosk, 'post', '/api/kiosk/leave', { password: FIXTURE_PASSWORD });
    expect(left.status).toBe(200);
    expect((left.body as CurrentUser).personId).toBe(t.fixture.people.ambassadorU1.id);
    const back: Device = { cookie: cookieOf(left), csrf: (left.body as CurrentUser).csrfToken };
    const me = await call(back, 'get', '/api/auth/me');
    expect(me.status).toBe(200);
    expect((me.body as CurrentUser).personId).toBe(t.fixture.people.ambassadorU1.id);
    // The kiosk credential is over.
    expect((await call(kiosk, 'get', '/api/kiosk')).status).toBe(401);
  });

  it('ends when its starter changes their password elsewhere', async () => {
    const { kiosk } = await startKiosk(t.fixture.checks.roundU1, 'managerU1');
    expect((await call(kiosk, 'get', '/api/kiosk')).status).toBe(200);
    const elsewhere = await signIn('managerU1');
    const changed = await call(elsewhere, 'put', '/api/auth/password', { currentPassword: FIXTURE_PASSWORD, newPassword: 'Gröna-tallar-vid-sjön-1987' });
    expect(changed.status).toBe(204);
    expect((await call(kiosk, 'get', '/api/kiosk')).status).toBe(401);
  });

  it('is not started by someone without a Kunna password (single sign-on only): leaving would be impossible', async () => {
    const ambassador = await signIn('ambassadorU1');
    const [{ hash }] = await sql<{ hash: string }>(t, `select password_hash as hash from credential where person_id = $1`, [t.fixture.people.ambassadorU1.id]);
    await sql(t, `update credential set password_hash = null where person_id = $1`, [t.fixture.people.ambassadorU1.id]);
    try {
      const refused = await call(ambassador, 'post', `/api/checks/rounds/${t.fixture.checks.roundU1}/kiosk-credential`);
      expect(refused.status).toBe(409);
      expect((refused.body as { code?: string }).code).toBe('kioskNeedsPassword');
      expect((await call(ambassador, 'get', '/api/auth/me')).status).toBe(200);
    } finally {
      await sql(t, `update credential set password_hash = $2 where person_id = $1`, [t.fixture.people.ambassadorU1.id, hash]);
    }
  });

  it('is not issued for a round the caller does not run', async () => {
    const staff = await signIn('staffU1');
    expect((await call(staff, 'post', `/api/checks/rounds/${t.fixture.checks.roundU1}/kiosk-credential`)).status).toBe(403);
    const ambassador = await signIn('ambassadorU1');
    expect([403, 404]).toContain((await call(ambassador, 'post', `/api/checks/rounds/${t.fixture.checks.roundU2}/kiosk-credential`)).status);
    // The refused ambassador is still signed in: only a started kiosk ends the session.
    expect((await call(ambassador, 'get', '/api/auth/me')).status).toBe(200);
  });
});

describe('what a QR link is for, before signing in (API)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('names the check and its workplace and the organisation to preselect, and nothing personal', async () => {
    const response = await t.http().get(`/api/checks/codes/${t.fixture.checks.codeU1.toLowerCase()}`);
    expect(response.status).toBe(200);
    const preview = response.body as CheckCodePreview;
    expect(Object.keys(preview).sort()).toEqual(['code', 'organisationId', 'organisationName', 'title', 'unitName']);
    expect(preview.code).toBe(t.fixture.checks.codeU1);
    expect(preview.organisationId).toBe(t.fixture.orgA);
    expect(preview.unitName.length).toBeGreaterThan(0);
  });

  it('answers 404 for an unknown or malformed code', async () => {
    expect((await t.http().get('/api/checks/codes/NOSUCH99')).status).toBe(404);
    expect((await t.http().get('/api/checks/codes/x')).status).toBe(404);
  });
});
