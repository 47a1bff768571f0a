import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { Role } from '@kunna/contracts';
import { Session } from './session';

export const signedIn: CanActivateFn = async () => {
  const session = inject(Session);
  const router = inject(Router);
  const user = session.loaded() ? session.user() : await session.load();
  return user ? true : router.createUrlTree(['/logga-in']);
};

/** The sign-in page is for signed-out visitors; a signed-in person goes to the start page. */
export const signedOut: CanActivateFn = async () => {
  const session = inject(Session);
  const router = inject(Router);
  const user = session.loaded() ? session.user() : await session.load();
  return user ? router.createUrlTree(['/']) : true;
};

export const hasRole =
  (...roles: Role[]): CanActivateFn =>
  async () => {
    const session = inject(Session);
    const router = inject(Router);
    if (!session.loaded()) await session.load();
    return session.hasRole(...roles) ? true : router.createUrlTree(['/']);
  };
