import { Routes } from '@angular/router';
import { inKiosk, notInKiosk, signedIn, signedOut } from './core/guards';
import { pageLanguage } from './core/page-language';

/**
 * Route titles are translation keys (see KunnaTitleStrategy). Feature pages are lazy-loaded, and so are the routes
 * inside the shell (shell/shell.routes.ts).
 */
export const routes: Routes = [
  {
    path: 'logga-in',
    canActivate: [signedOut, pageLanguage],
    loadComponent: () => import('./auth/sign-in').then((m) => m.SignIn),
    title: 'signIn.title',
    data: { staffLanguage: true },
  },
  {
    path: 'kod',
    canActivate: [notInKiosk, pageLanguage],
    loadComponent: () => import('./auth/redeem-code').then((m) => m.RedeemCode),
    title: 'redeem.title',
    data: { staffLanguage: true },
  },
  // The locked kiosk tablet: outside the shell (no menu, no account), and the only page a kiosk tablet reaches.
  {
    path: 'surfplatta',
    canActivate: [inKiosk, pageLanguage],
    loadComponent: () => import('./checks/kiosk').then((m) => m.Kiosk),
    title: 'checks.kiosk.title',
    data: { staffLanguage: true },
  },
  {
    path: '',
    canActivate: [signedIn],
    // Staff pages in the chosen language, the others in its Swedish or English (core/page-language.ts).
    canActivateChild: [pageLanguage],
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    loadChildren: () => import('./shell/shell.routes').then((m) => m.SHELL_ROUTES),
  },
];
