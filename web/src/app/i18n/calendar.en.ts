import type { Translations } from './sv';
import type { calendarSv } from './calendar.sv';

/** English texts of calendars, notifications and the e-mail outbox (spread into `en`). */
export const calendarEn: Pick<Translations, keyof typeof calendarSv> = {
  calendar: {
    title: 'Calendar',
    myIntro: "Subscribe to your sessions in Outlook, Teams or your phone's calendar. The link is secret: anyone who has it sees your sessions.",
    unitIntro: "Subscribe to the unit's sessions in a shared calendar. The link is secret: anyone who has it sees the unit's sessions.",
    active: 'The calendar link has been active since {date}.',
    inactive: 'No calendar link has been created.',
    create: 'Create calendar link',
    rotate: 'Replace link',
    revoke: 'Turn off the link',
    url: 'Calendar link',
    copy: 'Copy the link',
    copied: 'The link has been copied.',
    shownOnce: 'The link is shown only now. Copy it and add it to your calendar ("Subscribe to calendar" / "Add from web"). If you lose it, replace the link.',
    rotateConfirm: 'The old link will stop working. Continue?',
    revoked: 'The link has been turned off.',
  },
  notifications: {
    nav: 'Notifications',
    title: 'Notifications',
    bell: 'Notifications, {count} unread',
    empty: 'No notifications.',
    markRead: 'Mark as read',
    markAllRead: 'Mark all as read',
    unread: 'Unread',
    answer: 'Answer the check',
    kind: {
      session_tomorrow: 'Reminder: {title} {date} at {time}, {place}.',
      session_cancelled: 'Cancelled: {title} {date} at {time}, {place}.',
      after_check_pending: 'Please answer the after check for {title} ({date}).',
    },
    reason: 'Reason: {reason}',
  },
  outbox: {
    nav: 'Outbox',
    title: 'E-mail outbox',
    intro: 'All e-mail Kunna sends. Without an SMTP server (SMTP_URL) e-mail stays here and is not sent.',
    to: 'To',
    subject: 'Subject',
    status: 'Status',
    created: 'Created',
    empty: 'No e-mail yet.',
    open: 'Read',
    close: 'Close',
    message: 'Message',
    statuses: { pending: 'Waiting', sent: 'Sent', held: 'Kept in the outbox' },
  },
  sessionCancel: {
    title: 'Cancel the session',
    reason: 'Why is it cancelled?',
    reasonHint: 'The people invited are told in Kunna and by e-mail.',
    submit: 'Cancel the session',
    done: 'The session is cancelled. The people invited are told.',
  },
};
