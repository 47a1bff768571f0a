import { Routes } from '@angular/router';
import { inKiosk, notInKiosk, signedIn, signedOut } from './core/guards';

/**
 * Route titles are translation keys (see KunnaTitleStrategy). Feature pages are lazy-loaded, and so are the routes
 * inside the shell (shell/shell.routes.ts).
 */
export const routes: Routes = [
  { path: 'logga-in', canActivate: [signedOut], loadComponent: () => import('./auth/sign-in').then((m) => m.SignIn), title: 'signIn.title' },
  { path: 'kod', canActivate: [notInKiosk], loadComponent: () => import('./auth/redeem-code').then((m) => m.RedeemCode), title: 'redeem.title' },
  // The locked kiosk tablet: outside the shell (no menu, no account), and the only page a kiosk tablet reaches.
  { path: 'surfplatta', canActivate: [inKiosk], loadComponent: () => import('./checks/kiosk').then((m) => m.Kiosk), title: 'checks.kiosk.title' },
  {
    path: '',
    canActivate: [signedIn],
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    loadChildren: () => import('./shell/shell.routes').then((m) => m.SHELL_ROUTES),
  },
];
