import { Injectable } from '@nestjs/common';
import {
  CheckItem,
  COMPETENCE_DIMENSIONS,
  CompetenceBreakdown,
  CompetenceGroup,
  CompetenceSuppressionReason,
  CompetenceTrend,
  InsightPeriod,
  ParticipationGrouping,
  UnitCompetence,
} from '@kunna/contracts';
import { effectiveMinimum } from '@kunna/learning-gain';
import type { Caller } from '../../auth';
import { ResultsRepository } from '../../checks';
import { notFound } from '../../common/http-errors';
import { Visibility, visibilityFor } from '../../organisation';
import {
  CompetenceFilters,
  CompetenceRecord,
  competenceRecords,
  filteredViewHidden,
  distinctPeople,
  gateGroups,
  groupDecisions,
  groupFigures,
  groupRecords,
  matchesFilters,
  parentViews,
  ResponseLevel,
  SUPPRESSED,
  trend,
} from './competence-figures';
import { PrivacyGate } from '../../privacy';
import { KeptViews } from '../../snapshots';
import { COMPETENCE_ROLES } from '../insights-policy';
import { InsightsRepository } from '../shared/insights.repository';
import { periodOn } from '../shared/period';
import { ParticipationQueryDto, PeriodQueryDto } from '../shared/query.dto';
import { CompetenceRepository } from './competence.repository';

/** The kept views of the organisation's competence breakdown and trend (api/src/snapshots). */
export const KEPT_BREAKDOWN = 'competence.breakdown';
export const KEPT_TREND = 'competence.trend';

interface Loaded {
  records: CompetenceRecord[];
  items: Map<string, CheckItem[]>;
}

/**
 * Competence levels and gains from the before/after checks, for the organisation (by area, unit, role title,
 * employment type), by quarter, and for one unit. Pairing comes from the checks aggregate, statistics and
 * suppression from @kunna/learning-gain; see README.md for the rules.
 */
@Injectable()
export class CompetenceService {
  constructor(
    private readonly shared: InsightsRepository,
    private readonly repository: CompetenceRepository,
    private readonly checks: ResultsRepository,
    private readonly gate: PrivacyGate,
    private readonly keptViews: KeptViews,
  ) {}

  /** Kept between reads when it covers the whole organisation (api/src/snapshots): it reads every answer. */
  async breakdown(caller: Caller, query: ParticipationQueryDto): Promise<CompetenceBreakdown> {
    if (visibilityFor(caller, COMPETENCE_ROLES).organisationWide) return this.keptViews.read(caller, KEPT_BREAKDOWN, query);
    return this.computeBreakdown(caller, query);
  }

  async computeBreakdown(caller: Caller, query: ParticipationQueryDto): Promise<CompetenceBreakdown> {
    const { period, filters, minimum, loaded } = await this.view(caller, query);
    const inPeriod = (r: CompetenceRecord) => r.firstOpensOn >= period.from && r.firstOpensOn <= period.to;
    const scopeRecords = loaded.records.filter(inPeriod);
    const shown = scopeRecords.filter((r) => matchesFilters(r, filters));
    const groupBy = query.groupBy ?? ParticipationGrouping.Area;
    const people = distinctPeople(shown);
    let totalReason: CompetenceSuppressionReason | null = null;
    if (people < minimum) totalReason = 'belowMinimum';
    else if (filteredViewHidden(scopeRecords, filters, minimum)) totalReason = 'differencing';
    const drafts = groupRecords(shown, groupBy);
    const decisions = groupDecisions(shown, drafts, groupBy, minimum);
    const filtered = Object.values(filters).some((value) => value !== null);
    // The groups first, the total last: when the groups shown and the total would together reveal a group whose
    // figures are withheld (the total minus the others), the total is what gives way, not a group of the breakdown.
    const groups: CompetenceGroup[] = [];
    for (const draft of drafts) {
      const reason = totalReason === 'differencing' ? 'differencing' : totalReason ? 'totalSuppressed' : (decisions.get(draft.key) ?? null);
      const group = groupFigures(
        { key: draft.key, label: draft.label, drillId: draft.drillId, areaName: draft.areaName },
        draft.records,
        loaded.items,
        minimum,
        reason,
      );
      groups.push(await this.gated(caller.organisationId, group, draft.records, loaded.items, minimum, null));
    }
    const totalFigures = groupFigures({ key: 'total', label: 'total', drillId: null, areaName: null }, shown, loaded.items, minimum, totalReason);
    const total = await this.gated(caller.organisationId, totalFigures, shown, loaded.items, minimum, filtered ? scopeRecords : null);
    return { period, groupBy, minimumGroupSize: minimum, total, groups };
  }

  /**
   * Passes each shown measure of a group through the privacy gate (family `competence:<measure>`, the values being
   * the records' answers on it); a refused measure is withheld, and a group with every measure refused is withheld
   * as differencing. `scope`: the unfiltered records of the view, when the group is a filtered view of them.
   */
  private async gated(
    organisationId: string,
    group: CompetenceGroup,
    records: readonly CompetenceRecord[],
    items: Loaded['items'],
    minimum: number,
    scope: readonly CompetenceRecord[] | null,
  ): Promise<CompetenceGroup> {
    if (group.suppressed) return group;
    const figures = [];
    let refused = 0;
    // Each dimension's groups once: overall releases the same groups as the dimensions it is made of.
    const byDimension = new Map(gateGroups(records, items, 'overall').map((g) => [g.dimension, g]));
    const scopeByDimension = scope ? new Map(gateGroups(scope, items, 'overall').map((g) => [g.dimension, g])) : null;
    for (const figure of group.figures) {
      // Nothing but counts to release: no answer pairs, or already withheld.
      if (figure.suppressed || figure.meanBefore === null) {
        figures.push(figure);
        continue;
      }
      const dimensions = figure.dimension === 'overall' ? [...byDimension.keys()] : [figure.dimension];
      const refusal = await this.gate.releaseAll(
        dimensions.flatMap((dimension) => {
          const groups = byDimension.get(dimension);
          if (!groups) return [];
          const context = { organisationId, family: `rating:${dimension}`, minimum };
          const scoped = scopeByDimension?.get(dimension);
          return [
            { context, group: groups.before, scope: scopeByDimension ? (scoped?.before ?? []) : undefined },
            { context, group: groups.after, scope: scopeByDimension ? (scoped?.after ?? []) : undefined },
          ];
        }),
      );
      if (refusal !== null) refused++;
      figures.push(refusal === null ? figure : SUPPRESSED(figure.dimension));
    }
    const everyValueRefused = refused > 0 && figures.every((figure) => figure.suppressed || figure.meanBefore === null);
    return everyValueRefused
      ? { ...group, suppressed: true, reason: 'differencing', figures: figures.map((f) => SUPPRESSED(f.dimension)) }
      : { ...group, figures };
  }

  /**
   * From the kept response levels (`insight_response_level`), not from every answer. A filtered view also needs who
   * was asked (to decide whether it may be shown at all), which is read without answers.
   */
  async trend(caller: Caller, query: ParticipationQueryDto): Promise<CompetenceTrend> {
    if (visibilityFor(caller, COMPETENCE_ROLES).organisationWide) return this.keptViews.read(caller, KEPT_TREND, query);
    return this.computeTrend(caller, query);
  }

  async computeTrend(caller: Caller, query: ParticipationQueryDto): Promise<CompetenceTrend> {
    const { period, filters, minimum, scope } = await this.settings(caller, query);
    const rows = await this.repository.responseLevels(caller.organisationId, period.from, period.to, scope);
    const levels: ResponseLevel[] = rows.map(({ ratingSum, ratingCount, ...row }) => ({ ...row, level: ratingSum / ratingCount }));
    // Each response's value per dimension as the breakdown and check results name it (`responseLevelKey`).
    const valueKeys = new Map(rows.map((row) => [`${row.responseId}|${row.measure}`, `${row.responseId}|${row.ratingSum}/${row.ratingCount}`]));
    const filtered = Object.values(filters).some((value) => value !== null);
    const hidden = filtered && filteredViewHidden(await this.askedRecords(caller.organisationId, period, scope), filters, minimum);
    const shown = levels.filter((level) => matchesFilters(level, filters));
    const quarters: CompetenceTrend['quarters'] = [];
    for (const quarter of trend(shown, parentViews(levels, filters), period, minimum, hidden)) {
      const points = [];
      for (const { responses, ...point } of quarter.points) {
        // Every quarter's mean is a figure of its own: through the gate like any other, as the same values (family
        // rating:<dimension>) as the breakdown's and check results' means, so that no view can be subtracted from another.
        const refused =
          point.mean !== null &&
          (await this.gate.releaseAll(
            (point.dimension === 'overall' ? COMPETENCE_DIMENSIONS : [point.dimension]).map((dimension) => ({
              context: { organisationId: caller.organisationId, family: `rating:${dimension}`, minimum },
              group: responses.flatMap(({ responseId, personId }) => {
                const value = valueKeys.get(`${responseId}|${dimension}`);
                return value ? [{ value, person: personId }] : [];
              }),
            })),
          )) !== null;
        points.push(refused ? { ...point, mean: null, suppressed: true } : point);
      }
      quarters.push({ ...quarter, points });
    }
    return { period, minimumGroupSize: minimum, quarters };
  }

  /**
   * The unit's block on the team view. The unit is shown exactly when the organisation's breakdown by unit shows it
   * (decided against the organisation and against its area), so no view anyone can open reveals a suppressed unit.
   */
  async unit(caller: Caller, unitId: string, query: PeriodQueryDto): Promise<UnitCompetence> {
    const unit = await this.shared.unit(unitId);
    if (!unit) throw notFound();
    const period = periodOn(query, await this.shared.today());
    const minimum = effectiveMinimum(await this.shared.minimumGroupSize(caller.organisationId));
    const loaded = await this.load(caller.organisationId, period, { organisationWide: true, areaIds: [], unitIds: [] });
    const all = loaded.records.filter((r) => r.firstOpensOn >= period.from && r.firstOpensOn <= period.to);
    const drafts = groupRecords(all, ParticipationGrouping.Unit);
    const decisions = groupDecisions(all, drafts, ParticipationGrouping.Unit, minimum);
    const records = all.filter((r) => r.unitId === unitId);
    let reason: CompetenceSuppressionReason | null = decisions.get(unitId) ?? null;
    if (distinctPeople(all) < minimum) reason = 'totalSuppressed';
    if (records.length === 0 || distinctPeople(records) < minimum) reason = 'belowMinimum';
    const figures = groupFigures({ key: unit.id, label: unit.name, drillId: unit.id, areaName: null }, records, loaded.items, minimum, reason);
    return {
      period,
      minimumGroupSize: minimum,
      unit: await this.gated(caller.organisationId, figures, records, loaded.items, minimum, null),
    };
  }

  private async view(caller: Caller, query: ParticipationQueryDto) {
    const { period, filters, minimum, scope } = await this.settings(caller, query);
    const loaded = await this.load(caller.organisationId, period, scope);
    return { period, filters, minimum, loaded };
  }

  /** The period, filters (each checked against the caller's scope), minimum group size and visible scope of a view. */
  private async settings(caller: Caller, query: ParticipationQueryDto) {
    const period = periodOn(query, await this.shared.today());
    const scope = visibilityFor(caller, COMPETENCE_ROLES);
    const filters: CompetenceFilters = {
      areaId: query.areaId ?? null,
      unitId: query.unitId ?? null,
      roleTitle: query.roleTitle ?? null,
      employmentType: query.employmentType ?? null,
    };
    // A filter outside the caller's scope answers like a missing object.
    if (filters.unitId && !(await this.unitVisible(caller.organisationId, scope, filters.unitId, filters.areaId))) throw notFound();
    if (filters.areaId && !filters.unitId && !(await this.areaVisible(caller.organisationId, scope, filters.areaId))) throw notFound();
    const minimum = effectiveMinimum(await this.shared.minimumGroupSize(caller.organisationId));
    return { period, filters, minimum, scope };
  }

  private async unitVisible(organisationId: string, scope: Visibility, unitId: string, areaId: string | null): Promise<boolean> {
    const unit = await this.shared.unit(unitId);
    if (!unit || unit.organisationId !== organisationId) return false;
    if (areaId && unit.areaId !== areaId) return false;
    return scope.organisationWide || scope.areaIds.includes(unit.areaId) || scope.unitIds.includes(unit.id);
  }

  private async areaVisible(organisationId: string, scope: Visibility, areaId: string): Promise<boolean> {
    const area = await this.shared.area(areaId);
    if (!area || area.organisationId !== organisationId) return false;
    return scope.organisationWide || scope.areaIds.includes(area.id);
  }

  /** Everyone asked in the scope's checks with a round in the period, without their answers. */
  private async askedRecords(organisationId: string, period: InsightPeriod, scope: Visibility): Promise<CompetenceRecord[]> {
    const assignments = await this.repository.assignments(organisationId, period.from, period.to, scope);
    if (assignments.length === 0) return [];
    const everyone = { organisationId, instrumentId: '', unitIds: null, areaId: null, roleTitle: null, employmentType: null };
    const invited = await this.checks.groupInvited(
      assignments.map((a) => a.id),
      everyone,
    );
    const people = await this.repository.people([...new Set(invited.map((p) => p.personId))]);
    return competenceRecords({ assignments, invited, responses: [], people });
  }

  /** Everyone asked in the scope's checks with a round in the period, with their answers. */
  private async load(organisationId: string, period: InsightPeriod, scope: Visibility): Promise<Loaded> {
    const assignments = await this.repository.assignments(organisationId, period.from, period.to, scope);
    if (assignments.length === 0) return { records: [], items: new Map() };
    const ids = assignments.map((a) => a.id);
    const everyone = { organisationId, instrumentId: '', unitIds: null, areaId: null, roleTitle: null, employmentType: null };
    // One after the other: they share the request's transaction and so its connection.
    const invited = await this.checks.groupInvited(ids, everyone);
    const responses = await this.checks.groupResponses(ids, everyone);
    const people = await this.repository.people([...new Set(invited.map((p) => p.personId))]);
    const items = await this.repository.versionItems([...new Set(assignments.map((a) => a.versionId))]);
    return { records: competenceRecords({ assignments, invited, responses, people }), items };
  }
}
