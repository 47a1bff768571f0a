import { Injectable } from '@nestjs/common';
import { FieldError, SeriesEditScope, SessionAudience, SessionSeries, SessionStatus } from '@kunna/contracts';
import { AuditService } from '../../database/audit.service';
import { SessionReminders } from '../../notifications';
import type { Caller } from '../../auth';
import { DomainEvents } from '../../common/domain-events';
import { validationError } from '../../common/errors';
import { notFound, stateConflict } from '../../common/http-errors';
import { ConflictsService } from '../scheduling/conflicts.service';
import { SchedulingRepository, SessionRow, VersionChoice } from '../scheduling/scheduling.repository';
import { SchedulingService } from '../scheduling/scheduling.service';
import { SessionsStatusChanged } from '../session-events';
import { SeriesRepository } from './series.repository';
import { CreateSeriesDto, UpdateSeriesDto } from './series.dto';
import { addDays } from '../../database/local-day';

/** The dates of a series: the first date and then every `intervalWeeks` weeks, `count` dates in all. */
export function seriesDates(firstDate: string, intervalWeeks: number, count: number): string[] {
  return Array.from({ length: count }, (_, index) => addDays(firstDate, index * intervalWeeks * 7));
}

/**
 * Recurring series ("every other Tuesday 14:00, five times, following program X") and their edits: one occurrence
 * or the occurrence and the rest of the series. Shift variants repeat each date at other times (day, evening, night,
 * weekend) so that everyone on the unit can attend one of them; they share the date's position in the series.
 */
@Injectable()
export class SeriesService {
  constructor(
    private readonly repository: SeriesRepository,
    private readonly schedulingRepository: SchedulingRepository,
    private readonly sessions: SchedulingService,
    private readonly conflicts: ConflictsService,
    private readonly audit: AuditService,
    private readonly reminders: SessionReminders,
    private readonly events: DomainEvents,
  ) {}

  async create(caller: Caller, body: CreateSeriesDto): Promise<SessionSeries> {
    if (body.id) {
      const existing = await this.repository.seriesRow(body.id);
      if (existing) {
        // A retry of the same request returns what it made.
        if (existing.organisationId === caller.organisationId && existing.unitId === body.unitId) return this.series(caller, existing.id);
        throw validationError([{ field: 'id', message: 'Id:t används redan. Skapa ett nytt id.' }]);
      }
    }
    const unit = await this.sessions.schedulableUnit(caller, body.unitId);
    const versions = await this.versionsFor(caller, body);
    const variants = body.variants && body.variants.length > 0 ? body.variants : [{ startTime: body.startTime, shift: body.shift ?? null, dayOffset: 0 }];
    const dates = seriesDates(body.firstDate, body.intervalWeeks, body.count);
    const facilitatorErrors = await this.sessions.checkPeople(caller, body.facilitatorIds, 'facilitatorIds', body.firstDate);
    const errors: FieldError[] = [
      ...facilitatorErrors,
      ...(await this.sessions.checkInvitations(caller, body.audience, body.invitedPersonIds, body.capacity ?? null, body.firstDate)),
    ];
    // Each occurrence is checked on its own date and module (a program's steps differ; a qualification may run out
    // during the series). The reason is kept on the occurrences with someone not qualified, not on the others.
    const occurrences = dates.flatMap((date, index) =>
      variants.map((variant) => ({ index, variant, date: addDays(date, variant.dayOffset ?? 0), version: versions[index], unqualified: [] as string[] })),
    );
    if (facilitatorErrors.length === 0) {
      for (const occurrence of occurrences) {
        occurrence.unqualified = await this.conflicts.unqualifiedFacilitators(
          body.facilitatorIds,
          occurrence.version.moduleId,
          body.activityCategory,
          occurrence.date,
        );
      }
      const unqualified = [...new Set(occurrences.flatMap((occurrence) => occurrence.unqualified))];
      if (unqualified.length > 0 && !body.facilitatorReason) errors.push(await this.conflicts.reasonRequired(unqualified));
    }
    if (errors.length > 0) throw validationError(errors);

    const seriesId = await this.repository.insertSeries({
      id: body.id ?? null,
      organisationId: unit.organisationId,
      unitId: unit.id,
      programId: body.programId ?? null,
      intervalWeeks: body.intervalWeeks,
      count: body.count,
      createdBy: caller.personId,
    });
    for (const { index, variant, date, version, unqualified } of occurrences) {
      const sessionId = await this.schedulingRepository.insertSession({
        id: null,
        organisationId: unit.organisationId,
        unitId: unit.id,
        moduleVersionId: version.versionId,
        seriesId,
        seriesPosition: index + 1,
        programId: body.programId ?? null,
        date,
        startTime: variant.startTime,
        durationMinutes: body.durationMinutes,
        place: body.place,
        capacity: body.capacity ?? null,
        activityCategory: body.activityCategory,
        shift: variant.shift ?? null,
        audience: body.audience,
        note: body.note ?? null,
        facilitatorReason: unqualified.length > 0 ? (body.facilitatorReason ?? null) : null,
        createdBy: caller.personId,
      });
      await this.schedulingRepository.setFacilitators(sessionId, unit.organisationId, body.facilitatorIds);
      if (body.audience === SessionAudience.Selection) {
        await this.schedulingRepository.setInvitations(sessionId, unit.organisationId, body.invitedPersonIds ?? []);
      }
      await this.reminders.scheduled(sessionId);
    }
    await this.audit.record({
      action: 'session_series.created',
      targetType: 'session_series',
      targetId: seriesId,
      details: {
        unitId: unit.id,
        programId: body.programId ?? null,
        dates,
        variants: variants.length,
        facilitatorIds: body.facilitatorIds,
        facilitatorReason: occurrences.some((occurrence) => occurrence.unqualified.length > 0) ? (body.facilitatorReason ?? null) : null,
      },
    });
    return this.series(caller, seriesId);
  }

  async series(caller: Caller, seriesId: string): Promise<SessionSeries> {
    const row = await this.repository.seriesRow(seriesId);
    if (!row) throw notFound();
    const unit = await this.schedulingRepository.unit(row.unitId);
    const sessions = await this.schedulingRepository.summaries({
      organisationId: caller.organisationId,
      visibility: { organisationWide: true, areaIds: [], unitIds: [] },
      facilitatorId: caller.personId,
      includeCancelled: true,
      seriesId,
    });
    return {
      id: row.id,
      unit: { id: row.unitId, name: unit?.name ?? '' },
      programId: row.programId,
      programTitle: row.programTitle,
      intervalWeeks: row.intervalWeeks,
      count: row.count,
      sessions: sessions.map(({ note: _note, ...summary }) => summary),
    };
  }

  /**
   * Moves, changes or cancels the occurrence at a position (all its shift variants), or it and every later one.
   * A session that already has attendance marks is not moved: its marks belong to the day it was held.
   */
  async update(caller: Caller, seriesId: string, body: UpdateSeriesDto): Promise<SessionSeries> {
    const series = await this.repository.seriesRow(seriesId, true);
    if (!series) throw notFound();
    const ids = await this.repository.seriesSessionIds(seriesId, body.position, body.scope === SeriesEditScope.Following);
    if (ids.length === 0) throw validationError([{ field: 'position', message: `Serien har inget tillfälle nummer ${body.position}.` }]);
    if (body.cancelled === true && !body.cancelReason) {
      throw validationError([{ field: 'cancelReason', message: 'Skriv varför tillfällena ställs in, så att de inbjudna får veta.' }]);
    }
    const moving = (body.shiftDays !== undefined && body.shiftDays !== 0) || body.startTime !== undefined;
    if (moving && (await this.repository.markedSessionCount(ids)) > 0) {
      throw stateConflict('Ett av tillfällena har redan närvaro registrerad och kan inte flyttas.', 'has_attendance');
    }
    if (body.facilitatorIds) {
      const first = await this.schedulingRepository.sessionRow(ids[0]);
      const errors = first ? await this.sessions.checkPeople(caller, body.facilitatorIds, 'facilitatorIds', first.date) : [];
      if (errors.length > 0) throw validationError(errors);
    }
    // Everything is checked before anything changes: a facilitator not qualified on a new date or for an
    // occurrence's module needs a reason (see ConflictsService.facilitatorReasonAfter), for every occurrence at once.
    const changes: Array<{ current: SessionRow; date: string; status: SessionStatus; facilitatorReason: string | null }> = [];
    const uncovered = new Set<string>();
    for (const id of ids) {
      const current = await this.schedulingRepository.sessionRow(id, true);
      if (!current) continue;
      const status = body.cancelled === undefined ? current.status : body.cancelled ? SessionStatus.Cancelled : SessionStatus.Scheduled;
      const date = body.shiftDays ? addDays(current.date, body.shiftDays) : current.date;
      const outcome = await this.conflicts.facilitatorReasonAfter(
        current,
        { facilitatorIds: body.facilitatorIds ?? current.facilitatorIds, date, status },
        body.facilitatorReason,
      );
      outcome.uncovered.forEach((personId) => uncovered.add(personId));
      changes.push({ current, date, status, facilitatorReason: outcome.reason });
    }
    if (uncovered.size > 0) throw validationError([await this.conflicts.reasonRequired([...uncovered])]);
    const statusChanged: string[] = [];
    for (const { current, date, status, facilitatorReason } of changes) {
      const id = current.id;
      if (status !== current.status) statusChanged.push(id);
      await this.schedulingRepository.updateSession(
        id,
        {
          date,
          startTime: body.startTime ?? current.startTime,
          durationMinutes: current.durationMinutes,
          place: body.place ?? current.place,
          capacity: current.capacity,
          shift: current.shift,
          audience: current.audience,
          note: current.note,
          facilitatorReason,
          status,
          cancelReason: status === SessionStatus.Cancelled ? (body.cancelReason ?? current.cancelReason) : null,
        },
        caller.personId,
      );
      if (body.facilitatorIds) await this.schedulingRepository.setFacilitators(id, current.organisationId, body.facilitatorIds);
      await this.reminders.changed(id, current);
    }
    if (statusChanged.length > 0) await this.events.publish(new SessionsStatusChanged(statusChanged, body.cancelled === true));
    await this.audit.record({
      action: 'session_series.updated',
      targetType: 'session_series',
      targetId: seriesId,
      details: { ...body, sessionIds: ids },
    });
    return this.series(caller, seriesId);
  }

  /** One version per date: the program's step n for date n, or the one module for every date. */
  private async versionsFor(caller: Caller, body: CreateSeriesDto): Promise<VersionChoice[]> {
    if (body.programId) {
      const program = await this.repository.program(body.programId, caller.networkId, caller.organisationId);
      if (!program) throw validationError([{ field: 'programId', message: 'Programmet finns inte eller är arkiverat.' }]);
      if (body.count > program.moduleIds.length) {
        throw validationError([{ field: 'count', message: `Programmet har ${program.moduleIds.length} steg: serien kan ha högst så många datum.` }]);
      }
      const versions: VersionChoice[] = [];
      for (const moduleId of program.moduleIds.slice(0, body.count)) {
        const version = await this.schedulingRepository.latestVersion(moduleId, caller.networkId, caller.organisationId);
        if (!version) throw validationError([{ field: 'programId', message: 'En modul i programmet saknar publicerad version.' }]);
        versions.push(version);
      }
      return versions;
    }
    const version = await this.sessions.chooseVersion(caller, body.moduleId, undefined);
    return Array.from({ length: body.count }, () => version);
  }
}
