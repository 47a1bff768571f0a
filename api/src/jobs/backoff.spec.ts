import { nextSlot, retryDelaySeconds } from './backoff';

describe('retryDelaySeconds', () => {
  const policy = { baseSeconds: 30, maxSeconds: 3600 };
  const noJitter = () => 0;

  it('doubles from the base after each failure', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelaySeconds(policy, n, noJitter))).toEqual([30, 60, 120, 240, 480]);
  });

  it('stops at the maximum', () => {
    expect(retryDelaySeconds(policy, 7, noJitter)).toBe(1920);
    expect(retryDelaySeconds(policy, 8, noJitter)).toBe(3600);
    expect(retryDelaySeconds(policy, 500, noJitter)).toBe(3600);
  });

  it('adds at most 10 % jitter', () => {
    expect(retryDelaySeconds(policy, 1, () => 0.999)).toBe(33);
    expect(retryDelaySeconds(policy, 8, () => 0.5)).toBe(3780);
  });

  it('treats zero failures like the first', () => {
    expect(retryDelaySeconds(policy, 0, noJitter)).toBe(30);
  });
});

describe('nextSlot', () => {
  it('is the next whole interval since the epoch, never now itself', () => {
    expect(nextSlot(new Date('2026-03-01T10:15:00Z'), 3600).toISOString()).toBe('2026-03-01T11:00:00.000Z');
    expect(nextSlot(new Date('2026-03-01T11:00:00Z'), 3600).toISOString()).toBe('2026-03-01T12:00:00.000Z');
    expect(nextSlot(new Date('2026-03-01T23:59:59Z'), 86400).toISOString()).toBe('2026-03-02T00:00:00.000Z');
  });
});
