import { Injectable } from '@nestjs/common';
import { ActivityCategory, ConflictKind, FieldError, SessionConflict, SessionStatus } from '@kunna/contracts';
import { ConflictsRepository } from './conflicts.repository';
import { SchedulingRepository, SessionRow } from './scheduling.repository';

/** Categories where the facilitator teaches a module and so should be qualified to deliver it. */
const QUALIFICATION_CATEGORIES = new Set<ActivityCategory>([
  ActivityCategory.WorkplaceLearning,
  ActivityCategory.WebCourseFollowUp,
  ActivityCategory.TryOut,
  ActivityCategory.IndividualSupport,
]);

export interface PlannedSession {
  organisationId: string;
  unitId: string;
  moduleId: string | null;
  activityCategory: ActivityCategory | null;
  date: string;
  startTime: string;
  durationMinutes: number;
  place: string;
  facilitatorIds: string[];
  exceptSessionId: string | null;
}

/**
 * Conflicts of planned sessions, shown before saving and on a session's page, and the reason a facilitator without
 * qualification needs (the one conflict that is enforced). Used by one session's scheduling and by series.
 */
@Injectable()
export class ConflictsService {
  constructor(
    private readonly repository: ConflictsRepository,
    private readonly sessions: SchedulingRepository,
  ) {}

  /**
   * Conflicts of a planned session: a facilitator or the place booked at an overlapping time, a facilitator who is an
   * ambassador without an appointment for the unit on the day, and (as a warning) one not qualified for the module.
   * They are shown, never enforced: the ambassador knows the workplace and decides.
   */
  async of(planned: PlannedSession): Promise<SessionConflict[]> {
    const out: SessionConflict[] = [];
    const facilitatorRows = await this.repository.facilitatorOverlaps(
      planned.facilitatorIds,
      planned.date,
      planned.startTime,
      planned.durationMinutes,
      planned.exceptSessionId,
    );
    for (const row of facilitatorRows) {
      out.push({
        kind: ConflictKind.FacilitatorDoubleBooked,
        person: { id: row.personId as string, name: row.personName as string },
        otherSession: { id: row.sessionId, title: row.title, unit: { id: row.unitId, name: row.unitName }, date: row.date, startTime: row.startTime },
        message: `${row.personName} leder redan ”${row.title}” ${row.date} kl. ${row.startTime} (${row.unitName}).`,
      });
    }
    if (planned.place.trim() !== '') {
      const placeRows = await this.repository.placeOverlaps(
        planned.organisationId,
        planned.place,
        planned.date,
        planned.startTime,
        planned.durationMinutes,
        planned.exceptSessionId,
      );
      for (const row of placeRows) {
        out.push({
          kind: ConflictKind.PlaceDoubleBooked,
          person: null,
          otherSession: { id: row.sessionId, title: row.title, unit: { id: row.unitId, name: row.unitName }, date: row.date, startTime: row.startTime },
          message: `Platsen är redan bokad för ”${row.title}” ${row.date} kl. ${row.startTime} (${row.unitName}).`,
        });
      }
    }
    const people = new Map((await this.sessions.people(planned.facilitatorIds)).map((person) => [person.id, person]));
    for (const personId of await this.repository.facilitatorsOutsideAppointment(planned.facilitatorIds, planned.unitId, planned.date)) {
      const name = people.get(personId)?.name ?? '';
      out.push({
        kind: ConflictKind.OutsideAppointment,
        person: { id: personId, name },
        otherSession: null,
        message: `${name} är inte ombud för enheten ${planned.date}.`,
      });
    }
    for (const personId of await this.unqualifiedFacilitators(planned.facilitatorIds, planned.moduleId, planned.activityCategory, planned.date)) {
      const name = people.get(personId)?.name ?? '';
      out.push({
        kind: ConflictKind.FacilitatorNotQualified,
        person: { id: personId, name },
        otherSession: null,
        message: `${name} har ingen behörighet att leda modulen ${planned.date}.`,
      });
    }
    return out;
  }

  /**
   * Facilitators not qualified to deliver the module on the date, in categories where the facilitator teaches the
   * module (the `facilitator_not_qualified` conflict). Scheduling one is allowed, with a recorded reason.
   */
  async unqualifiedFacilitators(facilitatorIds: string[], moduleId: string | null, activityCategory: ActivityCategory | null, date: string): Promise<string[]> {
    if (!moduleId || !activityCategory || !QUALIFICATION_CATEGORIES.has(activityCategory)) return [];
    return this.repository.unqualifiedAmong(facilitatorIds, moduleId, date);
  }

  /**
   * The facilitator reason a scheduled session keeps after a change of facilitators, date or status, and who is not
   * covered by a reason. The rule:
   * - every facilitator qualified: no reason is kept (one given is ignored): it would explain an exception that is gone;
   * - a reason given with the change replaces the recorded one;
   * - otherwise the recorded reason stays, but only covers those it was written for: a change of facilitators or date
   *   that brings in someone else not qualified needs a new reason (`uncovered` lists them). A change that touches
   *   neither (place, time, cancelling, restoring) never asks for one, so sessions saved before reasons were
   *   required can still be edited and cancelled.
   * A cancelled session keeps its reason as it is.
   */
  async facilitatorReasonAfter(
    before: SessionRow,
    after: { facilitatorIds: string[]; date: string; status: SessionStatus },
    given: string | null | undefined,
  ): Promise<{ reason: string | null; uncovered: string[] }> {
    if (after.status !== SessionStatus.Scheduled) return { reason: before.facilitatorReason, uncovered: [] };
    const unqualified = await this.unqualifiedFacilitators(after.facilitatorIds, before.moduleId, before.activityCategory, after.date);
    if (unqualified.length === 0) return { reason: null, uncovered: [] };
    if (given) return { reason: given, uncovered: [] };
    const changed = after.date !== before.date || !sameMembers(after.facilitatorIds, before.facilitatorIds);
    if (!changed) return { reason: before.facilitatorReason, uncovered: [] };
    const covered = new Set(
      before.facilitatorReason ? await this.unqualifiedFacilitators(before.facilitatorIds, before.moduleId, before.activityCategory, before.date) : [],
    );
    return { reason: before.facilitatorReason, uncovered: unqualified.filter((personId) => !covered.has(personId)) };
  }

  /** The field error of a missing reason, naming who is not qualified. */
  async reasonRequired(personIds: string[]): Promise<FieldError> {
    const people = new Map((await this.sessions.people(personIds)).map((person) => [person.id, person.name]));
    const names = personIds.map((personId) => people.get(personId) ?? '').join(', ');
    return {
      field: 'facilitatorReason',
      message: `${names} har ingen behörighet att leda modulen. Skriv varför ${personIds.length > 1 ? 'de' : 'hen'} ändå leder tillfället.`,
    };
  }
}

function sameMembers(a: string[], b: string[]): boolean {
  const left = new Set(a.map((id) => id.toLowerCase()));
  const right = new Set(b.map((id) => id.toLowerCase()));
  return left.size === right.size && [...left].every((id) => right.has(id));
}
