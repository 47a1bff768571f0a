import { Routes } from '@angular/router';
import { signedIn } from './core/guards';

export const routes: Routes = [
  { path: 'logga-in', loadComponent: () => import('./auth/sign-in').then((m) => m.SignIn), title: 'Logga in – Kunna' },
  {
    path: '',
    canActivate: [signedIn],
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    children: [{ path: '', loadComponent: () => import('./home/home').then((m) => m.Home), title: 'Kunna' }],
  },
  { path: '**', redirectTo: '' },
];
