import { Injectable } from '@nestjs/common';
import {
  ActivityCategory,
  AttendanceBatchResult,
  AttendanceStatus,
  FieldError,
  MarkOutcome,
  SessionAttendance,
  SessionStatus,
  WalkInCandidate,
} from '@kunna/contracts';
import { AuditService } from '../../database/audit.service';
import type { Caller } from '../../auth';
import { DomainEvents } from '../../common/domain-events';
import { validationError } from '../../common/errors';
import { notFound, stateConflict } from '../../common/http-errors';
import { SchedulingRepository, SessionRow } from '../scheduling/scheduling.repository';
import { AttendanceRecorded, ProgramCompletion } from '../session-events';
import { AttendanceRepository, MarkToApply } from './attendance.repository';
import { AttendanceBatchDto } from './attendance.dto';

/** A device clock ahead of the server by more than this is treated as "now": a fast clock must not win every conflict. */
const CLOCK_SKEW_MS = 2 * 60 * 1000;

/** Attendance of a session with the offline-safe batch rule (see README.md), clearing a mark, and finding walk-ins. */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly repository: AttendanceRepository,
    private readonly sessions: SchedulingRepository,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

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
    const today = await this.sessions.today();
    if (session.date > today) throw stateConflict(`Tillfället är ${session.date}: närvaro registreras från den dagen.`, 'not_started');

    const errors: FieldError[] = [];
    const personIds = [...new Set(body.marks.flatMap((mark) => (mark.personId ? [mark.personId] : [])))];
    const people = new Map((await this.sessions.people(personIds)).map((person) => [person.id, person]));
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
}

function participantKey(mark: MarkToApply): string {
  return mark.personId ?? `~${(mark.walkInName ?? '').toLowerCase()}`;
}
