import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';
import { appConfig } from './app/app.config';
import { registerOfflineShell } from './app/core/offline-shell';

bootstrapApplication(App, appConfig)
  .then(() => registerOfflineShell())
  .catch((error: unknown) => console.error(error));
