import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { CSRF_HEADER, CurrentUser } from '@kunna/contracts';
import { apiInterceptor } from './http';
import { I18n } from '../i18n/i18n';
import { Session } from './session';

const USER: CurrentUser = {
  personId: 'p1',
  organisationId: 'o1',
  organisationName: 'Älvstads kommun',
  networkId: 'n1',
  firstName: 'Emma',
  lastName: 'Lindberg',
  preferredLanguage: 'sv',
  roles: [],
  csrfToken: 'csrf-token-of-this-session',
  idleTimeoutSeconds: 1800,
};

describe('apiInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let session: Session;
  let router: Router;

  beforeEach(() => {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(withInterceptors([apiInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    session = TestBed.inject(Session);
    router = TestBed.inject(Router);
  });
  afterEach(() => backend.verify());

  /** Sends a request and returns what reached the backend. */
  function send(method: string, url = '/api/something') {
    void firstValueFrom(http.request(method, url, { body: method === 'GET' || method === 'HEAD' ? null : {} })).catch(() => undefined);
    return backend.expectOne((request) => request.url === url && request.method === method);
  }

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('adds the session’s CSRF token to %s', (method) => {
    session.user.set(USER);
    const request = send(method);
    expect(request.request.headers.get(CSRF_HEADER)).toBe('csrf-token-of-this-session');
    request.flush({});
  });

  it('asks for answers in the language the pages are shown in', async () => {
    const i18n = TestBed.inject(I18n);
    await i18n.setLanguage('en');
    const english = send('GET');
    expect(english.request.headers.get('Accept-Language')).toBe('en');
    english.flush({});
    await i18n.setLanguage('sv');
    const swedish = send('POST');
    expect(swedish.request.headers.get('Accept-Language')).toBe('sv');
    swedish.flush({});
  });

  it.each(['GET', 'HEAD', 'OPTIONS'])('does not send the token with the safe method %s', (method) => {
    session.user.set(USER);
    const request = send(method);
    expect(request.request.headers.has(CSRF_HEADER)).toBe(false);
    request.flush({});
  });

  it('sends no token before sign-in (there is none)', () => {
    const request = send('POST', '/api/auth/sign-in');
    expect(request.request.headers.has(CSRF_HEADER)).toBe(false);
    request.flush({});
  });

  it('uses the token of the current session after a new sign-in', () => {
    session.user.set(USER);
    send('POST').flush({});
    session.user.set({ ...USER, csrfToken: 'the-next-session' });
    const request = send('POST');
    expect(request.request.headers.get(CSRF_HEADER)).toBe('the-next-session');
    request.flush({});
  });

  it("sends the kiosk credential's token from a kiosk tablet (no one is signed in there)", () => {
    session.kiosk.set({ roundId: 'r1', csrfToken: 'csrf-of-the-kiosk', idleTimeoutSeconds: 1800 });
    const request = send('PUT', '/api/checks/kiosk/x/items/s1');
    expect(request.request.headers.get(CSRF_HEADER)).toBe('csrf-of-the-kiosk');
    request.flush({});
  });

  it('a kiosk tablet refused anything goes back to the kiosk; its credential ending leads to sign-in', async () => {
    session.kiosk.set({ roundId: 'r1', csrfToken: 'csrf-of-the-kiosk', idleTimeoutSeconds: 1800 });
    const navigateByUrl = jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    const refused = firstValueFrom(http.get('/api/people'));
    backend.expectOne('/api/people').flush({ statusCode: 403, code: 'kioskCredential' }, { status: 403, statusText: 'Forbidden' });
    await expect(refused).rejects.toMatchObject({ status: 403 });
    expect(navigateByUrl).toHaveBeenCalledWith('/surfplatta');

    const ended = firstValueFrom(http.get('/api/checks/rounds/r1/roster'));
    backend.expectOne('/api/checks/rounds/r1/roster').flush({ statusCode: 401 }, { status: 401, statusText: 'Unauthorized' });
    await expect(ended).rejects.toMatchObject({ status: 401 });
    expect(session.kiosk()).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/logga-in'], { queryParams: { orsak: 'idle' } });
  });

  it('keeps the request otherwise unchanged', () => {
    session.user.set(USER);
    void firstValueFrom(http.post('/api/people', { name: 'x' }, { headers: { 'X-Other': '1' } })).catch(() => undefined);
    const request = backend.expectOne('/api/people');
    expect(request.request.body).toEqual({ name: 'x' });
    expect(request.request.headers.get('X-Other')).toBe('1');
    request.flush({});
  });

  it('a 401 while signed in means the session ended: forget the person and go to sign-in', async () => {
    session.user.set(USER);
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    const result = firstValueFrom(http.get('/api/people'));
    backend.expectOne('/api/people').flush({ statusCode: 401 }, { status: 401, statusText: 'Unauthorized' });
    await expect(result).rejects.toMatchObject({ status: 401 });
    expect(session.user()).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/logga-in'], { queryParams: { orsak: 'idle' } });
  });

  it('a 401 from /auth/me (checking whether anyone is signed in) does not redirect', async () => {
    session.user.set(USER);
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    const result = firstValueFrom(http.get('/api/auth/me'));
    backend.expectOne('/api/auth/me').flush({}, { status: 401, statusText: 'Unauthorized' });
    await expect(result).rejects.toMatchObject({ status: 401 });
    expect(navigate).not.toHaveBeenCalled();
  });

  it('other errors pass through untouched', async () => {
    session.user.set(USER);
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    const result = firstValueFrom(http.post('/api/people', {}));
    backend.expectOne('/api/people').flush({ statusCode: 403 }, { status: 403, statusText: 'Forbidden' });
    await expect(result).rejects.toMatchObject({ status: 403 });
    expect(session.user()).toEqual(USER);
    expect(navigate).not.toHaveBeenCalled();
  });

  it('shows an error’s messages in the pages’ language by their codes, keeping everything else', async () => {
    await TestBed.inject(I18n).setLanguage('en');
    const result = firstValueFrom(http.post('/api/people', {}));
    backend.expectOne('/api/people').flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Uppgifterna är inte giltiga.',
        messageCode: 'common.detailsNotValid',
        details: [
          { field: 'unitId', message: 'Enheten Solgården är stängd.', messageCode: 'people.unitClosed', messageParams: { name: 'Solgården' } },
          { field: 'other', message: 'En text utan kod.' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await expect(result).rejects.toMatchObject({
      status: 400,
      error: {
        message: 'The details are not valid.',
        details: [
          { field: 'unitId', message: 'The unit Solgården is closed.' },
          { field: 'other', message: 'En text utan kod.' },
        ],
      },
    });
  });

  it('keeps the server’s text for a code this build does not know', async () => {
    await TestBed.inject(I18n).setLanguage('en');
    const result = firstValueFrom(http.get('/api/people'));
    backend
      .expectOne('/api/people')
      .flush({ statusCode: 409, message: 'Något nytt.', messageCode: 'people.somethingNew' }, { status: 409, statusText: 'Conflict' });
    await expect(result).rejects.toMatchObject({ status: 409, error: { message: 'Något nytt.' } });
  });
});
