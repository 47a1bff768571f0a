import { addDays, localToday } from './local-day';

describe('local day', () => {
  it("is Stockholm's date, not UTC's, in the hour after midnight there", () => {
    // 23:30 UTC on 6 December is 00:30 on 7 December in Stockholm (UTC+1 in winter); in summer (UTC+2) from 22:00.
    expect(localToday(new Date('2026-12-06T23:30:00Z'))).toBe('2026-12-07');
    expect(localToday(new Date('2026-12-06T22:59:00Z'))).toBe('2026-12-06');
    expect(localToday(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
  });

  it('adds calendar days across months, leap days and years', () => {
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
  });
});
