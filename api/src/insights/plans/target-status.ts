import { TargetStatus } from '@kunna/contracts';

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Where a target stands today:
 * - met: the share completed reaches the target;
 * - missed: the due date has passed without that;
 * - on track: the share completed is at least the target's pro-rata share of the time elapsed since the target was
 *   set (a straight line from 0 on the day it was set to the target on the due date);
 * - behind: below that line.
 */
export function targetStatus(input: { completed: number; population: number; targetPercent: number; setOn: string; dueDate: string; today: string }): {
  status: TargetStatus;
  remaining: number;
} {
  const needed = Math.ceil((input.targetPercent * input.population) / 100);
  const remaining = Math.max(0, needed - input.completed);
  if (input.population > 0 && remaining === 0) return { status: TargetStatus.Met, remaining };
  if (input.today > input.dueDate) return { status: TargetStatus.Missed, remaining };
  const span = Math.max(1, daysBetween(input.setOn, input.dueDate));
  const elapsed = Math.min(span, Math.max(0, daysBetween(input.setOn, input.today)));
  const expected = (needed * elapsed) / span;
  return { status: input.completed >= expected ? TargetStatus.OnTrack : TargetStatus.Behind, remaining };
}
