import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRouteSnapshot, provideRouter, Router, RouterStateSnapshot, UrlTree } from '@angular/router';
import { inKiosk, notInKiosk, signedIn, signedOut } from './guards';
import { Session } from './session';

/** The guards on a kiosk tablet: every page leads to the kiosk, and the kiosk page is for the tablet only. */
describe('guards on a kiosk tablet', () => {
  let backend: HttpTestingController;
  let router: Router;
  const route = {} as ActivatedRouteSnapshot;
  const state = (url: string) => ({ url }) as RouterStateSnapshot;
  const run = (guard: typeof signedIn, url = '/mitt-konto') => TestBed.runInInjectionContext(() => guard(route, state(url)));
  const path = (result: unknown) => router.serializeUrl(result as UrlTree);

  beforeEach(() => {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
  });

  /** What the device holds, as the server answers at load: a kiosk credential (auth/me refused) or nothing. */
  async function load(kiosk: boolean) {
    const loading = TestBed.inject(Session).load();
    if (kiosk) {
      backend.expectOne('/api/auth/me').flush({ statusCode: 403, code: 'kioskCredential' }, { status: 403, statusText: 'Forbidden' });
      await new Promise((resolve) => setTimeout(resolve, 0));
      backend.expectOne('/api/kiosk').flush({ roundId: 'r1', csrfToken: 'c', idleTimeoutSeconds: 1800 });
    } else {
      backend.expectOne('/api/auth/me').flush({ statusCode: 401 }, { status: 401, statusText: 'Unauthorized' });
    }
    await loading;
  }

  it('leads every page of the app, the sign-in and the code page to the kiosk', async () => {
    await load(true);
    expect(path(await run(signedIn))).toBe('/surfplatta');
    expect(path(await run(signedOut, '/logga-in'))).toBe('/surfplatta');
    expect(path(await run(notInKiosk, '/kod'))).toBe('/surfplatta');
    expect(await run(inKiosk, '/surfplatta')).toBe(true);
  });

  it('keeps the kiosk page from a device that is not a kiosk', async () => {
    await load(false);
    expect(path(await run(inKiosk, '/surfplatta'))).toBe('/');
    expect(await run(notInKiosk, '/kod')).toBe(true);
    expect(path(await run(signedIn))).toBe('/logga-in');
  });
});
