import { groupBy } from '../common/group-by';
import { AllocationKind, AmbassadorReach, AmbassadorWorkload, ModuleReach, PersonRef, UnitRef } from '@kunna/contracts';

/**
 * Reach, cascade and workload of ambassadors, computed from the sessions they led (pure, so the rules are
 * unit-tested; the repository only fetches rows). The rules:
 * - a session counts as delivered once it has ended and was not cancelled; as planned while it is ahead and not cancelled;
 * - a facilitator's hours are the session's whole duration (two ambassadors leading together both spent the time);
 * - colleagues reached: distinct people with a record who attended (present, or partial for at least half the session:
 *   the sessions feature's rule) a delivered session the ambassador led, the ambassador themselves not counted.
 *   Walk-ins without a record cannot be told apart reliably and are not counted;
 * - who trained an ambassador: the facilitators of the ambassador-training sessions the ambassador attended.
 */

export interface ReachAmbassador {
  person: PersonRef;
  units: UnitRef[];
}

export interface FacilitatedSessionRow {
  facilitatorId: string;
  sessionId: string;
  moduleId: string;
  moduleTitle: string;
  durationMinutes: number;
  /** Ended and not cancelled. */
  delivered: boolean;
}

export interface AttendedRow {
  sessionId: string;
  personId: string;
  /** Participation minutes of the mark (the sessions feature's rule). */
  minutes: number;
}

export interface TrainerRow {
  traineeId: string;
  trainer: PersonRef;
}

/** Hours with one decimal, as every reach and workload figure shows them. */
export const minutesToHours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

export function computeReach(
  ambassadors: ReachAmbassador[],
  sessions: FacilitatedSessionRow[],
  attended: AttendedRow[],
  trainers: TrainerRow[],
): AmbassadorReach[] {
  const attendeesBySession = groupBy(attended, (row) => row.sessionId);
  const sessionsByFacilitator = groupBy(sessions, (session) => session.facilitatorId);
  const trainersByTrainee = groupBy(trainers, (row) => row.traineeId);

  return ambassadors.map(({ person, units }) => {
    const led = sessionsByFacilitator.get(person.id) ?? [];
    const delivered = led.filter((session) => session.delivered);
    const planned = led.filter((session) => !session.delivered);
    const reached = new Set<string>();
    let participantMinutes = 0;
    const modules = new Map<string, { title: string; sessions: number; minutes: number; colleagues: Set<string> }>();
    for (const session of delivered) {
      const entry = modules.get(session.moduleId) ?? { title: session.moduleTitle, sessions: 0, minutes: 0, colleagues: new Set<string>() };
      entry.sessions += 1;
      entry.minutes += session.durationMinutes;
      for (const attendee of attendeesBySession.get(session.sessionId) ?? []) {
        if (attendee.personId === person.id) continue;
        reached.add(attendee.personId);
        entry.colleagues.add(attendee.personId);
        participantMinutes += attendee.minutes;
      }
      modules.set(session.moduleId, entry);
    }
    const trainedBy = new Map<string, PersonRef>();
    for (const row of trainersByTrainee.get(person.id) ?? []) if (row.trainer.id !== person.id) trainedBy.set(row.trainer.id, row.trainer);
    const perModule: ModuleReach[] = [...modules.entries()]
      .map(([id, entry]) => ({
        module: { id, title: entry.title },
        sessionsDelivered: entry.sessions,
        hoursDelivered: minutesToHours(entry.minutes),
        colleaguesReached: entry.colleagues.size,
      }))
      .sort((a, b) => b.colleaguesReached - a.colleaguesReached || a.module.title.localeCompare(b.module.title, 'sv'));
    return {
      person,
      units,
      trainedBy: [...trainedBy.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv')),
      sessionsDelivered: delivered.length,
      hoursDelivered: minutesToHours(delivered.reduce((sum, session) => sum + session.durationMinutes, 0)),
      colleaguesReached: reached.size,
      participantHours: minutesToHours(participantMinutes),
      sessionsPlanned: planned.length,
      hoursPlanned: minutesToHours(planned.reduce((sum, session) => sum + session.durationMinutes, 0)),
      perModule,
    };
  });
}

/** Hours of a full-time post in a month: 40 hours a week, 52 weeks a year, over 12 months. */
export const FULL_TIME_HOURS_PER_MONTH = (40 * 52) / 12;

export function daysInMonth(month: string): number {
  const [year, monthNumber] = month.split('-').map(Number);
  return new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
}

/**
 * The hours an appointment allocates in a month: hours per month, or a share of a full-time post, in proportion to
 * the days of the month the appointment covers.
 */
export function allocatedHours(kind: AllocationKind, value: number, startDate: string, endDate: string | null, month: string): number {
  const monthStart = `${month}-01`;
  const length = daysInMonth(month);
  const monthEnd = `${month}-${String(length).padStart(2, '0')}`;
  const from = startDate > monthStart ? startDate : monthStart;
  const to = endDate !== null && endDate < monthEnd ? endDate : monthEnd;
  if (from > to) return 0;
  const covered = Number(to.slice(8, 10)) - Number(from.slice(8, 10)) + 1;
  const monthly = kind === AllocationKind.HoursPerMonth ? value : (FULL_TIME_HOURS_PER_MONTH * value) / 100;
  return Math.round(((monthly * covered) / length) * 10) / 10;
}

export interface WorkloadInput {
  appointmentId: string;
  person: PersonRef;
  units: UnitRef[];
  /** The person's appointments in force some day of the month. */
  allocations: Array<{ allocationKind: AllocationKind; allocationValue: number; startDate: string; endDate: string | null }>;
  /** Minutes of sessions led in the month: ended (delivered) and ahead (planned), cancelled ones left out. */
  deliveredMinutes: number;
  plannedMinutes: number;
  /** Minutes of individual support the ambassador logged in the month. */
  supportMinutes: number;
}

export function computeWorkload(input: WorkloadInput, month: string): AmbassadorWorkload {
  const allocated =
    Math.round(
      input.allocations.reduce((sum, entry) => sum + allocatedHours(entry.allocationKind, entry.allocationValue, entry.startDate, entry.endDate, month), 0) *
        10,
    ) / 10;
  const delivered = minutesToHours(input.deliveredMinutes);
  const support = minutesToHours(input.supportMinutes);
  const planned = minutesToHours(input.plannedMinutes);
  return {
    appointmentId: input.appointmentId,
    person: input.person,
    units: input.units,
    month,
    allocationKind: input.allocations[0].allocationKind,
    allocationValue: input.allocations[0].allocationValue,
    allocatedHours: allocated,
    deliveredHours: delivered,
    supportHours: support,
    plannedHours: planned,
    remainingHours: Math.round((allocated - (input.deliveredMinutes + input.supportMinutes + input.plannedMinutes) / 60) * 10) / 10,
  };
}
