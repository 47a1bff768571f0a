import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { Permission, Role } from '@kunna/contracts';
import { I18n } from '../i18n/i18n';
import { Feedback } from './feedback';
import { Session } from './session';

// Apart from guards.ts: the shell's routes use it, and the toast it shows (CDK overlay) stays out of the first download.
/** A page the person's roles may not open: back to the start page, saying why (not a silent redirect). */
export const hasRole = (...roles: Role[]): CanActivateFn => allowedIf((session) => session.hasRole(...roles));

/**
 * A page for those holding one of the permissions (libs/contracts/src/permissions.ts) anywhere: the permissions of
 * the API routes the page loads, so the page opens exactly for those the API serves.
 */
export const mayOpen = (...permissions: Permission[]): CanActivateFn => allowedIf((session) => permissions.some((permission) => session.may(permission)));

function allowedIf(allowed: (session: Session) => boolean): CanActivateFn {
  return async () => {
    const session = inject(Session);
    const router = inject(Router);
    const feedback = inject(Feedback);
    const i18n = inject(I18n);
    if (!session.loaded()) await session.load();
    if (allowed(session)) return true;
    feedback.tell(i18n.t('feedback.noPermissionPage'), { kind: 'error', durationMs: 12_000 });
    return router.createUrlTree(['/']);
  };
}
