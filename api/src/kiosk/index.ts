export { KioskModule } from './kiosk.module';
