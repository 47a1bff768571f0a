import { ParticipationFigures, TargetStatus } from '@kunna/contracts';
import { decideSuppression } from '@kunna/learning-gain';

/** Hours from minutes, to two decimals. */
export function hours(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Share in percent with one decimal, or null for an empty group. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

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

/** Participation figures, or only the head count when the group must not be shown. */
export function participationFigures(people: number, participants: number, minutes: number, suppressed: boolean): ParticipationFigures {
  if (suppressed) return { people, participants: null, participationPercent: null, hours: null, hoursPerPerson: null, suppressed: true };
  return {
    people,
    participants,
    participationPercent: percent(participants, people),
    hours: hours(minutes),
    hoursPerPerson: people === 0 ? null : round2(minutes / 60 / people),
    suppressed: false,
  };
}

/**
 * Which groups may be shown beside the total: the minimum group size with the difference rule (and, when the groups
 * split the total, secondary suppression), from @kunna/learning-gain. Group sizes are head counts of people.
 */
export function suppressedGroups(total: number, groups: Array<{ key: string; people: number }>, minimum: number): { total: boolean; groups: Set<string> } {
  const partition = groups.reduce((sum, group) => sum + group.people, 0) === total;
  const decision = decideSuppression({ total, subgroups: groups.map((group) => ({ key: group.key, n: group.people })), minimum, partition });
  return { total: decision.total.suppressed, groups: new Set(decision.subgroups.filter((group) => group.suppressed).map((group) => group.key)) };
}
