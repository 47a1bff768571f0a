import { Injectable } from '@nestjs/common';
import { FieldError, Role, SessionAudience, SessionConflict, SessionDetail, SessionStatus, SessionSummary } from '@kunna/contracts';
import { AuditService } from '../../database/audit.service';
import { SessionReminders } from '../../notifications';
import type { Caller } from '../../auth';
import { DomainEvents } from '../../common/domain-events';
import { validationError } from '../../common/errors';
import { forbidden, notFound } from '../../common/http-errors';
import { unitsWhere, visibilityFor } from '../../organisation';
import { SessionsStatusChanged } from '../session-events';
import { mayEditSession, mayScheduleIn, READING_ROLES } from '../sessions-policy';
import { ConflictsService } from './conflicts.service';
import { SessionRow, SchedulingRepository, VersionChoice } from './scheduling.repository';
import { ConflictCheckDto, CreateSessionDto, SessionListQueryDto, UpdateSessionDto } from './scheduling.dto';

/**
 * Scheduling one session: listing, creating, changing and cancelling it with its facilitators and invitations (series
 * in SeriesService, conflicts in ConflictsService), and the checks of a unit, module and people that series and
 * individual support schedule with too.
 */
@Injectable()
export class SchedulingService {
  constructor(
    private readonly repository: SchedulingRepository,
    private readonly conflicts: ConflictsService,
    private readonly audit: AuditService,
    private readonly reminders: SessionReminders,
    private readonly events: DomainEvents,
  ) {}

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
        ? await this.conflicts.of({
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
      const unqualified = await this.conflicts.unqualifiedFacilitators(body.facilitatorIds, version.moduleId, body.activityCategory, body.date);
      // Kept only when someone is not qualified: a reason for an exception that is not there would mislead.
      if (unqualified.length > 0) {
        if (body.facilitatorReason) facilitatorReason = body.facilitatorReason;
        else errors.push(await this.conflicts.reasonRequired(unqualified));
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
      const outcome = await this.conflicts.facilitatorReasonAfter(
        current,
        { facilitatorIds: body.facilitatorIds ?? current.facilitatorIds, date, status },
        body.facilitatorReason,
      );
      if (outcome.uncovered.length > 0) errors.push(await this.conflicts.reasonRequired(outcome.uncovered));
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
    return this.conflicts.of({
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

/** Lists answer `SessionSummary`: the note belongs to the session's detail (the repository reads it for updates). */
function withoutNote({ note: _note, ...summary }: SessionSummary & { note: string | null }): SessionSummary {
  return summary;
}
