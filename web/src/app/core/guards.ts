import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { Session } from './session';

/** A check link (`/m/KOD`) opened while signed out comes back to the check after sign-in. */
const RETURNABLE = /^\/m\/[A-Za-z0-9]{6,12}$/;

/** Where a kiosk tablet goes whatever address is typed: the kiosk, never anyone's pages. */
export const KIOSK_PATH = '/surfplatta';

export const signedIn: CanActivateFn = async (_route, state) => {
  const session = inject(Session);
  const router = inject(Router);
  const user = session.loaded() ? session.user() : await session.load();
  if (session.kiosk()) return router.createUrlTree([KIOSK_PATH]);
  if (user) return true;
  return router.createUrlTree(['/logga-in'], RETURNABLE.test(state.url) ? { queryParams: { till: state.url } } : {});
};

/** The answer code of a check link the guard passed on (`/m/KOD`), if that is what it is. */
export function checkCodeOf(till: string | undefined | null): string | null {
  return till && RETURNABLE.test(till) ? till.slice('/m/'.length) : null;
}

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
  if (session.kiosk()) return router.createUrlTree([KIOSK_PATH]);
  return user ? router.createUrlTree(['/']) : true;
};

/** Pages open to anyone (the one-time code page) are still not for a kiosk tablet. */
export const notInKiosk: CanActivateFn = async () => {
  const session = inject(Session);
  const router = inject(Router);
  if (!session.loaded()) await session.load();
  return session.kiosk() ? router.createUrlTree([KIOSK_PATH]) : true;
};

/** The kiosk page is for a kiosk tablet only; anyone else goes to the start page (or the sign-in page). */
export const inKiosk: CanActivateFn = async () => {
  const session = inject(Session);
  const router = inject(Router);
  if (!session.loaded()) await session.load();
  return session.kiosk() ? true : router.createUrlTree(['/']);
};
