import { escapeText, foldLine, serializeCalendar, utcDateTime } from './ical';

describe('iCalendar writer', () => {
  it('escapes backslash, semicolon, comma and every kind of line break', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });

  it('leaves lines of 75 octets alone and folds longer ones with CRLF and a space', () => {
    const exact = 'X'.repeat(75);
    expect(foldLine(exact)).toBe(exact);
    const long = 'SUMMARY:' + 'a'.repeat(200);
    const physical = foldLine(long).split('\r\n');
    expect(physical.length).toBeGreaterThan(2);
    for (const line of physical) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    for (const line of physical.slice(1)) expect(line.startsWith(' ')).toBe(true);
    // Unfolding (remove CRLF + one space) gives the logical line back.
    expect(foldLine(long).replace(/\r\n /g, '')).toBe(long);
  });

  it('counts octets, not characters, and never splits a multi-byte character', () => {
    const line = 'DESCRIPTION:' + 'åäö€😀'.repeat(30);
    const folded = foldLine(line);
    for (const physical of folded.split('\r\n')) {
      expect(Buffer.byteLength(physical, 'utf8')).toBeLessThanOrEqual(75);
      expect(physical).not.toContain('\uFFFD');
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    // 'å' is two octets: 37 of them after the 12 octets of "DESCRIPTION:" would be 86 octets.
    expect(Buffer.byteLength(folded.split('\r\n')[0], 'utf8')).toBeLessThanOrEqual(75);
  });

  it('writes UTC date-times without separators', () => {
    expect(utcDateTime(new Date('2026-03-04T08:05:09.123Z'))).toBe('20260304T080509Z');
  });

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
    expect(text).toContain('\r\nX-WR-CALNAME:Kunna\\, Solgården\r\n');
    expect(text).toContain('\r\nSUMMARY:Digitala verktyg\\; del 1\r\n');
    expect(text).toContain('\r\nLOCATION:Personalrummet\\, plan 2\r\n');
    expect(text).toContain('\r\nDESCRIPTION:Rad ett\\nRad två\r\n');
    expect(text).toContain('\r\nSTATUS:CANCELLED\r\n');
    expect(text).toContain('\r\nSEQUENCE:3\r\n');
    expect(text).toContain('\r\nDTSTAMP:20260302T070000Z\r\nLAST-MODIFIED:20260301T100000Z\r\n');
    expect(text).toContain('\r\nDTSTART:20260304T080000Z\r\nDTEND:20260304T083000Z\r\n');
  });
});
