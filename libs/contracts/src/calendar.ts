/** Calendars (iCalendar feeds) and reminders: see api/src/calendar/README.md and api/src/notifications/README.md. */

/** A live calendar feed, without its secret: only a hash of the token is kept, so the URL is shown once. */
export interface CalendarFeedStatus {
  /** False when there is no live feed (never created, or revoked). */
  active: boolean;
  createdAt: string | null;
}

/** Answer to creating or rotating a feed: the only time the secret URL is seen. */
export interface CalendarFeedCreated {
  url: string;
  createdAt: string;
}

/** Sessions from this many days back to this many days ahead appear in a feed. */
export const CALENDAR_FEED_DAYS_BACK = 30;
export const CALENDAR_FEED_DAYS_AHEAD = 365;

export enum NotificationKind {
  SessionTomorrow = 'session_tomorrow',
  SessionCancelled = 'session_cancelled',
  AfterCheckPending = 'after_check_pending',
}

/** What a notification is about; the web app words it in the reader's language. */
export interface NotificationDetails {
  sessionTitle?: string;
  /** Local date (YYYY-MM-DD) and time (HH:MM) of the session. */
  date?: string;
  startTime?: string;
  place?: string;
  cancelReason?: string | null;
  /** The after round's short code (`/m/KOD`). */
  checkCode?: string;
}

export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  sessionId: string | null;
  details: NotificationDetails;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  items: NotificationItem[];
  unread: number;
}

export enum MailStatus {
  /** Waiting for the mail job. */
  Pending = 'pending',
  /** Handed to the SMTP server. */
  Sent = 'sent',
  /** No SMTP server configured: kept in the local outbox only. */
  Held = 'held',
}

/** A page of the outbox; the total is in the `X-Total-Count` header. */
export interface OutboxQuery {
  /** 1 to 200. */
  limit?: number;
  offset?: number;
}

export interface OutboxMessageSummary {
  id: string;
  toAddress: string;
  subject: string;
  status: MailStatus;
  createdAt: string;
  sentAt: string | null;
}

export interface OutboxMessage extends OutboxMessageSummary {
  body: string;
  messageId: string | null;
}
