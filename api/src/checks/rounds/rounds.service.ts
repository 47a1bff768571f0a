import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { CheckAssignment, CheckKind, CreateCheckAssignmentRequest, Role, rolesOf } from '@kunna/contracts';
import { AuditService } from '../../database/audit.service';
import { defineJobKind, JobQueue, PermanentJobError } from '../../jobs';
import { type Caller, callerCanSee, callerCovers, ScopePosition } from '../../auth';
import { validationError } from '../../common/errors';
import { forbidden, notFound, stateConflict } from '../../common/http-errors';
import { InstrumentsRepository } from '../instruments/instruments.repository';
import { RoundsRepository } from './rounds.repository';
import { localToday } from '../../database/local-day';

/** Who assigns checks to a unit and opens rounds. */
const ASSIGNERS = rolesOf('checks.createAssignment');

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const DAY_MS = 86_400_000;

/** Opens an assignment's follow-up round when it is due (scheduled when the after round opens). */
export type FollowUpPayload = { assignmentId: string };
export const FOLLOW_UP_CHECK = defineJobKind<FollowUpPayload>('checks.follow-up', { maxAttempts: 5 });
/** One follow-up job per assignment: a retried request or a second click schedules nothing more. */
export const followUpKey = (assignmentId: string) => `assignment:${assignmentId}:follow-up`;

/** A check assigned to a unit and its before, after and follow-up rounds: opening, cancelling, scheduling the follow-up. */
@Injectable()
export class RoundsService {
  constructor(
    private readonly repository: RoundsRepository,
    private readonly instruments: InstrumentsRepository,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
  ) {}

  // --- assignments and rounds ---

  async assignments(caller: Caller, unitId: string | undefined): Promise<CheckAssignment[]> {
    if (unitId) {
      await this.unitFor(caller, unitId, ASSIGNERS);
      return this.withRounds(await this.repository.assignments(caller.organisationId, [unitId]));
    }
    const all = await this.repository.assignments(caller.organisationId, null);
    const visible = all.filter((a) => callerCovers(caller, ASSIGNERS, positionOf(a)));
    return this.withRounds(visible);
  }

  async assignment(caller: Caller, id: string): Promise<CheckAssignment> {
    const row = await this.repository.assignment(id);
    if (!row || !callerCanSee(caller, ASSIGNERS, positionOf(row))) throw notFound();
    if (!callerCovers(caller, ASSIGNERS, positionOf(row))) throw forbidden();
    return (await this.withRounds([row]))[0];
  }

  async createAssignment(caller: Caller, body: CreateCheckAssignmentRequest): Promise<CheckAssignment> {
    const unit = await this.unitFor(caller, body.unitId, ASSIGNERS);
    const existing = await this.repository.assignment(body.id);
    if (existing) {
      // A retried create: the same assignment again; an id reused for something else is a conflict.
      if (existing.unitId !== body.unitId || existing.instrumentVersionId !== body.instrumentVersionId) {
        throw stateConflict('Id:t används redan.', 'id_taken');
      }
      return this.assignment(caller, body.id);
    }
    const version = await this.instruments.version(body.instrumentVersionId);
    if (!version || version.organisationId !== unit.organisationId) {
      throw validationError([{ field: 'instrumentVersionId', message: 'Välj en publicerad mätning i organisationen.' }]);
    }
    if (body.sessionId) {
      const session = await this.repository.sessionUnit(body.sessionId);
      if (!session || session.unitId !== body.unitId) {
        throw validationError([{ field: 'sessionId', message: 'Välj ett tillfälle i samma enhet.' }]);
      }
    }
    if (body.programId) {
      const program = await this.repository.programOrganisation(body.programId);
      if (!program || (program.organisationId !== null ? program.organisationId !== unit.organisationId : program.networkId !== unit.networkId)) {
        throw validationError([{ field: 'programId', message: 'Programmet finns inte.' }]);
      }
    }
    await this.repository.insertAssignment({
      id: body.id,
      organisationId: unit.organisationId,
      unitId: body.unitId,
      instrumentVersionId: body.instrumentVersionId,
      title: body.title,
      sessionId: body.sessionId ?? null,
      programId: body.programId ?? null,
      followUpWeeks: body.followUpWeeks ?? 10,
      createdBy: caller.personId,
    });
    await this.audit.record({ action: 'checks.assignment.create', targetType: 'check_assignment', targetId: body.id });
    return this.assignment(caller, body.id);
  }

  /**
   * Opens a round (idempotent per kind). Opening the after round schedules the follow-up through the job queue:
   * it opens `followUpWeeks` later (see `openFollowUp`), once, however often the request is retried. Opening the
   * follow-up by hand earlier makes the scheduled one unnecessary.
   */
  async openRound(caller: Caller, assignmentId: string, kind: CheckKind): Promise<CheckAssignment> {
    const assignment = await this.assignment(caller, assignmentId);
    if (assignment.cancelledAt) throw stateConflict('Mätningen är avbruten.', 'assignment_cancelled');
    if (kind === CheckKind.FollowUp && !(await this.repository.roundOf(assignmentId, CheckKind.After))) {
      throw stateConflict('Öppna efter-mätningen först; uppföljningen kommer veckor efter den.', 'after_first');
    }
    await this.insertRound(caller.organisationId, assignment.id, kind, localToday(), caller.personId);
    if (kind === CheckKind.After) {
      await this.jobs.enqueue(
        FOLLOW_UP_CHECK,
        { assignmentId },
        {
          runAt: new Date(Date.now() + assignment.followUpWeeks * 7 * DAY_MS),
          uniqueKey: followUpKey(assignmentId),
          organisationId: caller.organisationId,
        },
      );
    } else if (kind === CheckKind.FollowUp) {
      await this.jobs.cancel(FOLLOW_UP_CHECK, followUpKey(assignmentId));
    }
    await this.audit.record({ action: 'checks.round.open', targetType: 'check_assignment', targetId: assignmentId, details: { kind } });
    return this.assignment(caller, assignmentId);
  }

  /** Cancels a check: its rounds close, no more can be opened and the scheduled follow-up is cancelled. Idempotent. */
  async cancelAssignment(caller: Caller, assignmentId: string, reason: string): Promise<CheckAssignment> {
    const assignment = await this.assignment(caller, assignmentId);
    if (!assignment.cancelledAt) {
      await this.repository.cancelAssignment(assignmentId);
      await this.jobs.cancel(FOLLOW_UP_CHECK, followUpKey(assignmentId));
      await this.audit.record({ action: 'checks.assignment.cancel', targetType: 'check_assignment', targetId: assignmentId, details: { reason } });
    }
    return this.assignment(caller, assignmentId);
  }

  /**
   * The job handler: opens the follow-up round for the participants (it appears among their open checks and on
   * "Min utveckling"). Runs in the assignment's organisation. A check or session cancelled meanwhile opens nothing.
   */
  async openFollowUp(assignmentId: string): Promise<void> {
    const assignment = await this.repository.assignment(assignmentId);
    if (!assignment) throw new PermanentJobError(`check assignment ${assignmentId} not found`);
    if (assignment.cancelledAt || assignment.sessionCancelled) return;
    if (await this.repository.roundOf(assignmentId, CheckKind.FollowUp)) return;
    await this.insertRound(assignment.organisationId, assignmentId, CheckKind.FollowUp, localToday(), null);
    await this.audit.record({
      action: 'checks.round.open',
      organisationId: assignment.organisationId,
      targetType: 'check_assignment',
      targetId: assignmentId,
      details: { kind: CheckKind.FollowUp, scheduled: true },
    });
  }

  /**
   * Sessions were cancelled or restored (the sessions feature's SessionsStatusChanged, heard by ChecksListeners): the
   * follow-up of their checks is cancelled, or scheduled again (from the after round's day) if the after round is
   * open and no follow-up is.
   */
  async sessionsStatusChanged(sessionIds: string[], cancelled: boolean): Promise<void> {
    if (sessionIds.length === 0) return;
    for (const id of await this.repository.assignmentIdsOfSessions(sessionIds)) {
      if (cancelled) {
        await this.jobs.cancel(FOLLOW_UP_CHECK, followUpKey(id));
        continue;
      }
      const assignment = await this.repository.assignment(id);
      const after = await this.repository.roundOf(id, CheckKind.After);
      if (!assignment || assignment.cancelledAt || !after || (await this.repository.roundOf(id, CheckKind.FollowUp))) continue;
      const due = Date.parse(`${after.opensOn}T00:00:00Z`) + assignment.followUpWeeks * 7 * DAY_MS;
      await this.jobs.enqueue(
        FOLLOW_UP_CHECK,
        { assignmentId: id },
        {
          runAt: new Date(Math.max(due, Date.now())),
          uniqueKey: followUpKey(id),
          onConflict: 'replace',
          organisationId: assignment.organisationId,
        },
      );
    }
  }

  private async insertRound(organisationId: string, assignmentId: string, kind: CheckKind, opensOn: string, createdBy: string | null): Promise<void> {
    if (await this.repository.roundOf(assignmentId, kind)) return;
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
      const inserted = await this.repository.insertRound({ organisationId, assignmentId, kind, code, opensOn, createdBy });
      if (inserted || (await this.repository.roundOf(assignmentId, kind))) return;
    }
    throw new Error('could not find a free check code');
  }

  private async withRounds(rows: Awaited<ReturnType<RoundsRepository['assignments']>>): Promise<CheckAssignment[]> {
    // One after the other: the queries share the request's transaction and so its connection.
    const assignments: CheckAssignment[] = [];
    for (const row of rows) {
      const rounds = await this.repository.rounds(row.id);
      const scheduled = rounds.some((r) => r.kind === CheckKind.FollowUp) ? null : await this.jobs.find(FOLLOW_UP_CHECK, followUpKey(row.id));
      assignments.push({
        id: row.id,
        title: row.title,
        unitId: row.unitId,
        unitName: row.unitName,
        instrumentId: row.instrumentId,
        instrumentVersionId: row.instrumentVersionId,
        instrumentTitle: row.instrumentTitle,
        version: row.version,
        sessionId: row.sessionId,
        programId: row.programId,
        followUpWeeks: row.followUpWeeks,
        followUpDueOn: scheduled?.status === 'pending' ? localToday(scheduled.runAt) : null,
        cancelledAt: row.cancelledAt,
        createdAt: row.createdAt,
        rounds,
      });
    }
    return assignments;
  }

  /** The unit, when the caller's roles cover it (results are read by unit the same way). */
  async unitFor(caller: Caller, unitId: string, roles: Role[]): Promise<ScopePosition & { name: string }> {
    const unit = await this.repository.unitPosition(unitId);
    if (!unit || !callerCanSee(caller, roles, unit)) throw notFound();
    if (!callerCovers(caller, roles, unit)) throw forbidden();
    return unit;
  }
}

export function positionOf(row: { networkId: string; organisationId: string; areaId: string; unitId: string }): ScopePosition {
  return { networkId: row.networkId, organisationId: row.organisationId, areaIds: [row.areaId], unitIds: [row.unitId] };
}
