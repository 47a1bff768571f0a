export { SessionReminders } from './session-reminders';
export { NotificationsModule } from './notifications.module';
