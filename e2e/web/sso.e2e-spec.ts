import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CurrentUser } from '@kunna/contracts';
import { baseUrl, expectAccessible, launchBrowser, newContext, PageProblems, pageProblems } from './browser';
import { account, signOut, sv } from './demo';

/** The test provider `npm run e2e:web` started, and the organisation the server signs in through it. */
function sso(): { issuer: string; organisation: string } {
  const issuer = process.env['E2E_OIDC_ISSUER'];
  const organisation = process.env['E2E_OIDC_ORGANISATION'];
  if (!issuer || !organisation) throw new Error('E2E_OIDC_ISSUER / E2E_OIDC_ORGANISATION are not set: run the browser tests with `npm run e2e:web`.');
  return { issuer, organisation };
}

/**
 * What to type as the login at the test provider (e2e/api/support/oidc-test-provider.mjs): the
 * base64url JSON of the claims it then hands out, so each test chooses the identity it arrives with.
 */
const providerLogin = (claims: Record<string, unknown>) => Buffer.from(JSON.stringify(claims)).toString('base64url');

/**
 * Single sign-on in a real browser: the sign-in page's "Logga in med organisationens konto", through a real
 * OpenID Connect provider (oidc-provider, its own login page, at `localhost`, so another site than the app
 * at 127.0.0.1 as a real provider is) and back into Kunna, signed in; and the refusal of an identity that
 * matches no person, with its message on the sign-in page. Each page checked with axe and the CSP.
 */
describe('single sign-on (OpenID Connect) in the browser', () => {
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
    ({ context, page, problems } = await newContext(browser));
    // The provider's development login page imports a web font; the test machine is offline.
    await context.route('https://fonts.googleapis.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/css', body: '' }));
  });
  afterEach(async () => {
    await context?.close();
  });

  const ssoButton = () => page.getByRole('link', { name: sv.sso.button, exact: true });

  /** From the sign-in page through the provider's login form, as a person would; resolves back at Kunna. */
  async function signInAtProvider(claims: Record<string, unknown>): Promise<void> {
    await page.goto('/logga-in');
    await page.getByRole('heading', { level: 1, name: sv.signIn.title }).waitFor();
    await ssoButton().click();
    await page.waitForURL((url) => url.origin === sso().issuer);
    // oidc-provider's own (development) login page: any password, the login names the account.
    await page.getByPlaceholder('Enter any login').fill(providerLogin(claims));
    await page.getByPlaceholder('and password').fill('any password');
    await page.getByRole('button', { name: 'Sign-in', exact: true }).click();
    await page.waitForURL((url) => url.origin === baseUrl());
  }

  const me = () =>
    page.evaluate(async () => {
      const response = await fetch('/api/auth/me');
      return { status: response.status, body: response.ok ? ((await response.json()) as CurrentUser) : null };
    });

  it('offers single sign-on beside the password, accessibly', async () => {
    await page.goto('/logga-in');
    await page.getByRole('heading', { level: 1, name: sv.signIn.title }).waitFor();
    await ssoButton().waitFor();
    expect(new URL((await ssoButton().getAttribute('href'))!, baseUrl()).pathname).toBe('/api/auth/oidc/start');
    await page.getByText(sv.sso.or, { exact: true }).waitFor();
    // Password sign-in stays available.
    for (const label of [sv.signIn.identifier, sv.signIn.password]) {
      expect(await page.getByLabel(label, { exact: true }).count()).toBe(1);
    }
    await expectAccessible(page, 'sign-in-with-sso');
    expect(await pageProblems(page, problems)).toEqual([]);
  });

  it('signs in the demo person whose verified e-mail the provider vouches for, with a working session, and signs out', async () => {
    const { organisation } = sso();
    const hr = account('HR');
    expect(hr.description).toBe(organisation);
    expect(hr.identifier).toContain('@');

    await signInAtProvider({ email: hr.identifier, email_verified: true });
    await page.waitForURL((url) => url.pathname === '/');
    const greeting = page.getByRole('heading', { level: 1, name: /^Hej .+!$/ });
    await greeting.waitFor();
    const session = await me();
    expect(session.status).toBe(200);
    expect(session.body!.organisationName).toBe(organisation);
    expect((await greeting.innerText()).trim()).toBe(`Hej ${session.body!.firstName}!`);
    expect(await page.getByRole('banner').innerText()).toContain(session.body!.firstName);
    await expectAccessible(page, 'home-after-sso');

    // The session carries on across pages that need sign-in, and survives a reload.
    await page.getByRole('navigation', { name: sv.app.mainNav }).getByRole('link', { name: sv.nav.account, exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/mitt-konto');
    await page.getByRole('heading', { level: 1, name: sv.account.title }).waitFor();
    await page.getByText(organisation, { exact: true }).first().waitFor();
    await page.getByRole('link', { name: sv.account.myDetails, exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/personer/${session.body!.personId}`);
    // The right person: the one with the e-mail the provider handed out.
    await page.getByText(hr.identifier, { exact: true }).first().waitFor();
    await page.reload();
    await page.getByText(hr.identifier, { exact: true }).first().waitFor();
    expect(page.url()).toBe(`${baseUrl()}/personer/${session.body!.personId}`);
    await expectAccessible(page, 'person-page-after-sso');

    await signOut(page);
    expect((await context.cookies(baseUrl())).filter((cookie) => cookie.name.includes('kunna_session'))).toEqual([]);
    expect((await me()).status).toBe(401);
    expect(await pageProblems(page, problems)).toEqual([]);
  });

  it('refuses an identity that matches no person, with the message on the sign-in page and no session', async () => {
    await signInAtProvider({ email: 'nobody.here@elsewhere.example', email_verified: true });
    await page.waitForURL((url) => url.pathname === '/logga-in' && url.searchParams.get('sso') === 'noMatch');
    await page.getByRole('heading', { level: 1, name: sv.signIn.title }).waitFor();
    await page.getByRole('alert').filter({ hasText: sv.sso.noMatch }).waitFor();
    // Still a way in: single sign-on again, or the password.
    await ssoButton().waitFor();
    expect(await page.getByLabel(sv.signIn.password, { exact: true }).count()).toBe(1);
    expect((await me()).status).toBe(401);
    expect((await context.cookies(baseUrl())).filter((cookie) => cookie.name.includes('kunna_session'))).toEqual([]);
    await expectAccessible(page, 'sign-in-sso-no-match');
    expect(await pageProblems(page, problems)).toEqual([]);
  });

  it('refuses a demo person of another organisation, whose e-mail is verified and real', async () => {
    const other = account('Organisationsadmin', /Bergsjö/);
    expect(other.description).not.toBe(sso().organisation);
    await signInAtProvider({ email: other.identifier, email_verified: true });
    await page.waitForURL((url) => url.pathname === '/logga-in' && url.searchParams.get('sso') === 'noMatch');
    await page.getByRole('alert').filter({ hasText: sv.sso.noMatch }).waitFor();
    expect((await me()).status).toBe(401);
    expect(await pageProblems(page, problems)).toEqual([]);
  });
});
