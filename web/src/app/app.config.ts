import { APP_BASE_HREF } from '@angular/common';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, inject, provideAppInitializer, provideBrowserGlobalErrorListeners, provideZonelessChangeDetection } from '@angular/core';
import { TitleStrategy, provideRouter, withComponentInputBinding } from '@angular/router';
import { routes } from './app.routes';
import { apiInterceptor } from './core/http';
import { KunnaTitleStrategy } from './core/title-strategy';
import { I18n } from './i18n/i18n';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(routes, withComponentInputBinding()),
    provideHttpClient(withInterceptors([apiInterceptor])),
    { provide: TitleStrategy, useClass: KunnaTitleStrategy },
    // No <base> element: the CSP forbids it (base-uri 'none').
    { provide: APP_BASE_HREF, useValue: '/' },
    // The first page is drawn in the device's language, not in Swedish and then switched.
    provideAppInitializer(() => inject(I18n).ready),
  ],
};
