import ical, { ICalCalendarMethod, ICalEventStatus, ICalEventTransparency } from 'ical-generator';

/**
 * Kunna's sessions as a published iCalendar feed (RFC 5545), written by ical-generator: what Outlook, Teams and
 * Google need. Times are in UTC (`…Z`), so no VTIMEZONE is needed and clients show them in their own zone.
 */

export interface CalendarEvent {
  /** Stable for the life of the session: clients match updates and cancellations by it. */
  uid: string;
  /** Increases on every change of the session (time, place, status), so clients replace their copy. */
  sequence: number;
  /** The session's last change. */
  lastModified: Date;
  start: Date;
  end: Date;
  summary: string;
  location: string;
  description: string;
  cancelled: boolean;
  url?: string;
}

export interface Calendar {
  name: string;
  /** When the feed was written: DTSTAMP of every event (RFC 5545 3.8.7.2, with METHOD present). */
  generatedAt: Date;
  events: CalendarEvent[];
}

export function serializeCalendar(calendar: Calendar): string {
  const feed = ical({
    name: calendar.name,
    prodId: { company: 'Kunna', product: 'Kunna sessions', language: 'SV' },
    method: ICalCalendarMethod.PUBLISH,
    scale: 'GREGORIAN',
    // How often subscribing clients fetch again (REFRESH-INTERVAL and X-PUBLISHED-TTL).
    ttl: 60 * 60,
  });
  for (const event of calendar.events) {
    feed.createEvent({
      id: event.uid,
      sequence: event.sequence,
      stamp: calendar.generatedAt,
      lastModified: event.lastModified,
      start: event.start,
      end: event.end,
      summary: event.summary,
      location: event.location,
      description: event.description,
      status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      transparency: ICalEventTransparency.OPAQUE,
      url: event.url ?? null,
    });
  }
  // RFC 5545 3.1: every content line ends with CRLF, the last one too.
  const text = feed.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
