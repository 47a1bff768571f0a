import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { CSRF_HEADER } from '@kunna/contracts';
import { Session } from './session';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Sends the session's CSRF token on unsafe requests; a 401 means the session ended, so sign in again. */
export const apiInterceptor: HttpInterceptorFn = (request, next) => {
  const session = inject(Session);
  const router = inject(Router);
  const token = session.user()?.csrfToken;
  const outgoing = token && UNSAFE.has(request.method) ? request.clone({ setHeaders: { [CSRF_HEADER]: token } }) : request;
  return next(outgoing).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401 && session.user() && !request.url.endsWith('/auth/me')) {
        session.forget();
        void router.navigate(['/logga-in'], { queryParams: { orsak: 'idle' } });
      }
      return throwError(() => error);
    }),
  );
};
