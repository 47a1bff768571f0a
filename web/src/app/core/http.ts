import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, from, switchMap, throwError } from 'rxjs';
import { CSRF_HEADER } from '@kunna/contracts';
import { hasMessageCodes, translateApiError } from '../i18n/api-messages';
import { I18n } from '../i18n/i18n';
import { isKioskRefusal, Session } from './session';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Sends the session's CSRF token on unsafe requests, and the language the pages are shown in (the server
 * answers its messages in it); a 401 means the session (or kiosk credential) ended, so sign in again. A kiosk
 * tablet refused anything goes back to the kiosk. An error's messages are shown in the pages' language by their
 * codes (i18n/api-messages.ts), the server's own text being the fallback.
 */
export const apiInterceptor: HttpInterceptorFn = (request, next) => {
  const session = inject(Session);
  const router = inject(Router);
  const i18n = inject(I18n);
  const token = session.csrfToken();
  const headers: Record<string, string> = { 'Accept-Language': i18n.uiLanguage() };
  if (token && UNSAFE.has(request.method)) headers[CSRF_HEADER] = token;
  const outgoing = request.clone({ setHeaders: headers });
  return next(outgoing).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401 && session.kiosk()) {
        session.kioskEnded();
        void router.navigate(['/logga-in'], { queryParams: { orsak: 'idle' } });
      } else if (error instanceof HttpErrorResponse && error.status === 401 && session.user() && !request.url.endsWith('/auth/me')) {
        session.forget();
        void router.navigate(['/logga-in'], { queryParams: { orsak: 'idle' } });
      } else if (isKioskRefusal(error) && session.kiosk()) {
        void router.navigateByUrl('/surfplatta');
      }
      if (!(error instanceof HttpErrorResponse) || !hasMessageCodes(error.error)) return throwError(() => error);
      return from(translateApiError(error.error, i18n.uiLanguage(), i18n.locale()).catch((): unknown => error.error)).pipe(
        switchMap((body) =>
          throwError(
            () =>
              new HttpErrorResponse({ error: body, headers: error.headers, status: error.status, statusText: error.statusText, url: error.url ?? undefined }),
          ),
        ),
      );
    }),
  );
};
