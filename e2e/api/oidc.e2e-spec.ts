import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { CSRF_HEADER } from '@kunna/contracts';
import { FIXTURE_PASSWORD } from '../../api/src/test-support/fixture';
import { createTestApp, TestApp } from '../../api/src/test-support/test-app';
import { sql } from './people-test-helpers';

const CLIENT_ID = 'kunna-test';
const CLIENT_SECRET = 'kunna-test-secret-0123456789';
const PUBLIC_URL = 'http://kunna.test.example';
const REDIRECT_URI = `${PUBLIC_URL}/api/auth/oidc/callback`;

/** A minimal cookie jar for the provider's own cookies (names are unique enough there to ignore paths). */
class Jar {
  private readonly cookies = new Map<string, string>();
  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** The claims the provider hands out for the account typed into its login form (see oidc-test-provider.mjs). */
const account = (claims: Record<string, unknown>) => Buffer.from(JSON.stringify(claims)).toString('base64url');

/** The test provider's process and issuer URL. */
async function startProvider(): Promise<{ process: ChildProcess; issuer: string }> {
  const child = spawn(process.execPath, [path.join(__dirname, 'support/oidc-test-provider.mjs'), CLIENT_ID, CLIENT_SECRET, REDIRECT_URI], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const issuer = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the test provider stopped (${code})`)));
    createInterface({ input: child.stdout }).once('line', (line) => resolve((JSON.parse(line) as { issuer: string }).issuer));
  });
  return { process: child, issuer };
}

const sessionCookieOf = (response: { headers: Record<string, unknown> }) =>
  ([] as string[])
    .concat((response.headers['set-cookie'] as string[] | undefined) ?? [])
    .map((cookie) => cookie.split(';')[0])
    .find((cookie) => /^kunna_session=./.test(cookie));

/**
 * From the API's start route through the provider's login form back to the API's callback. Returns
 * the callback's answer (and the cookies it set); `tamper` may change the callback's query first.
 */
async function signInThroughProvider(t: TestApp, issuer: string, login: string, tamper?: (query: URLSearchParams) => void) {
  const start = await t.http().get('/api/auth/oidc/start');
  expect(start.status).toBe(302);
  const pendingCookie = ([] as string[]).concat(start.headers['set-cookie'] ?? []).map((cookie) => cookie.split(';')[0]);
  const authorize = new URL(start.headers['location']);
  expect(authorize.origin).toBe(issuer);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize.searchParams.get('state')).toBeTruthy();
  expect(authorize.searchParams.get('nonce')).toBeTruthy();

  const jar = new Jar();
  const visit = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers ?? {}), cookie: jar.header() } });
    jar.store(response);
    return response;
  };
  let response = await visit(authorize.href);
  let callback: URL | null = null;
  for (let step = 0; step < 10 && !callback; step++) {
    if (response.status >= 300 && response.status < 400) {
      const next = new URL(response.headers.get('location')!, issuer);
      if (next.href.startsWith(REDIRECT_URI)) callback = next;
      else response = await visit(next.href);
    } else if (response.status === 200) {
      // The provider's login form: any password; the login names the account (and so the claims).
      const html = await response.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (!action || !html.includes('name="login"')) throw new Error(`unexpected provider page: ${html.slice(0, 300)}`);
      response = await visit(new URL(action, issuer).href, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString(),
      });
    } else {
      throw new Error(`provider answered ${response.status}: ${await response.text()}`);
    }
  }
  if (!callback) throw new Error('the provider never redirected back');
  tamper?.(callback.searchParams);
  return t.http().get(`${callback.pathname}?${callback.searchParams}`).set('Cookie', pendingCookie.join('; '));
}

/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider, in a child process on a loopback
 * port): the whole authorization code flow through HTTP, redirects followed by hand and the provider's
 * login form submitted, into the API's callback.
 */
describe('single sign-on (OpenID Connect)', () => {
  let provider: ChildProcess;
  let issuer: string;
  let t: TestApp;

  beforeAll(async () => {
    ({ process: provider, issuer } = await startProvider());
    t = await createTestApp((fixture) => ({
      PUBLIC_URL,
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_ORGANISATION_ID: fixture.orgA,
    }));
  });
  afterAll(async () => {
    await t?.close();
    provider?.kill('SIGTERM');
  });

  it('tells the web that single sign-on is offered', async () => {
    const response = await t.http().get('/api/auth/config');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ oidc: true });
  });

  it('signs in the person whose verified e-mail the provider vouches for, with a working session', async () => {
    const person = t.fixture.people.managerU1;
    const response = await signInThroughProvider(t, issuer, account({ email: person.email.toUpperCase(), email_verified: true }));
    expect(response.status).toBe(302);
    expect(response.headers['location']).toBe(`${PUBLIC_URL}/`);
    const cookie = sessionCookieOf(response);
    expect(cookie).toBeDefined();

    const me = await t.http().get('/api/auth/me').set('Cookie', cookie!);
    expect(me.status).toBe(200);
    expect(me.body.personId).toBe(person.id);
    expect(me.body.organisationId).toBe(t.fixture.orgA);
    // The same session as a password sign-in: a write with the CSRF token works.
    const language = await t.http().put('/api/auth/language').set('Cookie', cookie!).set(CSRF_HEADER, me.body.csrfToken).send({ preferredLanguage: 'sv' });
    expect(language.status).toBe(200);

    const audit = await sql<{ details: { method?: string } }>(
      t,
      `select details from audit_log where action = 'auth.sign_in' and actor_person_id = $1 order by id desc limit 1`,
      [person.id],
    );
    expect(audit[0].details.method).toBe('oidc');
  });

  it('refuses an e-mail the provider does not call verified', async () => {
    const response = await signInThroughProvider(t, issuer, account({ email: t.fixture.people.staffU1.email, email_verified: false }));
    expect(response.status).toBe(302);
    expect(response.headers['location']).toBe(`${PUBLIC_URL}/logga-in?sso=noMatch`);
    expect(sessionCookieOf(response)).toBeUndefined();
  });

  it('refuses, and audits, an identity that matches no person', async () => {
    const before = await sql<{ n: string }>(
      t,
      `select count(*) as n from audit_log where action = 'auth.sign_in_failed' and details->>'reason' = 'oidc_no_match'`,
    );
    const response = await signInThroughProvider(t, issuer, account({ email: 'nobody.here@elsewhere.example', email_verified: true }));
    expect(response.status).toBe(302);
    expect(response.headers['location']).toBe(`${PUBLIC_URL}/logga-in?sso=noMatch`);
    expect(sessionCookieOf(response)).toBeUndefined();
    const audit = await sql<{ organisation_id: string; details: Record<string, string> }>(
      t,
      `select organisation_id, details from audit_log where action = 'auth.sign_in_failed' and details->>'reason' = 'oidc_no_match' order by id desc`,
    );
    expect(audit.length).toBe(Number(before[0].n) + 1);
    expect(audit[0]).toEqual({ organisation_id: t.fixture.orgA, details: { reason: 'oidc_no_match', method: 'oidc' } });
  });

  it('does not sign in a person of another organisation with the same e-mail', async () => {
    const other = t.fixture.people.staffU4;
    const response = await signInThroughProvider(t, issuer, account({ email: other.email, email_verified: true }));
    expect(response.headers['location']).toBe(`${PUBLIC_URL}/logga-in?sso=noMatch`);
    expect(sessionCookieOf(response)).toBeUndefined();
  });

  it('refuses a callback whose state is not the one the browser started with, and audits it', async () => {
    const response = await signInThroughProvider(t, issuer, account({ email: t.fixture.people.staffU1.email, email_verified: true }), (query) =>
      query.set('state', 'not-the-state-we-sent'),
    );
    expect(response.status).toBe(302);
    expect(response.headers['location']).toBe(`${PUBLIC_URL}/logga-in?sso=failed`);
    expect(sessionCookieOf(response)).toBeUndefined();
    const audit = await sql(t, `select 1 from audit_log where action = 'auth.sign_in_failed' and details->>'reason' = 'oidc_invalid'`);
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });

  it('refuses a callback without the pending sign-in cookie', async () => {
    const response = await t.http().get('/api/auth/oidc/callback?code=abc&state=def');
    expect(response.status).toBe(302);
    expect(response.headers['location']).toBe(`${PUBLIC_URL}/logga-in?sso=failed`);
    expect(sessionCookieOf(response)).toBeUndefined();
  });

  it('refuses a callback that carries no answer from the provider, instead of starting another sign-in', async () => {
    const start = await t.http().get('/api/auth/oidc/start');
    const pendingCookie = ([] as string[]).concat(start.headers['set-cookie'] ?? []).map((cookie) => cookie.split(';')[0]);
    expect(pendingCookie.join('; ')).toMatch(/kunna_oidc=/);
    const response = await t.http().get('/api/auth/oidc/callback').set('Cookie', pendingCookie.join('; '));
    expect(response.status).toBe(302);
    expect(response.headers['location']).toBe(`${PUBLIC_URL}/logga-in?sso=failed`);
    expect(([] as string[]).concat(response.headers['set-cookie'] ?? []).some((cookie) => /^kunna_oidc=[^;]/.test(cookie))).toBe(false);
  });

  it('keeps local password sign-in working', async () => {
    const person = t.fixture.people.staffU1;
    const response = await t.http().post('/api/auth/sign-in').send({ identifier: person.email, password: FIXTURE_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body.personId).toBe(person.id);
  });
});

describe('single sign-on (OpenID Connect) with the employee number', () => {
  let provider: ChildProcess;
  let issuer: string;
  let t: TestApp;

  beforeAll(async () => {
    ({ process: provider, issuer } = await startProvider());
    t = await createTestApp((fixture) => ({
      PUBLIC_URL,
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_ORGANISATION_ID: fixture.orgA,
      OIDC_MATCH_CLAIM: 'employee_number',
    }));
  });
  afterAll(async () => {
    await t?.close();
    provider?.kill('SIGTERM');
  });

  it('maps the employee number claim to the person, and only to an active one', async () => {
    const person = t.fixture.people.staffU1;
    const response = await signInThroughProvider(t, issuer, account({ employee_number: person.employeeNumber }));
    expect(response.headers['location']).toBe(`${PUBLIC_URL}/`);
    const me = await t.http().get('/api/auth/me').set('Cookie', sessionCookieOf(response)!);
    expect(me.status).toBe(200);
    expect(me.body.personId).toBe(person.id);

    // The e-mail is not what this installation matches on.
    const byEmail = await signInThroughProvider(t, issuer, account({ email: person.email, email_verified: true }));
    expect(byEmail.headers['location']).toBe(`${PUBLIC_URL}/logga-in?sso=noMatch`);

    const ended = t.fixture.people.staffU2;
    await sql(t, `update person set disabled_at = now() where id = $1`, [ended.id]);
    const disabled = await signInThroughProvider(t, issuer, account({ employee_number: ended.employeeNumber }));
    expect(disabled.headers['location']).toBe(`${PUBLIC_URL}/logga-in?sso=noMatch`);
    expect(sessionCookieOf(disabled)).toBeUndefined();
  });
});
