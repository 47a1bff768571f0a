import ICAL from 'ical.js';
import { serializeCalendar } from './feed-writer';

describe('iCalendar feed', () => {
  it('writes a calendar with CRLF line ends, a cancelled event with its sequence, and escaped text', () => {
    const text = serializeCalendar({
      name: 'Kunna, Solgården',
      generatedAt: new Date('2026-03-02T07:00:00Z'),
      events: [
        {
          uid: 'session-1@kunna',
          sequence: 3,
          lastModified: new Date('2026-03-01T10:00:00Z'),
          start: new Date('2026-03-04T08:00:00Z'),
          end: new Date('2026-03-04T08:30:00Z'),
          summary: 'Digitala verktyg; del 1',
          location: 'Personalrummet, plan 2',
          description: 'Rad ett\nRad två',
          cancelled: true,
        },
      ],
    });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    // The calendar's name as clients read it (ical-generator writes it unescaped; parsers take it whole).
    expect(new ICAL.Component(ICAL.parse(text)).getFirstPropertyValue('x-wr-calname')).toBe('Kunna, Solgården');
    expect(text).toContain('\r\nSUMMARY:Digitala verktyg\\; del 1\r\n');
    expect(text).toContain('\r\nLOCATION:Personalrummet\\, plan 2\r\n');
    expect(text).toContain('\r\nDESCRIPTION:Rad ett\\nRad två\r\n');
    expect(text).toContain('\r\nSTATUS:CANCELLED\r\n');
    expect(text).toContain('\r\nSEQUENCE:3\r\n');
    expect(text).toMatch(/\r\nDTSTART:20260304T080000Z\r\n/);
    expect(text).toMatch(/\r\nDTEND:20260304T083000Z\r\n/);
    expect(text).toMatch(/\r\nDTSTAMP:20260302T070000Z\r\n/);
    expect(text).toMatch(/\r\nLAST-MODIFIED:20260301T100000Z\r\n/);
    expect(text).toContain('\r\nMETHOD:PUBLISH\r\n');
    expect(text).toContain('\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n');
  });

  it('folds long lines at 75 octets without splitting a character, and ical.js reads every value back', () => {
    const description = 'Ta med surfplatta; vi övar på signering, läkemedelslistor och \\ Treserva. '.repeat(6) + 'åäö€😀'.repeat(20);
    const text = serializeCalendar({
      name: 'Kunna',
      generatedAt: new Date('2026-03-02T07:00:00Z'),
      events: [
        {
          uid: 'session-2@kunna',
          sequence: 0,
          lastModified: new Date('2026-03-01T10:00:00Z'),
          start: new Date('2026-03-05T12:00:00Z'),
          end: new Date('2026-03-05T12:45:00Z'),
          summary: 'Läkemedel',
          location: 'Rum 3',
          description,
          cancelled: false,
          url: 'https://kunna.example/tillfallen/2',
        },
      ],
    });
    for (const line of text.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
    }
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
    expect(event.description).toBe(description);
    expect(event.uid).toBe('session-2@kunna');
    expect(event.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(event.component.getFirstPropertyValue('url')).toBe('https://kunna.example/tillfallen/2');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-03-05T12:00:00.000Z');
  });
});
