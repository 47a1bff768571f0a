import { Injectable } from '@nestjs/common';
import { Role, SupportEntry } from '@kunna/contracts';
import { AuditService } from '../../database/audit.service';
import type { Caller } from '../../auth';
import { validationError } from '../../common/errors';
import { notFound } from '../../common/http-errors';
import { unitsWhere, visibilityFor } from '../../organisation';
import { readTarget } from '../read-target';
import { SchedulingService } from '../scheduling/scheduling.service';
import { READING_ROLES } from '../sessions-policy';
import { SupportRepository } from './support.repository';
import { CreateSupportEntryDto, SupportListQueryDto } from './support.dto';

/**
 * Individual support (enskilt stöd): an ambassador logs 1:1 support. Free-text notes are for the person and the
 * unit's ambassadors only; managers, HR and area managers see that support was given (date, minutes, topic), never
 * the notes, so nobody is judged for asking for help.
 */
@Injectable()
export class SupportService {
  constructor(
    private readonly repository: SupportRepository,
    private readonly sessions: SchedulingService,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller, query: SupportListQueryDto): Promise<SupportEntry[]> {
    const rows = await this.repository.supportEntries({
      organisationId: caller.organisationId,
      visibility: visibilityFor(caller, READING_ROLES),
      selfId: caller.personId,
      unitId: query.unitId,
      personId: query.personId,
    });
    const ambassadorUnits = unitsWhere(caller, Role.Ambassador);
    // Support received by others (with notes for the unit's ambassadors) is individual data: each read is logged.
    const others = rows.filter((row) => row.personId !== caller.personId);
    const aboutOthers = others.length > 0 || query.unitId !== undefined || (query.personId !== undefined && query.personId !== caller.personId);
    if (aboutOthers) {
      await this.audit.record({
        action: 'support.read',
        ...readTarget(query),
        details: { entries: others.length, withNotes: others.filter((row) => row.notes !== null && ambassadorUnits.includes(row.unitId)).length },
      });
    }
    return rows.map((row) => {
      const mayReadNotes = row.personId === caller.personId || ambassadorUnits.includes(row.unitId);
      return {
        id: row.id,
        person: { id: row.personId, name: row.personName },
        unit: { id: row.unitId, name: row.unitName },
        ambassador: { id: row.ambassadorId, name: row.ambassadorName },
        date: row.date,
        minutes: row.minutes,
        topic: row.topic,
        module: row.moduleId ? { id: row.moduleId, title: row.moduleTitle ?? '' } : null,
        notes: mayReadNotes ? row.notes : null,
        notesHidden: !mayReadNotes && row.notes !== null,
      };
    });
  }

  async create(caller: Caller, body: CreateSupportEntryDto): Promise<SupportEntry> {
    if (body.id) {
      const existing = await this.repository.supportEntryOwner(body.id);
      if (existing) {
        if (existing.organisationId === caller.organisationId && existing.personId === body.personId) return this.one(caller, body.id);
        throw validationError([{ field: 'id', message: 'Id:t används redan. Skapa ett nytt id.' }]);
      }
    }
    const unit = await this.sessions.schedulableUnit(caller, body.unitId);
    const errors = await this.sessions.checkPeople(caller, [body.personId], 'personId', body.date);
    if (errors.length > 0) throw validationError(errors.map((error) => ({ ...error, field: 'personId' })));
    if (body.personId === caller.personId) throw validationError([{ field: 'personId', message: 'Stöd loggas för någon annan än dig själv.' }]);
    // Support is logged in the unit's name: for its own people, or for someone who came to one of its sessions (a
    // walk-in), never for anyone of the organisation.
    if (!(await this.repository.memberOrWalkInOf(body.personId, unit.id, body.date))) {
      throw validationError([
        { field: 'personId', message: 'Personen hör inte till enheten och har inte varit med på något av enhetens tillfällen.', code: 'notInUnit' },
      ]);
    }
    if (body.moduleId) await this.sessions.chooseVersion(caller, body.moduleId, undefined);
    const id = await this.repository.insertSupportEntry({
      id: body.id ?? null,
      organisationId: unit.organisationId,
      unitId: unit.id,
      personId: body.personId,
      ambassadorId: caller.personId,
      date: body.date,
      minutes: body.minutes,
      topic: body.topic,
      moduleId: body.moduleId ?? null,
      notes: body.notes ?? null,
    });
    // The notes stay out of the audit log: it is read by administrators.
    await this.audit.record({
      action: 'support.logged',
      targetType: 'person',
      targetId: body.personId,
      details: { supportEntryId: id, unitId: unit.id, minutes: body.minutes },
    });
    return this.one(caller, id);
  }

  private async one(caller: Caller, id: string): Promise<SupportEntry> {
    const rows = await this.repository.supportEntries({
      organisationId: caller.organisationId,
      visibility: { organisationWide: true, areaIds: [], unitIds: [] },
      selfId: caller.personId,
      ids: [id],
    });
    if (rows.length === 0) throw notFound();
    const row = rows[0];
    const mayReadNotes = row.personId === caller.personId || unitsWhere(caller, Role.Ambassador).includes(row.unitId);
    return {
      id: row.id,
      person: { id: row.personId, name: row.personName },
      unit: { id: row.unitId, name: row.unitName },
      ambassador: { id: row.ambassadorId, name: row.ambassadorName },
      date: row.date,
      minutes: row.minutes,
      topic: row.topic,
      module: row.moduleId ? { id: row.moduleId, title: row.moduleTitle ?? '' } : null,
      notes: mayReadNotes ? row.notes : null,
      notesHidden: !mayReadNotes && row.notes !== null,
    };
  }
}
