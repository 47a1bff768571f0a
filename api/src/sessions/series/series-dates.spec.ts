import { addDays } from '../../database/local-day';
import { seriesDates } from './series.service';
import { hours } from '../attendance/participation.service';

describe('series dates', () => {
  it('repeats the first date every interval, count times, across month and year ends', () => {
    expect(seriesDates('2026-11-24', 2, 5)).toEqual(['2026-11-24', '2026-12-08', '2026-12-22', '2027-01-05', '2027-01-19']);
    expect(seriesDates('2026-02-26', 1, 2)).toEqual(['2026-02-26', '2026-03-05']);
    expect(seriesDates('2026-03-01', 3, 1)).toEqual(['2026-03-01']);
  });

  it('keeps the weekday (the date arithmetic is in UTC, so summer time does not shift a day)', () => {
    const dates = seriesDates('2026-03-24', 1, 3); // across the switch to summer time on 29 March
    expect(dates.map((date) => new Date(`${date}T00:00:00Z`).getUTCDay())).toEqual([2, 2, 2]);
    expect(addDays('2026-10-24', 7)).toBe('2026-10-31');
  });
});

describe('hours', () => {
  it('rounds minutes to hours with two decimals', () => {
    expect(hours(45)).toBe(0.75);
    expect(hours(110)).toBe(1.83);
    expect(hours(0)).toBe(0);
  });
});
