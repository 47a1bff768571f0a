import { Injectable } from '@nestjs/common';
import {
  ACTIVITY_CATEGORIES,
  ActivityCategory,
  CostReport,
  CostSettings,
  ExternalCost,
  HourlyRate,
  InsightPeriod,
  MARKET_TEACHING_HOUR_RANGE,
  ParticipantReport,
  ParticipationBreakdown,
  ParticipationGrouping,
} from '@kunna/contracts';
import { AuditService } from '../../database/audit.service';
import { Db } from '../../database/db';
import type { Caller } from '../../auth';
import { validationError } from '../../common/errors';
import { notFound } from '../../common/http-errors';
import { visibilityFor } from '../../organisation';
import { defineJobKind } from '../../jobs';
import { KeptViews } from '../../snapshots';
import { PARTICIPATION_ROLES } from '../insights-policy';
import { differencingRisk, hours, participationFigures, round2, suppressedGroups } from '../shared/insight-figures';
import { InsightsRepository } from '../shared/insights.repository';
import { periodOn } from '../shared/period';
import { ParticipationQueryDto, PeriodQueryDto } from '../shared/query.dto';
import { CostsRepository } from './costs.repository';
import { CreateExternalCostDto, HourlyRateDto, ReportQueryDto } from './costs.dto';
import { GENDER_LABELS, NO_GENDER, participantCsv, reportPeriod } from './report-export';

export const KEPT_PARTICIPATION = 'insights.participation';
export const KEPT_COSTS = 'insights.costs';
/** Every five minutes: the person-years the funder report reads, recomputed where writes marked them (migration 1763902700000). */
export const SETTLE_PARTICIPATION_YEARS = defineJobKind<Record<string, never>>('insights.settle-participation-years');

/**
 * The organisation's cost settings (hourly rates, external costs), cost report and funders' participant report, and
 * participation by area, unit, role title and employment type. See README.md.
 */
@Injectable()
export class CostsService {
  constructor(
    private readonly shared: InsightsRepository,
    private readonly costs: CostsRepository,
    private readonly audit: AuditService,
    private readonly keptViews: KeptViews,
    private readonly db: Db,
  ) {}

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
    const period = periodOn(query, await this.shared.today());
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
    const period = periodOn(query, await this.shared.today());
    const { rows, walkIns } = await this.costs.participantReport(caller.organisationId, period.from, period.to);
    await this.auditReportRead(caller, period, query.format ?? 'json', rows.length);
    return { period, rows, participants: rows.length, hours: round2(rows.reduce((sum, row) => sum + row.hours, 0)), walkInsWithoutRecord: walkIns };
  }

  /** The participant report as CSV (the same bytes as the XLSX's sheet written by `toCsv`), audited as a read. */
  async participantReportCsv(caller: Caller, query: ReportQueryDto): Promise<{ period: InsightPeriod; content: Buffer }> {
    const period = periodOn(query, await this.shared.today());
    const report = await this.costs.participantReportLines(caller.organisationId, period.from, period.to, {
      gender: GENDER_LABELS,
      noGender: NO_GENDER,
      period: reportPeriod(period),
    });
    await this.auditReportRead(caller, period, 'csv', report.participants);
    return { period, content: participantCsv({ period, ...report, hours: round2(report.hours) }) };
  }

  private auditReportRead(caller: Caller, period: InsightPeriod, format: string, rows: number): Promise<void> {
    return this.audit.record({
      action: 'insights.participant_report.read',
      targetType: 'organisation',
      targetId: caller.organisationId,
      details: { ...period, format, rows },
    });
  }

  /**
   * The `insights.settle-participation-years` job: each organisation's person-years marked by writes, recomputed as
   * that organisation. Until then the funder report sums those people's days, so it is exact either way; settling
   * keeps that set small.
   */
  async settleParticipationYears(): Promise<number> {
    const settled = await this.db.perOrganisation((organisation) => this.costs.settleParticipationYears(organisation.id));
    return settled.reduce((sum, count) => sum + count, 0);
  }

  // --- participation ---

  /** Kept between reads when it covers the whole organisation (api/src/snapshots). */
  async participation(caller: Caller, query: ParticipationQueryDto): Promise<ParticipationBreakdown> {
    if (visibilityFor(caller, PARTICIPATION_ROLES).organisationWide) return this.keptViews.read(caller, KEPT_PARTICIPATION, query);
    return this.computeParticipation(caller, query);
  }

  async computeParticipation(caller: Caller, query: ParticipationQueryDto): Promise<ParticipationBreakdown> {
    const period = periodOn(query, await this.shared.today());
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
    const minimum = await this.shared.minimumGroupSize(caller.organisationId);
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
      const unit = await this.shared.unit(unitId);
      if (!unit || unit.organisationId !== organisationId) return false;
      if (areaId && unit.areaId !== areaId) return false;
      return visibility.organisationWide || visibility.areaIds.includes(unit.areaId) || visibility.unitIds.includes(unit.id);
    }
    const area = areaId ? await this.shared.area(areaId) : null;
    if (!area || area.organisationId !== organisationId) return false;
    return visibility.organisationWide || visibility.areaIds.includes(area.id);
  }
}
