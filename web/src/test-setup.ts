// Jest set-up for the web unit tests: Angular's TestBed without zone.js, like the app (provideZonelessChangeDetection).
import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv();
