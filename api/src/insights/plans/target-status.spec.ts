import { TargetStatus } from '@kunna/contracts';
import { targetStatus } from './target-status';

describe('targetStatus', () => {
  const base = { population: 10, targetPercent: 90, setOn: '2026-01-01', dueDate: '2026-07-01' };

  it('is met when ceil(target × population) have completed, whatever the date', () => {
    expect(targetStatus({ ...base, completed: 9, today: '2026-08-01' })).toEqual({ status: TargetStatus.Met, remaining: 0 });
    // 90 % of 7 people needs 7 (6.3 rounded up).
    expect(targetStatus({ ...base, population: 7, completed: 6, today: '2026-02-01' })).toEqual({ status: TargetStatus.OnTrack, remaining: 1 });
  });

  it('is missed after the due date, behind below the straight line from the day it was set, on track on or above it', () => {
    expect(targetStatus({ ...base, completed: 8, today: '2026-07-02' })).toEqual({ status: TargetStatus.Missed, remaining: 1 });
    // Half-way (2026-04-01 is 90 of 181 days): the line is at 9 × 90/181 = 4.47.
    expect(targetStatus({ ...base, completed: 4, today: '2026-04-01' })).toEqual({ status: TargetStatus.Behind, remaining: 5 });
    expect(targetStatus({ ...base, completed: 5, today: '2026-04-01' })).toEqual({ status: TargetStatus.OnTrack, remaining: 4 });
  });

  it('never counts an empty population as met', () => {
    expect(targetStatus({ ...base, population: 0, completed: 0, today: '2026-02-01' }).status).toBe(TargetStatus.OnTrack);
    expect(targetStatus({ ...base, population: 0, completed: 0, today: '2026-08-01' }).status).toBe(TargetStatus.Missed);
  });
});
