import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { SignIn } from './sign-in';

/** Lets the component's promise chain finish, then renders. */
async function settle(fixture: { whenStable(): Promise<unknown> }) {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await fixture.whenStable();
}

describe('SignIn', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
  });

  async function render(options: { oidc?: boolean; sso?: string; till?: string } = {}) {
    const fixture = TestBed.createComponent(SignIn);
    if (options.sso) fixture.componentRef.setInput('sso', options.sso);
    if (options.till) fixture.componentRef.setInput('till', options.till);
    fixture.detectChanges();
    backend.expectOne('/api/auth/config').flush({ oidc: options.oidc ?? false });
    backend.expectOne('/api/auth/organisations').flush([
      { id: 'o1', networkId: 'n', name: 'Älvstads kommun', kind: 'municipality' },
      { id: 'o2', networkId: 'n', name: 'Bergsjö kommun', kind: 'municipality' },
    ]);
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    const type = (selector: string, value: string) => {
      const input = element.querySelector<HTMLInputElement>(selector)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const submit = async () => {
      element.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await fixture.whenStable();
    };
    return { fixture, element, type, submit };
  }

  it('names the missing fields without calling the server', async () => {
    const { element, submit } = await render();
    await submit();
    backend.expectNone('/api/auth/sign-in');
    expect(element.querySelector('#identifier-error')?.textContent).toContain('Fyll i e-post eller anställningsnummer.');
    expect(element.querySelector('#password-error')?.textContent).toContain('Fyll i lösenord.');
    expect(element.querySelector('#identifier')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('shows the lock-out with the minutes left from the server', async () => {
    const { fixture, element, type, submit } = await render();
    type('#identifier', 'emma@alvstad.example');
    type('#password', 'fel');
    await submit();
    backend
      .expectOne('/api/auth/sign-in')
      .flush(
        { statusCode: 429, error: 'Too Many Requests', message: 'För många …', code: 'lockedOut', retryAfterSeconds: 540 },
        { status: 429, statusText: 'Too Many Requests' },
      );
    await settle(fixture);
    expect(element.querySelector('[data-testid=sign-in-error]')?.textContent).toContain('Vänta 9 minuter');
  });

  it('asks for the organisation when the e-mail is in several, and moves focus there', async () => {
    const { fixture, element, type, submit } = await render();
    type('#identifier', 'emma@alvstad.example');
    type('#password', 'Kunna-demo-2026');
    await submit();
    backend
      .expectOne('/api/auth/sign-in')
      .flush(
        { statusCode: 400, error: 'Bad Request', message: 'Välj organisation för att logga in.', code: 'organisationRequired' },
        { status: 400, statusText: 'Bad Request' },
      );
    await settle(fixture);
    const select = element.querySelector<HTMLSelectElement>('#organisation')!;
    expect(element.querySelector('[data-testid=sign-in-error]')?.textContent).toContain('Välj din organisation och logga in igen');
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(select);

    select.value = select.options[2].value;
    select.dispatchEvent(new Event('change'));
    await submit();
    const request = backend.expectOne('/api/auth/sign-in');
    expect(request.request.body).toEqual({ identifier: 'emma@alvstad.example', password: 'Kunna-demo-2026', organisationId: 'o2' });
  });

  it('says "wrong details" for a 401 and never which part was wrong', async () => {
    const { fixture, element, type, submit } = await render();
    type('#identifier', 'nobody@example.org');
    type('#password', 'whatever-1234');
    await submit();
    backend
      .expectOne('/api/auth/sign-in')
      .flush({ statusCode: 401, error: 'Unauthorized', message: 'Fel inloggningsuppgifter.' }, { status: 401, statusText: 'Unauthorized' });
    await settle(fixture);
    expect(element.querySelector('[data-testid=sign-in-error]')?.textContent?.trim()).toBe('Fel e-post, anställningsnummer eller lösenord.');
  });

  it('offers the organisation account only when single sign-on is configured', async () => {
    const without = await render();
    await settle(without.fixture);
    expect(without.element.querySelector('[data-testid=sso-start]')).toBeNull();

    const { fixture, element } = await render({ oidc: true });
    await settle(fixture);
    const link = element.querySelector<HTMLAnchorElement>('[data-testid=sso-start]');
    expect(link?.textContent?.trim()).toBe('Logga in med organisationens konto');
    expect(link?.getAttribute('href')).toBe('/api/auth/oidc/start');
  });

  it('explains why single sign-on came back without a session', async () => {
    const { fixture, element } = await render({ oidc: true, sso: 'noMatch' });
    await settle(fixture);
    expect(element.querySelector('[data-testid=sso-error]')?.textContent).toContain('hittar ingen aktiv person i Kunna');
  });

  it('asks for the organisation for an employee number without one, without calling the server', async () => {
    const { fixture, element, type, submit } = await render();
    type('#identifier', 'A1004');
    type('#password', 'whatever-1234');
    await submit();
    await settle(fixture);
    backend.expectNone('/api/auth/sign-in');
    const select = element.querySelector<HTMLSelectElement>('#organisation')!;
    expect(element.querySelector('#organisation-error')?.textContent).toContain('Välj din organisation i listan');
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(select);

    select.value = select.options[1].value;
    select.dispatchEvent(new Event('change'));
    await submit();
    expect(backend.expectOne('/api/auth/sign-in').request.body).toEqual({ identifier: 'A1004', password: 'whatever-1234', organisationId: 'o1' });
  });

  it('names the check and workplace of a QR link opened signed out, and chooses its organisation', async () => {
    const { fixture, element } = await render({ till: '/m/ABCD2345' });
    backend.expectOne('/api/checks/codes/ABCD2345').flush({
      code: 'ABCD2345',
      title: 'Teams på surfplattan',
      unitName: 'Solgården',
      organisationId: 'o2',
      organisationName: 'Bergsjö kommun',
    });
    await settle(fixture);
    await settle(fixture);
    const box = element.querySelector('[data-testid=check-for]');
    expect(box?.querySelector('h2')?.textContent).toBe('Teams på surfplattan');
    expect(box?.textContent).toContain('En mätning för Solgården, Bergsjö kommun.');
    expect(element.querySelector<HTMLSelectElement>('#organisation')!.value).toBe('o2');
  });

  it('says so when the code in a QR link does not exist', async () => {
    const { fixture, element } = await render({ till: '/m/NOSUCH99' });
    backend
      .expectOne('/api/checks/codes/NOSUCH99')
      .flush({ statusCode: 404, error: 'Not Found', message: 'Koden finns inte.' }, { status: 404, statusText: 'Not Found' });
    await settle(fixture);
    expect(element.querySelector('[data-testid=check-code-missing]')?.textContent).toContain('Koden i länken finns inte');
  });
});
