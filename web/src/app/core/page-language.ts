import { inject } from '@angular/core';
import { ActivatedRouteSnapshot, CanActivateChildFn, CanActivateFn } from '@angular/router';
import { Role } from '@kunna/contracts';
import { I18n } from '../i18n/i18n';
import { Session } from './session';

/**
 * Route data `staffLanguage`: the page is one of the staff pages, shown in every staff language (sign-in, the start
 * page, answering a check, own development, own data). `'staffOnly'`: only for people who are staff and nothing
 * else (the start page of a manager holds manager parts, which stay Swedish/English). Other pages show the chosen
 * language's Swedish or English (`uiLanguageFor`).
 */
export type StaffLanguageData = true | 'staffOnly';

function deepest(route: ActivatedRouteSnapshot): ActivatedRouteSnapshot {
  let node = route;
  while (node.firstChild) node = node.firstChild;
  return node;
}

/** Switches the page's language before it is drawn (canActivate on top-level routes, canActivateChild on the shell). */
export const pageLanguage: CanActivateFn & CanActivateChildFn = async (_route, state) => {
  const i18n = inject(I18n);
  const session = inject(Session);
  const flag = deepest(state.root).data['staffLanguage'] as StaffLanguageData | undefined;
  const staffOnly = () => (session.user()?.roles ?? []).every((grant) => grant.role === Role.Staff);
  await i18n.usePageScope(flag === true || (flag === 'staffOnly' && staffOnly()));
  return true;
};
