import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { Role } from '@kunna/contracts';
import { I18n } from '../i18n/i18n';
import { Feedback } from './feedback';
import { Session } from './session';

// Apart from guards.ts: the shell's routes use it, and the toast it shows (CDK overlay) stays out of the first download.
/** A page the person's roles may not open: back to the start page, saying why (not a silent redirect). */
export const hasRole =
  (...roles: Role[]): CanActivateFn =>
  async () => {
    const session = inject(Session);
    const router = inject(Router);
    const feedback = inject(Feedback);
    const i18n = inject(I18n);
    if (!session.loaded()) await session.load();
    if (session.hasRole(...roles)) return true;
    feedback.tell(i18n.t('feedback.noPermissionPage'), { kind: 'error', durationMs: 12_000 });
    return router.createUrlTree(['/']);
  };
