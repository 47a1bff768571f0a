import { Injectable } from '@nestjs/common';
import {
  ActivityCategory,
  AttendanceBatchResult,
  AttendanceStatus,
  ConflictKind,
  FieldError,
  MarkOutcome,
  Role,
  SessionAttendance,
  SessionAudience,
  SessionConflict,
  SessionDetail,
  SessionStatus,
  SessionSummary,
  WalkInCandidate,
} from '@kunna/contracts';
import { AuditService } from '../database/audit.service';
import { SessionReminders } from '../notifications';
import type { Caller } from '../auth';
import { DomainEvents } from '../common/domain-events';
import { validationError } from '../common/errors';
import { forbidden, notFound, stateConflict } from '../common/http-errors';
import { unitsWhere, visibilityFor } from '../organisation';
import { AttendanceRecorded, ProgramCompletion, SessionsStatusChanged } from './session-events';
import { mayEditSession, mayScheduleIn, READING_ROLES } from './sessions-policy';
import { MarkToApply, SessionRow, SessionsRepository, VersionChoice } from './sessions.repository';
import { AttendanceBatchDto, ConflictCheckDto, CreateSessionDto, SessionListQueryDto, UpdateSessionDto } from './dto/sessions.dto';

/** Categories where the facilitator teaches a module and so should be qualified to deliver it. */
const QUALIFICATION_CATEGORIES = new Set<ActivityCategory>([
  ActivityCategory.WorkplaceLearning,
  ActivityCategory.WebCourseFollowUp,
  ActivityCategory.TryOut,
  ActivityCategory.IndividualSupport,
]);

/** A device clock ahead of the server by more than this is treated as "now": a fast clock must not win every conflict. */
const CLOCK_SKEW_MS = 2 * 60 * 1000;

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
 * Workplace sessions: scheduling (one session, series in SeriesService), conflicts, and attendance with the
 * offline-safe batch rule (see README.md).
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly repository: SessionsRepository,
    private readonly audit: AuditService,
    private readonly reminders: SessionReminders,
    private readonly events: DomainEvents,
  ) {}

  // --- reading ---

  async list(caller: Caller, query: SessionListQueryDto): Promise<SessionSummary[]> {
    const sessions = await this.repository.summaries({
      organisationId: caller.organisationId,
      visibility: visibilityFor(caller, READING_ROLES),
      facilitatorId: caller.personId,
      unitId: query.unitId,
      from: query.from,
      to: query.to,
      includeCancelled: query.includeCancelled === 'true',
    });
    return sessions.map(withoutNote);
  }

  /** After a change: the session as it now is. */
  private async detailById(caller: Caller, sessionId: string): Promise<SessionDetail> {
    const row = await this.repository.sessionRow(sessionId);
    if (!row) throw notFound();
    return this.detail(caller, row);
  }

  /** `row`: the session as the access guard read it (sessions-permit-objects.ts), or as a change left it. */
  async detail(caller: Caller, row: SessionRow): Promise<SessionDetail> {
    const sessionId = row.id;
    const summary = await this.repository.summary(sessionId);
    if (!summary) throw notFound();
    const conflicts =
      row.status === SessionStatus.Scheduled
        ? await this.conflicts({
            organisationId: row.organisationId,
            unitId: row.unitId,
            moduleId: row.moduleId,
            activityCategory: row.activityCategory,
            date: row.date,
            startTime: row.startTime,
            durationMinutes: row.durationMinutes,
            place: row.place,
            facilitatorIds: row.facilitatorIds,
            exceptSessionId: row.id,
          })
        : [];
    return {
      ...summary,
      facilitatorReason: row.facilitatorReason,
      invitedPersonIds: row.audience === SessionAudience.Selection ? row.invitedPersonIds : [],
      conflicts,
      canEdit: mayEditSession(caller, { ...row }),
    };
  }

  /** The caller's sessions of a day: those they facilitate and those of the units where they are ambassador or manager. */
  async mine(caller: Caller, date: string | undefined): Promise<SessionSummary[]> {
    const day = date ?? (await this.repository.today());
    const units = [...unitsWhere(caller, Role.Ambassador), ...unitsWhere(caller, Role.Manager)];
    const ids = await this.repository.daySessionIds(caller.organisationId, caller.personId, units, day);
    if (ids.length === 0) return [];
    const sessions = await this.repository.summaries({
      organisationId: caller.organisationId,
      visibility: { organisationWide: true, areaIds: [], unitIds: [] },
      facilitatorId: caller.personId,
      includeCancelled: false,
      sessionIds: ids,
    });
    return sessions.map(withoutNote);
  }

  // --- scheduling ---

  async create(caller: Caller, body: CreateSessionDto): Promise<SessionDetail> {
    if (body.id) {
      const existing = await this.repository.sessionRow(body.id);
      if (existing) {
        // A retry of the same request returns what it made; the id of anything else is taken.
        if (existing.organisationId === caller.organisationId && existing.unitId === body.unitId && existing.seriesId === null) {
          return this.detail(caller, existing);
        }
        throw validationError([{ field: 'id', message: 'Id:t används redan. Skapa ett nytt id.' }]);
      }
    }
    const unit = await this.schedulableUnit(caller, body.unitId);
    const version = await this.chooseVersion(caller, body.moduleId, body.moduleVersionId);
    const facilitatorErrors = await this.checkPeople(caller, body.facilitatorIds, 'facilitatorIds', body.date);
    const errors = [...facilitatorErrors, ...(await this.checkInvitations(caller, body.audience, body.invitedPersonIds, body.capacity ?? null, body.date))];
    let facilitatorReason: string | null = null;
    if (facilitatorErrors.length === 0) {
      const unqualified = await this.unqualifiedFacilitators(body.facilitatorIds, version.moduleId, body.activityCategory, body.date);
      // Kept only when someone is not qualified: a reason for an exception that is not there would mislead.
      if (unqualified.length > 0) {
        if (body.facilitatorReason) facilitatorReason = body.facilitatorReason;
        else errors.push(await this.reasonRequired(unqualified));
      }
    }
    if (errors.length > 0) throw validationError(errors);
    const sessionId = await this.repository.insertSession({
      id: body.id ?? null,
      organisationId: unit.organisationId,
      unitId: unit.id,
      moduleVersionId: version.versionId,
      seriesId: null,
      seriesPosition: null,
      programId: null,
      date: body.date,
      startTime: body.startTime,
      durationMinutes: body.durationMinutes,
      place: body.place,
      capacity: body.capacity ?? null,
      activityCategory: body.activityCategory,
      shift: body.shift ?? null,
      audience: body.audience,
      note: body.note ?? null,
      facilitatorReason,
      createdBy: caller.personId,
    });
    await this.repository.setFacilitators(sessionId, unit.organisationId, body.facilitatorIds);
    if (body.audience === SessionAudience.Selection) {
      await this.repository.setInvitations(sessionId, unit.organisationId, body.invitedPersonIds ?? []);
    }
    await this.reminders.scheduled(sessionId);
    await this.audit.record({
      action: 'session.created',
      targetType: 'session',
      targetId: sessionId,
      details: {
        unitId: unit.id,
        moduleVersionId: version.versionId,
        date: body.date,
        startTime: body.startTime,
        facilitatorIds: body.facilitatorIds,
        facilitatorReason,
      },
    });
    return this.detailById(caller, sessionId);
  }

  /** Moves, changes or cancels one session (a session in a series too: the series stays, only this one changes). */
  async update(caller: Caller, sessionId: string, body: UpdateSessionDto): Promise<SessionDetail> {
    const current = await this.repository.sessionRow(sessionId, true);
    if (!current) throw notFound();
    const date = body.date ?? current.date;
    const audience = body.audience ?? current.audience;
    const capacity = body.capacity === undefined ? current.capacity : body.capacity;
    const errors: FieldError[] = [];
    const facilitatorErrors = body.facilitatorIds ? await this.checkPeople(caller, body.facilitatorIds, 'facilitatorIds', date) : [];
    errors.push(...facilitatorErrors);
    if (body.audience !== undefined || body.invitedPersonIds !== undefined || body.capacity !== undefined) {
      const invited = body.invitedPersonIds ?? (audience === SessionAudience.Selection ? current.invitedPersonIds : undefined);
      errors.push(...(await this.checkInvitations(caller, audience, invited, capacity, date)));
    }
    if (body.cancelled === true && !body.cancelReason && !current.cancelReason) {
      errors.push({ field: 'cancelReason', message: 'Skriv varför tillfället ställs in, så att de inbjudna får veta.' });
    }
    const status = body.cancelled === undefined ? current.status : body.cancelled ? SessionStatus.Cancelled : SessionStatus.Scheduled;
    let facilitatorReason = current.facilitatorReason;
    if (facilitatorErrors.length === 0) {
      const outcome = await this.facilitatorReasonAfter(
        current,
        { facilitatorIds: body.facilitatorIds ?? current.facilitatorIds, date, status },
        body.facilitatorReason,
      );
      if (outcome.uncovered.length > 0) errors.push(await this.reasonRequired(outcome.uncovered));
      facilitatorReason = outcome.reason;
    }
    if (errors.length > 0) throw validationError(errors);
    await this.repository.updateSession(
      sessionId,
      {
        date,
        startTime: body.startTime ?? current.startTime,
        durationMinutes: body.durationMinutes ?? current.durationMinutes,
        place: body.place ?? current.place,
        capacity,
        shift: body.shift === undefined ? current.shift : body.shift,
        audience,
        note: body.note === undefined ? current.note : body.note,
        facilitatorReason,
        status,
        cancelReason: status === SessionStatus.Cancelled ? (body.cancelReason ?? current.cancelReason) : null,
      },
      caller.personId,
    );
    if (body.facilitatorIds) await this.repository.setFacilitators(sessionId, current.organisationId, body.facilitatorIds);
    if (audience === SessionAudience.Selection && body.invitedPersonIds) {
      await this.repository.setInvitations(sessionId, current.organisationId, body.invitedPersonIds);
    }
    if (audience === SessionAudience.UnitTeam && current.audience === SessionAudience.Selection) {
      await this.repository.setInvitations(sessionId, current.organisationId, []);
    }
    await this.reminders.changed(sessionId, current);
    if (status !== current.status) await this.events.publish(new SessionsStatusChanged([sessionId], status === SessionStatus.Cancelled));
    await this.audit.record({
      action: status !== current.status ? (status === SessionStatus.Cancelled ? 'session.cancelled' : 'session.restored') : 'session.updated',
      targetType: 'session',
      targetId: sessionId,
      details: { before: { date: current.date, startTime: current.startTime, place: current.place, status: current.status }, changes: { ...body } },
    });
    return this.detailById(caller, sessionId);
  }

  async conflictCheck(caller: Caller, body: ConflictCheckDto): Promise<SessionConflict[]> {
    const unit = await this.repository.unit(body.unitId);
    if (!unit || unit.organisationId !== caller.organisationId) throw notFound();
    let moduleId: string | null = null;
    if (body.moduleId || body.moduleVersionId) moduleId = (await this.chooseVersion(caller, body.moduleId, body.moduleVersionId)).moduleId;
    return this.conflicts({
      organisationId: caller.organisationId,
      unitId: unit.id,
      moduleId,
      activityCategory: body.activityCategory ?? null,
      date: body.date,
      startTime: body.startTime,
      durationMinutes: body.durationMinutes,
      place: body.place,
      facilitatorIds: body.facilitatorIds,
      exceptSessionId: body.sessionId ?? null,
    });
  }

  /**
   * Conflicts of a planned session: a facilitator or the place booked at an overlapping time, a facilitator who is an
   * ambassador without an appointment for the unit on the day, and (as a warning) one not qualified for the module.
   * They are shown, never enforced: the ambassador knows the workplace and decides.
   */
  async conflicts(planned: PlannedSession): Promise<SessionConflict[]> {
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
    const people = new Map((await this.repository.people(planned.facilitatorIds)).map((person) => [person.id, person]));
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

  // --- facilitators without qualification ---

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
    const people = new Map((await this.repository.people(personIds)).map((person) => [person.id, person.name]));
    const names = personIds.map((personId) => people.get(personId) ?? '').join(', ');
    return {
      field: 'facilitatorReason',
      message: `${names} har ingen behörighet att leda modulen. Skriv varför ${personIds.length > 1 ? 'de' : 'hen'} ändå leder tillfället.`,
    };
  }

  // --- attendance ---

  async attendance(session: SessionRow): Promise<SessionAttendance> {
    return { sessionId: session.id, durationMinutes: session.durationMinutes, rows: await this.repository.attendance(session.id) };
  }

  /**
   * Records a batch of marks (from a tablet that may have been offline). Each mark carries the client's id: a mark id
   * received before is a replay and changes nothing. Between two marks of the same person the one made later on its
   * device (recordedAt) wins, ties broken by the larger mark id, whatever order they arrive in. See README.md.
   */
  async recordAttendance(caller: Caller, session: SessionRow, body: AttendanceBatchDto): Promise<AttendanceBatchResult> {
    const sessionId = session.id;
    if (session.status === SessionStatus.Cancelled) throw stateConflict('Tillfället är inställt: närvaro kan inte registreras.', 'cancelled');
    const today = await this.repository.today();
    if (session.date > today) throw stateConflict(`Tillfället är ${session.date}: närvaro registreras från den dagen.`, 'not_started');

    const errors: FieldError[] = [];
    const personIds = [...new Set(body.marks.flatMap((mark) => (mark.personId ? [mark.personId] : [])))];
    const people = new Map((await this.repository.people(personIds)).map((person) => [person.id, person]));
    const now = Date.now();
    const marks: MarkToApply[] = [];
    body.marks.forEach((mark, index) => {
      const at = `marks.${index}`;
      if ((mark.personId === undefined) === (mark.walkInName === undefined)) {
        errors.push({ field: `${at}.personId`, message: 'Ange antingen en person (personId) eller ett namn (walkInName).' });
        return;
      }
      if (mark.personId !== undefined) {
        const person = people.get(mark.personId);
        if (!person || person.organisationId !== caller.organisationId) {
          errors.push({ field: `${at}.personId`, message: 'Personen finns inte.' });
          return;
        }
      }
      if (mark.status === AttendanceStatus.Partial) {
        if (mark.minutes === undefined || mark.minutes === null) {
          errors.push({ field: `${at}.minutes`, message: 'Skriv hur många minuter personen var med.' });
          return;
        }
        if (mark.minutes > session.durationMinutes) {
          errors.push({ field: `${at}.minutes`, message: `Tillfället är ${session.durationMinutes} minuter.` });
          return;
        }
      }
      if (mark.walkInName !== undefined && mark.status !== AttendanceStatus.Present && mark.status !== AttendanceStatus.Partial) {
        errors.push({ field: `${at}.status`, message: 'En drop-in-deltagare som inte var med tas bort i stället för att markeras.' });
        return;
      }
      const recorded = Date.parse(mark.recordedAt);
      if (Number.isNaN(recorded)) {
        errors.push({ field: `${at}.recordedAt`, message: 'Tidpunkten (recordedAt) måste vara en ISO-tidpunkt.' });
        return;
      }
      marks.push({
        id: mark.id.toLowerCase(),
        organisationId: session.organisationId,
        sessionId,
        personId: mark.personId ?? null,
        walkInName: mark.walkInName ?? null,
        walkIn: false,
        status: mark.status,
        minutes: mark.status === AttendanceStatus.Partial ? (mark.minutes as number) : null,
        recordedAt: new Date(Math.min(recorded, now + CLOCK_SKEW_MS)).toISOString(),
        recordedBy: caller.personId,
      });
    });
    if (errors.length > 0) throw validationError(errors);

    // A mark id is the client's promise that it is one mark: reusing it for another session or person is a mistake.
    // Set-based: one query for the batch's receipts and one for who is invited, not one per mark (npm run bench).
    const receipts = await this.repository.receipts(marks.map((mark) => mark.id));
    for (const [index, mark] of marks.entries()) {
      const earlier = receipts.get(mark.id);
      if (
        earlier &&
        (earlier.sessionId !== sessionId ||
          earlier.personId !== mark.personId ||
          (earlier.walkInName ?? '').toLowerCase() !== (mark.walkInName ?? '').toLowerCase())
      ) {
        errors.push({ field: `marks.${index}.id`, message: 'Markeringens id används redan för en annan markering.' });
      }
    }
    if (errors.length > 0) throw validationError(errors);

    // One lock order for every request (by person, then mark id), so two tablets syncing at once cannot deadlock.
    const ordered = marks
      .map((mark, index) => ({ mark, index }))
      .sort((a, b) => participantKey(a.mark).localeCompare(participantKey(b.mark)) || a.mark.id.localeCompare(b.mark.id));
    const invited = await this.repository.invitedAmong(sessionId, personIds);
    for (const { mark } of ordered) mark.walkIn = !mark.personId || !invited.has(mark.personId.toLowerCase());
    const results = await this.repository.applyMarks(ordered.map(({ mark }) => mark));
    const outcomes = new Map<number, MarkOutcome>(ordered.map(({ index }, position) => [index, results[position]]));
    const applied = [...outcomes.values()].filter((outcome) => outcome === MarkOutcome.Applied).length;
    if (applied > 0) {
      await this.audit.record({
        action: 'attendance.recorded',
        targetType: 'session',
        targetId: sessionId,
        details: { applied, received: marks.length },
      });
    }
    if (applied > 0) await this.events.publish(new AttendanceRecorded(session.organisationId, sessionId, await this.programCompletions(session, marks)));
    return {
      results: marks.map((mark, index) => ({ id: mark.id, outcome: outcomes.get(index) as MarkOutcome })),
      attendance: await this.attendance(session),
    };
  }

  /**
   * Clears a participant's mark in force (by the id the list shows), so they are unmarked again. Safe to repeat: a mark
   * already cleared answers the same. A mark that another one has replaced meanwhile is not cleared (409 markReplaced):
   * the newer mark is someone's later decision. `clearedAt` is the device's time, like a mark's `recordedAt`, so that
   * "the mark made last wins" compares times of one clock; a mark recorded before it that syncs later stays out.
   */
  async clearMark(caller: Caller, session: SessionRow, markId: string, clearedAt: string | undefined): Promise<void> {
    const sessionId = session.id;
    const id = markId.toLowerCase();
    const state = await this.repository.markState(sessionId, id);
    if (!state) throw notFound();
    if (state.outcome === 'cleared') return;
    if (session.status === SessionStatus.Cancelled) throw stateConflict('Tillfället är inställt: närvaro kan inte ändras.', 'cancelled');
    const now = Date.now();
    const at = clearedAt === undefined ? now : Date.parse(clearedAt);
    const cleared = await this.repository.clearMark(sessionId, id, new Date(Math.min(at, now + CLOCK_SKEW_MS)).toISOString(), caller.personId);
    if (!cleared) {
      // A concurrent request cleared it first (then this one is a repeat), or a newer mark replaced it.
      if ((await this.repository.markState(sessionId, id))?.outcome === 'cleared') return;
      throw stateConflict('Markeringen har redan ersatts av en nyare. Ladda om listan och försök igen.', 'markReplaced');
    }
    await this.audit.record({ action: 'attendance.cleared', targetType: 'session', targetId: sessionId, details: { markId: id } });
  }

  async walkInCandidates(caller: Caller, session: SessionRow, query: string): Promise<WalkInCandidate[]> {
    return this.repository.walkInCandidates(caller.organisationId, query, session.date);
  }

  // --- helpers ---

  /** Ambassador training that follows a program: the marked trainees who have now attended every step. */
  private async programCompletions(session: SessionRow, marks: MarkToApply[]): Promise<ProgramCompletion[]> {
    const programId = session.programId;
    if (session.activityCategory !== ActivityCategory.AmbassadorTraining || !programId) return [];
    const trainees = [...new Set(marks.flatMap((mark) => (mark.personId ? [mark.personId] : [])))];
    const out: ProgramCompletion[] = [];
    for (const personId of trainees) {
      const completion = await this.repository.programCompletion(personId, programId);
      if (completion) out.push({ personId, programId, ...completion });
    }
    return out;
  }

  async schedulableUnit(caller: Caller, unitId: string) {
    const unit = await this.repository.unit(unitId);
    if (!unit || unit.organisationId !== caller.organisationId) throw notFound();
    if (!mayScheduleIn(caller, unit.id)) throw forbidden('Du får inte planera tillfällen för den här enheten.');
    if (unit.closed) throw validationError([{ field: 'unitId', message: 'Enheten är stängd.' }]);
    return unit;
  }

  async chooseVersion(caller: Caller, moduleId: string | undefined, moduleVersionId: string | undefined): Promise<VersionChoice> {
    if (moduleVersionId) {
      const version = await this.repository.publishedVersion(moduleVersionId, caller.networkId, caller.organisationId);
      if (!version) throw validationError([{ field: 'moduleVersionId', message: 'Versionen finns inte eller är inte publicerad.' }]);
      if (moduleId && version.moduleId !== moduleId) throw validationError([{ field: 'moduleVersionId', message: 'Versionen hör till en annan modul.' }]);
      return version;
    }
    if (!moduleId) throw validationError([{ field: 'moduleId', message: 'Välj en modul.' }]);
    const version = await this.repository.latestVersion(moduleId, caller.networkId, caller.organisationId);
    if (!version) throw validationError([{ field: 'moduleId', message: 'Modulen finns inte, är arkiverad eller har ingen publicerad version.' }]);
    return version;
  }

  /** People of the caller's organisation, employed on the date. */
  async checkPeople(caller: Caller, personIds: string[], field: string, date: string): Promise<FieldError[]> {
    const people = new Map((await this.repository.people(personIds)).map((person) => [person.id, person]));
    const errors: FieldError[] = [];
    personIds.forEach((personId, index) => {
      const person = people.get(personId);
      if (!person || person.organisationId !== caller.organisationId || person.pseudonymised) {
        errors.push({ field: `${field}.${index}`, message: 'Personen finns inte.' });
      } else if (person.endDate !== null && person.endDate < date) {
        errors.push({ field: `${field}.${index}`, message: `${person.name} slutade ${person.endDate}.` });
      }
    });
    return errors;
  }

  async checkInvitations(
    caller: Caller,
    audience: SessionAudience,
    invitedPersonIds: string[] | undefined,
    capacity: number | null,
    date: string,
  ): Promise<FieldError[]> {
    if (audience !== SessionAudience.Selection) {
      return invitedPersonIds && invitedPersonIds.length > 0
        ? [{ field: 'invitedPersonIds', message: 'Hela arbetslaget bjuds in: välj "urval" för att välja personer.' }]
        : [];
    }
    if (!invitedPersonIds || invitedPersonIds.length === 0) return [{ field: 'invitedPersonIds', message: 'Välj minst en person att bjuda in.' }];
    if (capacity !== null && invitedPersonIds.length > capacity) {
      return [{ field: 'invitedPersonIds', message: `Fler inbjudna (${invitedPersonIds.length}) än platser (${capacity}).` }];
    }
    return this.checkPeople(caller, invitedPersonIds, 'invitedPersonIds', date);
  }
}

function sameMembers(a: string[], b: string[]): boolean {
  const left = new Set(a.map((id) => id.toLowerCase()));
  const right = new Set(b.map((id) => id.toLowerCase()));
  return left.size === right.size && [...left].every((id) => right.has(id));
}

function participantKey(mark: MarkToApply): string {
  return mark.personId ?? `~${(mark.walkInName ?? '').toLowerCase()}`;
}

/** Lists answer `SessionSummary`: the note belongs to the session's detail (the repository reads it for updates). */
function withoutNote({ note: _note, ...summary }: SessionSummary & { note: string | null }): SessionSummary {
  return summary;
}
