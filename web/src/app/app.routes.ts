import { Routes } from '@angular/router';
import { Role } from '@kunna/contracts';
import { hasRole, signedIn, signedOut } from './core/guards';
import { TREE_ROLES } from './core/permissions';

/** Route titles are translation keys (see KunnaTitleStrategy). Feature pages are lazy-loaded. */
export const routes: Routes = [
  { path: 'logga-in', canActivate: [signedOut], loadComponent: () => import('./auth/sign-in').then((m) => m.SignIn), title: 'signIn.title' },
  { path: 'kod', loadComponent: () => import('./auth/redeem-code').then((m) => m.RedeemCode), title: 'redeem.title' },
  {
    path: '',
    canActivate: [signedIn],
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    children: [
      { path: '', loadComponent: () => import('./home/home').then((m) => m.Home), title: 'nav.home' },
      {
        path: 'organisation',
        canActivate: [hasRole(...TREE_ROLES)],
        loadComponent: () => import('./organisation/organisation-page').then((m) => m.OrganisationPage),
        title: 'nav.organisation',
      },
      {
        path: 'enheter/:unitId',
        canActivate: [hasRole(...TREE_ROLES)],
        loadComponent: () => import('./organisation/unit-page').then((m) => m.UnitPage),
        title: 'unit.title',
      },
      {
        path: 'personer/:personId',
        loadComponent: () => import('./people/person-page').then((m) => m.PersonPage),
        title: 'person.title',
      },
      {
        path: 'admin/anvandare',
        canActivate: [hasRole(Role.Hr, Role.OrgAdmin)],
        loadComponent: () => import('./admin/users-page').then((m) => m.UsersPage),
        title: 'nav.users',
      },
      {
        path: 'import',
        canActivate: [hasRole(Role.Hr, Role.OrgAdmin)],
        loadComponent: () => import('./imports/import-page').then((m) => m.ImportPage),
        title: 'nav.import',
      },
      {
        path: 'import/historik',
        canActivate: [hasRole(Role.Hr, Role.OrgAdmin)],
        loadComponent: () => import('./imports/import-history').then((m) => m.ImportHistory),
        title: 'imports.history.title',
      },
      {
        path: 'mitt-konto',
        loadComponent: () => import('./account/account-page').then((m) => m.AccountPage),
        title: 'nav.account',
      },
      {
        path: '**',
        loadComponent: () => import('./home/not-found').then((m) => m.NotFound),
        title: 'errors.pageNotFound',
      },
    ],
  },
];
