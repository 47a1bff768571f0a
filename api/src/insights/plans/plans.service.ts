import { Injectable } from '@nestjs/common';
import { PlanEntry, PlanMonth, TargetProgress, YearPlan } from '@kunna/contracts';
import { AuditService } from '../../database/audit.service';
import type { Caller } from '../../auth';
import { validationError } from '../../common/errors';
import { notFound, stateConflict } from '../../common/http-errors';
import { percent } from '../shared/insight-figures';
import { InsightsRepository } from '../shared/insights.repository';
import { addMonths } from '../shared/period';
import { CreatePlanEntryDto, CreateTargetDto, UpdatePlanEntryDto, UpdateTargetDto } from './plans.dto';
import { PlansRepository, TargetRow } from './plans.repository';
import { targetStatus } from './target-status';

/** A unit's year plan (entries per month) and its targets with their progress. See README.md. */
@Injectable()
export class PlansService {
  constructor(
    private readonly shared: InsightsRepository,
    private readonly plans: PlansRepository,
    private readonly audit: AuditService,
  ) {}

  private async unitOf(unitId: string) {
    const unit = await this.shared.unit(unitId);
    if (!unit) throw notFound();
    return unit;
  }

  async yearPlan(unitId: string): Promise<YearPlan> {
    const unit = await this.unitOf(unitId);
    const today = await this.shared.today();
    const first = `${today.slice(0, 7)}-01`;
    const last = addMonths(first, 11);
    const entries = await this.plans.entries(unitId, first, last);
    const sessions = await this.plans.sessionsPerMonth(unitId, first, last);
    const targets = await this.targetProgress(unitId, today);
    const months: PlanMonth[] = Array.from({ length: 12 }, (_, i) => {
      const month = addMonths(first, i);
      return { month, entries: entries.filter((entry) => entry.month === month), scheduledSessions: sessions.get(month) ?? 0 };
    });
    return { unit: { id: unit.id, name: unit.name }, months, targets };
  }

  /** Every target of the unit with its progress on `today` (the year plan's, and the start page's count of targets behind). */
  async targetProgress(unitId: string, today: string): Promise<TargetProgress[]> {
    const targets = await this.plans.targets(unitId);
    const members = await this.plans.targetMembers(unitId);
    return targets.map((target) =>
      this.toProgress(
        target,
        members.filter((m) => m.targetId === target.id),
        today,
      ),
    );
  }

  private toProgress(target: TargetRow, members: Awaited<ReturnType<PlansRepository['targetMembers']>>, today: string): TargetProgress {
    const done = members.filter((m) => m.stepsTotal > 0 && m.stepsDone === m.stepsTotal);
    const { status, remaining } = targetStatus({
      completed: done.length,
      population: members.length,
      targetPercent: target.targetPercent,
      setOn: target.createdOn,
      dueDate: target.dueDate,
      today,
    });
    return {
      id: target.id,
      program: { id: target.programId, title: target.programTitle },
      employmentTypes: target.employmentTypes,
      targetPercent: target.targetPercent,
      dueDate: target.dueDate,
      note: target.note,
      population: members.length,
      completed: done.length,
      percent: percent(done.length, members.length),
      remaining,
      status,
      behind: members
        .filter((m) => !(m.stepsTotal > 0 && m.stepsDone === m.stepsTotal))
        .map((m) => ({
          person: { id: m.personId, name: m.name },
          employmentType: m.employmentType,
          stepsDone: m.stepsDone,
          stepsTotal: m.stepsTotal,
          missingModules: m.missing,
        })),
    };
  }

  async addPlanEntry(caller: Caller, unitId: string, body: CreatePlanEntryDto): Promise<PlanEntry> {
    const unit = await this.unitOf(unitId);
    const month = `${body.month}-01`;
    const existing = await this.plans.entry(body.id);
    if (existing) {
      if (existing.unitId !== unitId) throw validationError([{ field: 'id', message: 'Id (id) används redan för något annat.' }]);
      return this.planEntryOut(unitId, existing.month, body.id);
    }
    const programId = body.programId ?? null;
    const moduleId = body.moduleId ?? null;
    const seriesId = body.seriesId ?? null;
    const note = body.note ?? null;
    if (!programId && !moduleId && !seriesId && !note) {
      throw validationError([{ field: 'programId', message: 'Välj ett program, en modul eller en serie, eller skriv en anteckning.' }]);
    }
    if (programId && !(await this.plans.programUsable(programId, unit.organisationId))) {
      throw validationError([{ field: 'programId', message: 'Programmet finns inte i ert bibliotek.' }]);
    }
    if (moduleId && !(await this.plans.moduleUsable(moduleId, unit.organisationId))) {
      throw validationError([{ field: 'moduleId', message: 'Modulen finns inte i ert bibliotek.' }]);
    }
    if (seriesId && !(await this.plans.seriesInUnit(seriesId, unitId))) {
      throw validationError([{ field: 'seriesId', message: 'Serien hör inte till enheten.' }]);
    }
    await this.plans.insertEntry({
      id: body.id,
      organisationId: unit.organisationId,
      unitId,
      month,
      programId,
      seriesId,
      moduleId,
      note,
      createdBy: caller.personId,
    });
    await this.audit.record({ action: 'insights.plan_entry.create', targetType: 'unit', targetId: unitId, details: { entryId: body.id, month } });
    return this.planEntryOut(unitId, month, body.id);
  }

  /** Moves or changes an entry: the fields given replace the stored ones (null clears), checked like a new entry. */
  async updatePlanEntry(unitId: string, entryId: string, body: UpdatePlanEntryDto): Promise<PlanEntry> {
    const unit = await this.unitOf(unitId);
    const stored = await this.plans.entryFields(entryId, unitId);
    if (!stored) throw notFound();
    const pick = <K extends 'programId' | 'seriesId' | 'moduleId' | 'note'>(name: K) => (body[name] !== undefined ? (body[name] ?? null) : stored[name]);
    const change = {
      month: body.month ? `${body.month}-01` : stored.month,
      programId: pick('programId'),
      seriesId: pick('seriesId'),
      moduleId: pick('moduleId'),
      note: pick('note'),
    };
    if (!change.programId && !change.moduleId && !change.seriesId && !change.note) {
      throw validationError([{ field: 'programId', message: 'Välj ett program, en modul eller en serie, eller skriv en anteckning.' }]);
    }
    if (change.programId && change.programId !== stored.programId && !(await this.plans.programUsable(change.programId, unit.organisationId))) {
      throw validationError([{ field: 'programId', message: 'Programmet finns inte i ert bibliotek.' }]);
    }
    if (change.moduleId && change.moduleId !== stored.moduleId && !(await this.plans.moduleUsable(change.moduleId, unit.organisationId))) {
      throw validationError([{ field: 'moduleId', message: 'Modulen finns inte i ert bibliotek.' }]);
    }
    if (change.seriesId && change.seriesId !== stored.seriesId && !(await this.plans.seriesInUnit(change.seriesId, unitId))) {
      throw validationError([{ field: 'seriesId', message: 'Serien hör inte till enheten.' }]);
    }
    await this.plans.updateEntry(entryId, change);
    await this.audit.record({ action: 'insights.plan_entry.update', targetType: 'unit', targetId: unitId, details: { entryId, month: change.month } });
    return this.planEntryOut(unitId, change.month, entryId);
  }

  private async planEntryOut(unitId: string, month: string, id: string): Promise<PlanEntry> {
    const entries = await this.plans.entries(unitId, month, month);
    const entry = entries.find((e) => e.id === id);
    if (!entry) throw notFound();
    return entry;
  }

  async deletePlanEntry(unitId: string, entryId: string): Promise<void> {
    if (!(await this.plans.deleteEntry(entryId, unitId))) throw notFound();
    await this.audit.record({ action: 'insights.plan_entry.delete', targetType: 'unit', targetId: unitId, details: { entryId } });
  }

  async createTarget(caller: Caller, unitId: string, body: CreateTargetDto): Promise<TargetProgress> {
    const unit = await this.unitOf(unitId);
    const existing = await this.plans.target(body.id);
    if (existing) {
      if (existing.unitId !== unitId) throw validationError([{ field: 'id', message: 'Id (id) används redan för något annat.' }]);
      return this.oneTarget(unitId, body.id);
    }
    if (!(await this.plans.programUsable(body.programId, unit.organisationId))) {
      throw validationError([{ field: 'programId', message: 'Programmet finns inte i ert bibliotek.' }]);
    }
    await this.refuseDuplicateTarget(unitId, body.programId, body.id);
    await this.plans.insertTarget({
      id: body.id,
      organisationId: unit.organisationId,
      unitId,
      programId: body.programId,
      employmentTypes: body.employmentTypes,
      targetPercent: body.targetPercent,
      dueDate: body.dueDate,
      note: body.note ?? null,
      createdBy: caller.personId,
    });
    await this.audit.record({ action: 'insights.target.create', targetType: 'unit', targetId: unitId, details: { targetId: body.id } });
    return this.oneTarget(unitId, body.id);
  }

  async updateTarget(unitId: string, targetId: string, body: UpdateTargetDto): Promise<TargetProgress> {
    const unit = await this.unitOf(unitId);
    const target = await this.plans.target(targetId);
    if (!target || target.unitId !== unitId) throw notFound();
    const programId = body.programId ?? target.programId;
    if (programId !== target.programId && !(await this.plans.programUsable(programId, unit.organisationId))) {
      throw validationError([{ field: 'programId', message: 'Programmet finns inte i ert bibliotek.' }]);
    }
    if (programId !== target.programId) await this.refuseDuplicateTarget(unitId, programId, targetId);
    await this.plans.updateTarget(targetId, {
      programId,
      employmentTypes: body.employmentTypes ?? target.employmentTypes,
      targetPercent: body.targetPercent ?? target.targetPercent,
      dueDate: body.dueDate ?? target.dueDate,
      note: body.note === undefined ? target.note : body.note,
    });
    await this.audit.record({ action: 'insights.target.update', targetType: 'unit', targetId: unitId, details: { targetId } });
    return this.oneTarget(unitId, targetId);
  }

  async deleteTarget(unitId: string, targetId: string): Promise<void> {
    const target = await this.plans.target(targetId);
    if (!target || target.unitId !== unitId) throw notFound();
    await this.plans.deleteTarget(targetId);
    await this.audit.record({ action: 'insights.target.delete', targetType: 'unit', targetId: unitId, details: { targetId } });
  }

  /** One target per program and unit: a second would count the same people twice against different goals. */
  private async refuseDuplicateTarget(unitId: string, programId: string, targetId: string): Promise<void> {
    const existing = await this.plans.targetForProgram(unitId, programId, targetId);
    if (existing) {
      const message = 'Enheten har redan ett mål för programmet. Ändra det målet i stället.';
      throw stateConflict(message, 'duplicateTarget', { details: [{ field: 'programId', message, code: 'duplicateTarget' }], targetId: existing });
    }
  }

  private async oneTarget(unitId: string, targetId: string): Promise<TargetProgress> {
    const progress = await this.targetProgress(unitId, await this.shared.today());
    const one = progress.find((target) => target.id === targetId);
    if (!one) throw notFound();
    return one;
  }
}
