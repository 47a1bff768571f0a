import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { Session } from './session';

/** A check link (`/m/KOD`) opened while signed out comes back to the check after sign-in. */
const RETURNABLE = /^\/m\/[A-Za-z0-9]{6,12}$/;

export const signedIn: CanActivateFn = async (_route, state) => {
  const session = inject(Session);
  const router = inject(Router);
  const user = session.loaded() ? session.user() : await session.load();
  if (user) return true;
  return router.createUrlTree(['/logga-in'], RETURNABLE.test(state.url) ? { queryParams: { till: state.url } } : {});
};

/** Where to go after signing in: a check link the guard passed on, otherwise the start page. */
export function afterSignIn(till: string | undefined | null): string {
  return till && RETURNABLE.test(till) ? till : '/';
}

/** The `till` query to pass on between the sign-in pages: only a check link, never an arbitrary address. */
export function tillQuery(till: string | undefined | null): { till?: string } {
  return till && RETURNABLE.test(till) ? { till } : {};
}

/** The sign-in page is for signed-out visitors; a signed-in person goes to the start page. */
export const signedOut: CanActivateFn = async () => {
  const session = inject(Session);
  const router = inject(Router);
  const user = session.loaded() ? session.user() : await session.load();
  return user ? router.createUrlTree(['/']) : true;
};
