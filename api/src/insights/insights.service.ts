import { ForbiddenException, Injectable } from '@nestjs/common';
import {
  ACTIVITY_CATEGORIES,
  ActivityCategory,
  CostReport,
  CostSettings,
  EmploymentType,
  ExternalCost,
  HourlyRate,
  InsightPeriod,
  MARKET_TEACHING_HOUR_RANGE,
  NetworkParticipation,
  NewEmployeeOnboarding,
  ONBOARDING_WITHIN_DAYS,
  ParticipantReport,
  ParticipationBreakdown,
  ParticipationGrouping,
  PlanEntry,
  PlanMonth,
  Role,
  ScopeType,
  TargetProgress,
  TargetStatus,
  TeamDashboard,
  TeamMember,
  YearPlan,
} from '@kunna/contracts';
import { AuditService } from '../database/audit.service';
import type { Caller } from '../auth';
import { validationError } from '../common/errors';
import { notFound, stateConflict } from '../common/http-errors';
import { visibilityFor } from '../organisation';
import { KeptViews } from '../snapshots';
import { CostsRepository } from './costs.repository';
import {
  CreateExternalCostDto,
  CreatePlanEntryDto,
  CreateTargetDto,
  HourlyRateDto,
  ParticipationQueryDto,
  PeriodQueryDto,
  ReportQueryDto,
  UpdatePlanEntryDto,
  UpdateTargetDto,
} from './dto/insights.dto';
import { differencingRisk } from './competence-figures';
import { hours, participationFigures, percent, round2, suppressedGroups, targetStatus } from './insight-figures';
import { NETWORK_ROLES, PARTICIPATION_ROLES } from './insights-policy';
import { PlanRepository, TargetRow } from './plan.repository';
import { TeamRepository } from './team.repository';

/** The kept views of the organisation's participation breakdown and cost report (api/src/snapshots). */
export const KEPT_PARTICIPATION = 'insights.participation';
export const KEPT_COSTS = 'insights.costs';

const UPCOMING_LIMIT = 10;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Members who started within the last year (`onboardingStarts` lists only those) and attended no onboarding-program
 * module within `ONBOARDING_WITHIN_DAYS` of their start, in the members' order.
 */
function withoutIntroduction(
  members: ReadonlyArray<{ id: string; name: string; startDate: string }>,
  onboarding: ReadonlyArray<{ personId: string; firstOnboardingDate: string | null }>,
  today: string,
): Array<Omit<NewEmployeeOnboarding, 'assigned'>> {
  const employees: Array<Omit<NewEmployeeOnboarding, 'assigned'>> = [];
  for (const member of members) {
    const start = onboarding.find((o) => o.personId === member.id);
    if (!start) continue;
    const deadline = addDays(member.startDate, ONBOARDING_WITHIN_DAYS);
    const begunInTime = start.firstOnboardingDate !== null && start.firstOnboardingDate <= deadline;
    if (begunInTime) continue;
    employees.push({ person: { id: member.id, name: member.name }, startDate: member.startDate, deadline, overdue: today > deadline });
  }
  return employees;
}

function addMonths(month: string, months: number): string {
  const d = new Date(`${month}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

@Injectable()
export class InsightsService {
  constructor(
    private readonly team: TeamRepository,
    private readonly plans: PlanRepository,
    private readonly costs: CostsRepository,
    private readonly audit: AuditService,
    private readonly keptViews: KeptViews,
  ) {}

  /** The period asked for, or the twelve months up to today. `from` after `to` is the client's mistake. */
  async period(query: PeriodQueryDto): Promise<InsightPeriod> {
    return periodOn(query, await this.team.today());
  }

  private async unitOf(unitId: string) {
    const unit = await this.team.unit(unitId);
    if (!unit) throw notFound();
    return unit;
  }

  // --- team progress ---

  /**
   * Individual-level (each member's attendance and hours; the page offers them as CSV/XLSX from this answer), so
   * every read is in the audit log.
   */
  async teamDashboard(unitId: string, query: PeriodQueryDto): Promise<TeamDashboard> {
    const unit = await this.unitOf(unitId);
    const today = await this.team.today();
    const period = periodOn(query, today);
    await this.audit.record({ action: 'insights.team.read', targetType: 'unit', targetId: unitId, details: { ...period } });
    // One after the other: they share the request's transaction and so its connection.
    const members = await this.team.members(unitId, period.from, period.to);
    const catchUps = await this.team.catchUps(unitId, period.from, period.to);
    const programs = await this.team.programs(unitId, unit.areaId, unit.organisationId);
    const onboarding = await this.team.onboardingStarts(unitId);
    const ambassadors = await this.team.ambassadors(unitId, period.from, period.to);
    const upcoming = await this.team.upcoming(unitId, UPCOMING_LIMIT);
    const people: TeamMember[] = members.map((member) => ({
      person: { id: member.id, name: member.name },
      roleTitle: member.roleTitle,
      employmentType: member.employmentType,
      startDate: member.startDate,
      invited: member.invited,
      attended: member.attended,
      hours: hours(member.minutes),
      programs: programs
        .filter((program) => program.personId === member.id)
        .map(({ programId, title, stepsDone, stepsTotal, completedOn, dueDate, overdue }) => ({
          programId,
          title,
          stepsDone,
          stepsTotal,
          completedOn,
          dueDate,
          overdue,
        })),
      catchUps: catchUps.filter((c) => c.personId === member.id).map(({ sessionId, date, title }) => ({ sessionId, date, title })),
    }));
    const newEmployees: NewEmployeeOnboarding[] = withoutIntroduction(members, onboarding, today).map((employee) => ({
      ...employee,
      assigned: programs.some((program) => program.personId === employee.person.id && program.kind === 'onboarding'),
    }));
    const staffCount = members.length;
    return {
      unit: { id: unit.id, name: unit.name },
      period,
      staff: people.filter((person) => person.employmentType === EmploymentType.Permanent),
      substitutes: people.filter((person) => person.employmentType !== EmploymentType.Permanent),
      newEmployees,
      ambassadors: ambassadors.map((a) => ({
        person: { id: a.id, name: a.name },
        sessionsLed: a.sessionsLed,
        hoursLed: hours(a.minutesLed),
        leavesOn: a.leavesOn,
      })),
      staffPerAmbassador: ambassadors.length === 0 ? null : round2(staffCount / ambassadors.length),
      upcoming,
      totals: {
        people: staffCount,
        invited: members.reduce((sum, m) => sum + m.invited, 0),
        attended: members.reduce((sum, m) => sum + m.attended, 0),
        hours: hours(members.reduce((sum, m) => sum + m.minutes, 0)),
      },
    };
  }

  /**
   * What needs the unit's manager's attention, as counts (the start page, api/src/today): new employees without
   * an introduction (the team view's rule) and targets behind or missed (the year plan's rule). Nothing is named,
   * so nothing is audited; the team view and the plan name the people.
   */
  async attention(unitId: string): Promise<{ newWithoutIntroduction: number; targetsBehind: number }> {
    const today = await this.team.today();
    const members = await this.team.members(unitId, today, today);
    const onboarding = await this.team.onboardingStarts(unitId);
    const targets = await this.targetProgress(unitId, today);
    return {
      newWithoutIntroduction: withoutIntroduction(members, onboarding, today).length,
      targetsBehind: targets.filter((target) => target.status === TargetStatus.Behind || target.status === TargetStatus.Missed).length,
    };
  }

  // --- year plan and targets ---

  async yearPlan(unitId: string): Promise<YearPlan> {
    const unit = await this.unitOf(unitId);
    const today = await this.team.today();
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

  private async targetProgress(unitId: string, today: string): Promise<TargetProgress[]> {
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

  private toProgress(target: TargetRow, members: Awaited<ReturnType<PlanRepository['targetMembers']>>, today: string): TargetProgress {
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
    const progress = await this.targetProgress(unitId, await this.team.today());
    const one = progress.find((target) => target.id === targetId);
    if (!one) throw notFound();
    return one;
  }

  // --- costs ---

  async costSettings(caller: Caller): Promise<CostSettings> {
    const rates = await this.costs.rates(caller.organisationId);
    return { rates, externalCosts: await this.costs.externalCosts(caller.organisationId) };
  }

  async setRate(caller: Caller, body: HourlyRateDto): Promise<HourlyRate[]> {
    await this.costs.upsertRate(caller.organisationId, body, caller.personId);
    await this.audit.record({ action: 'insights.hourly_rate.set', targetType: 'organisation', targetId: caller.organisationId, details: { ...body } });
    return this.costs.rates(caller.organisationId);
  }

  async addExternalCost(caller: Caller, body: CreateExternalCostDto): Promise<ExternalCost> {
    if (body.periodEnd < body.periodStart) throw validationError([{ field: 'periodEnd', message: 'Periodens slut (periodEnd) kan inte vara före början.' }]);
    const existing = await this.costs.externalCost(body.id);
    if (existing && existing.organisationId !== caller.organisationId) {
      throw validationError([{ field: 'id', message: 'Id (id) används redan för något annat.' }]);
    }
    if (!existing) {
      await this.costs.insertExternalCost(caller.organisationId, body, caller.personId);
      await this.audit.record({
        action: 'insights.external_cost.create',
        targetType: 'organisation',
        targetId: caller.organisationId,
        details: { costId: body.id },
      });
    }
    const saved = await this.costs.externalCost(body.id);
    if (!saved) throw notFound();
    const { organisationId: _organisation, ...cost } = saved;
    return cost;
  }

  async deleteExternalCost(caller: Caller, costId: string): Promise<void> {
    if (!(await this.costs.deleteExternalCost(costId, caller.organisationId))) throw notFound();
    await this.audit.record({ action: 'insights.external_cost.delete', targetType: 'organisation', targetId: caller.organisationId, details: { costId } });
  }

  /** Kept between reads (api/src/snapshots): only the whole organisation's costs are reported. */
  async costReport(caller: Caller, query: PeriodQueryDto): Promise<CostReport> {
    return this.keptViews.read(caller, KEPT_COSTS, query);
  }

  async computeCostReport(caller: Caller, query: PeriodQueryDto): Promise<CostReport> {
    const period = await this.period(query);
    const organisationId = caller.organisationId;
    const rows = await this.costs.categories(organisationId, period.from, period.to);
    const external = await this.costs.externalShares(organisationId, period.from, period.to);
    const participants = await this.costs.participantCount(organisationId, period.from, period.to);
    const unpricedDays = await this.costs.unpricedDays(organisationId, period.from, period.to);
    const categories = ACTIVITY_CATEGORIES.map((category: ActivityCategory) => {
      const row = rows.find((r) => r.category === category);
      const externalCost = external.get(category) ?? 0;
      const staffTimeCost = row?.staffTimeCost ?? 0;
      const facilitatorCost = row?.facilitatorCost ?? 0;
      return {
        category,
        participantHours: hours(row?.participantMinutes ?? 0),
        teachingHours: hours(row?.teachingMinutes ?? 0),
        staffTimeCost,
        facilitatorCost,
        externalCost,
        totalCost: round2(staffTimeCost + facilitatorCost + externalCost),
      };
    });
    const totalCost = round2(categories.reduce((sum, c) => sum + c.totalCost, 0));
    const teachingMinutes = rows.reduce((sum, r) => sum + r.teachingMinutes, 0);
    return {
      period,
      categories,
      participants,
      participantHours: hours(rows.reduce((sum, r) => sum + r.participantMinutes, 0)),
      teachingHours: hours(teachingMinutes),
      totalCost,
      costPerParticipant: participants === 0 ? null : round2(totalCost / participants),
      costPerTeachingHour: teachingMinutes === 0 ? null : round2(totalCost / (teachingMinutes / 60)),
      unpricedDays,
      market: { ...MARKET_TEACHING_HOUR_RANGE },
    };
  }

  /** Individual-level (names, gender, hours): every read and download is in the audit log, with its format. */
  async participantReport(caller: Caller, query: ReportQueryDto): Promise<ParticipantReport> {
    const period = await this.period(query);
    const { rows, walkIns } = await this.costs.participantReport(caller.organisationId, period.from, period.to);
    await this.audit.record({
      action: 'insights.participant_report.read',
      targetType: 'organisation',
      targetId: caller.organisationId,
      details: { ...period, format: query.format ?? 'json', rows: rows.length },
    });
    return { period, rows, participants: rows.length, hours: round2(rows.reduce((sum, row) => sum + row.hours, 0)), walkInsWithoutRecord: walkIns };
  }

  // --- participation ---

  /** Kept between reads when it covers the whole organisation (api/src/snapshots). */
  async participation(caller: Caller, query: ParticipationQueryDto): Promise<ParticipationBreakdown> {
    if (visibilityFor(caller, PARTICIPATION_ROLES).organisationWide) return this.keptViews.read(caller, KEPT_PARTICIPATION, query);
    return this.computeParticipation(caller, query);
  }

  async computeParticipation(caller: Caller, query: ParticipationQueryDto): Promise<ParticipationBreakdown> {
    const period = await this.period(query);
    const visibility = visibilityFor(caller, PARTICIPATION_ROLES);
    const groupBy = query.groupBy ?? ParticipationGrouping.Area;
    if (query.areaId || query.unitId) {
      // A filter outside the caller's scope answers like a missing object.
      const allowed = await this.filterVisible(caller.organisationId, visibility, query.areaId ?? null, query.unitId ?? null);
      if (!allowed) throw notFound();
    }
    const scope = {
      ...visibility,
      areaId: query.areaId ?? null,
      unitId: query.unitId ?? null,
      roleTitle: query.roleTitle ?? null,
      employmentType: query.employmentType ?? null,
    };
    const { groups, total } = await this.costs.participation(caller.organisationId, period.from, period.to, groupBy, scope);
    const minimum = await this.costs.minimumGroupSize(caller.organisationId);
    const suppressed = suppressedGroups(total.people, groups, minimum);
    // Complementary suppression across filters: a filtered view that differs from a view with some of its filters
    // removed by 1 … minimum − 1 people would give those people's participation and hours by subtraction.
    const parentCounts = await this.costs.participationParentCounts(caller.organisationId, scope);
    if (!suppressed.total && differencingRisk(total.people, parentCounts, minimum)) suppressed.total = true;
    return {
      period,
      groupBy,
      minimumGroupSize: minimum,
      total: participationFigures(total.people, total.participants, total.minutes, suppressed.total),
      groups: groups.map((group) => ({
        key: group.key,
        label: group.label,
        drillId: group.drillId,
        ...participationFigures(group.people, group.participants, group.minutes, suppressed.total || suppressed.groups.has(group.key)),
      })),
    };
  }

  private async filterVisible(
    organisationId: string,
    visibility: ReturnType<typeof visibilityFor>,
    areaId: string | null,
    unitId: string | null,
  ): Promise<boolean> {
    if (unitId) {
      const unit = await this.team.unit(unitId);
      if (!unit || unit.organisationId !== organisationId) return false;
      if (areaId && unit.areaId !== areaId) return false;
      return visibility.organisationWide || visibility.areaIds.includes(unit.areaId) || visibility.unitIds.includes(unit.id);
    }
    const area = areaId ? await this.team.area(areaId) : null;
    if (!area || area.organisationId !== organisationId) return false;
    return visibility.organisationWide || visibility.areaIds.includes(area.id);
  }

  async networkParticipation(caller: Caller, query: PeriodQueryDto): Promise<NetworkParticipation> {
    const period = await this.period(query);
    const networkId = caller.grants.find((g) => NETWORK_ROLES.includes(g.role) && g.scopeType === ScopeType.Network)?.scopeId;
    if (!networkId || !caller.grants.some((g) => g.role === Role.NetworkCoordinator)) throw new ForbiddenException();
    const rows = await this.costs.network(networkId, period.from, period.to);
    return {
      period,
      organisations: rows.map((row) => {
        // Each organisation stands alone (no network total is shown), so the minimum group size applies per row.
        const suppressed = suppressedGroups(row.people, [], row.minGroupSize).total;
        return {
          organisation: { id: row.id, name: row.name },
          sessionsHeld: row.sessionsHeld,
          activeAmbassadors: row.ambassadors,
          ...participationFigures(row.people, row.participants, row.minutes, suppressed),
        };
      }),
    };
  }
}

/** The period asked for, or the twelve months up to `today`. `from` after `to` is the client's mistake. */
function periodOn(query: PeriodQueryDto, today: string): InsightPeriod {
  const to = query.to ?? today;
  const from = query.from ?? addDays(addMonths(to, -12), 1);
  if (from > to) throw validationError([{ field: 'to', message: 'Till (to) kan inte vara före från (from).' }]);
  return { from, to };
}
