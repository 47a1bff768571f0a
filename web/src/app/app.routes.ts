import { Routes } from '@angular/router';
import { signedIn, signedOut } from './core/guards';

/**
 * Route titles are translation keys (see KunnaTitleStrategy). Feature pages are lazy-loaded, and so are the routes
 * inside the shell (shell/shell.routes.ts).
 */
export const routes: Routes = [
  { path: 'logga-in', canActivate: [signedOut], loadComponent: () => import('./auth/sign-in').then((m) => m.SignIn), title: 'signIn.title' },
  { path: 'kod', loadComponent: () => import('./auth/redeem-code').then((m) => m.RedeemCode), title: 'redeem.title' },
  {
    path: '',
    canActivate: [signedIn],
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    loadChildren: () => import('./shell/shell.routes').then((m) => m.SHELL_ROUTES),
  },
];
