import type { BackoffPolicy } from './job-kind';

/**
 * Seconds to wait before the next attempt after `failedAttempts` failures: doubling from the base,
 * capped, with up to 10 % added at random so jobs that failed together (the mail server was down) do
 * not all retry in the same second.
 */
export function retryDelaySeconds(policy: BackoffPolicy, failedAttempts: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, failedAttempts - 1);
  const delay = Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** Math.min(exponent, 30));
  return Math.round(delay * (1 + 0.1 * random()));
}

/** The start of the next slot of a recurring job, slots aligned to whole intervals since the epoch (UTC). */
export function nextSlot(now: Date, intervalSeconds: number): Date {
  const intervalMs = intervalSeconds * 1000;
  return new Date((Math.floor(now.getTime() / intervalMs) + 1) * intervalMs);
}
