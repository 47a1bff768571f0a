import { ParticipationFigures } from '@kunna/contracts';
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

/**
 * Differencing across requests: a view and a parent view the caller can also see could be subtracted, so their
 * difference must itself reach the minimum (or be empty): the difference rule of `decideSuppression`.
 */
export function differencingRisk(shown: number, parents: readonly number[], minimum: number): boolean {
  return parents.some((parent) => {
    const decision = decideSuppression({ total: parent, subgroups: [{ key: 'shown', n: shown }], minimum });
    return !decision.total.suppressed && decision.subgroups[0].reason === 'complementary';
  });
}
