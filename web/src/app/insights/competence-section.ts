import { Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import {
  AreaNode,
  COMPETENCE_DIMENSIONS,
  CompetenceBreakdown,
  CompetenceGroup,
  CompetenceMeasureKey,
  CompetenceQuery,
  CompetenceTrend,
  EmploymentType,
  ParticipationGrouping,
} from '@kunna/contracts';
import type { CellValue } from '@kunna/table-export';
import { remote } from '../core/remote';
import { problemKey } from '../core/problem';
import { I18n, TranslatePipe, TranslationKey } from '../i18n/i18n';
import { employmentKey } from '../i18n/labels';
import { CompetenceHeatMap, HeatMeasure } from './competence-heat-map';
import { ExportTable } from './export-table';
import { InsightsApi } from './insights-api';
import { LineChart, LineSeries } from './line-chart';

/** The section's filters live in the address bar (beside the page's period), so a view can be bookmarked and shared. */
type Filter = 'competenceGroupBy' | 'competenceArea' | 'competenceUnit' | 'competenceRole' | 'competenceType' | 'competenceMeasure';

const MEASURES: readonly CompetenceMeasureKey[] = [...COMPETENCE_DIMENSIONS, 'overall'];
const GROUPINGS = [ParticipationGrouping.Area, ParticipationGrouping.Unit, ParticipationGrouping.RoleTitle, ParticipationGrouping.EmploymentType];
const EMPLOYMENT_TYPES = [EmploymentType.Permanent, EmploymentType.Substitute, EmploymentType.Hourly];

/**
 * Competence levels and gains for unit managers, area managers and HR: before/after per dimension by the chosen
 * grouping, the heat map of units by dimension and the trend by quarter. Groups the API suppresses show as such.
 */
@Component({
  selector: 'k-competence-section',
  imports: [TranslatePipe, ExportTable, CompetenceHeatMap, LineChart],
  templateUrl: './competence-section.html',
})
export class CompetenceSection {
  private readonly api = inject(InsightsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly i18n = inject(I18n);
  /** Areas and units the caller may filter on. */
  readonly areas = input.required<AreaNode[]>();
  protected readonly groupings = GROUPINGS;
  protected readonly employmentTypes = EMPLOYMENT_TYPES;
  protected readonly employmentKey = employmentKey;
  protected readonly problemKey = problemKey;

  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly filter = (name: Filter | 'from' | 'to'): string => this.params().get(name) ?? '';
  protected readonly measure = computed<HeatMeasure>(() => (this.filter('competenceMeasure') === 'change' ? 'change' : 'after'));
  protected readonly units = computed(() => {
    const areaId = this.filter('competenceArea');
    return this.areas()
      .filter((area) => !areaId || area.id === areaId)
      .flatMap((area) => area.units);
  });

  /** Equal when the filters are: another address parameter (the heat map's measure) fetches nothing again. */
  private readonly query = computed<CompetenceQuery>(
    () => ({
      from: this.filter('from') || undefined,
      to: this.filter('to') || undefined,
      areaId: this.filter('competenceArea') || undefined,
      unitId: this.filter('competenceUnit') || undefined,
      roleTitle: this.filter('competenceRole') || undefined,
      employmentType: (this.filter('competenceType') || undefined) as EmploymentType | undefined,
    }),
    { equal: sameQuery },
  );
  private readonly groupBy = computed(() => (this.filter('competenceGroupBy') || ParticipationGrouping.Area) as ParticipationGrouping);

  protected readonly breakdown = remote<CompetenceQuery, CompetenceBreakdown>({
    params: () => ({ ...this.query(), groupBy: this.groupBy() }),
    load: (query) => this.api.competence(query),
  });
  protected readonly heatMap = remote<CompetenceQuery, CompetenceBreakdown>({
    params: () => ({ ...this.query(), groupBy: ParticipationGrouping.Unit }),
    load: (query) => this.api.competence(query),
  });
  protected readonly trend = remote<CompetenceQuery, CompetenceTrend>({ params: this.query, load: (query) => this.api.competenceTrend(query) });

  protected setFilter(name: Filter, value: string): void {
    const changes: Record<string, string | null> = { [name]: value === '' ? null : value };
    // A unit outside the chosen area would answer nothing: choosing an area clears the unit.
    if (name === 'competenceArea') changes['competenceUnit'] = null;
    void this.router.navigate([], { queryParams: changes, queryParamsHandling: 'merge', replaceUrl: true });
  }

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
  }

  protected drill(group: CompetenceGroup, breakdown: CompetenceBreakdown): void {
    if (!group.drillId) return;
    if (breakdown.groupBy === ParticipationGrouping.Area) {
      void this.router.navigate([], {
        queryParams: { competenceArea: group.drillId, competenceUnit: null, competenceGroupBy: ParticipationGrouping.Unit },
        queryParamsHandling: 'merge',
        replaceUrl: true,
      });
    } else if (breakdown.groupBy === ParticipationGrouping.Unit) {
      void this.router.navigate([], {
        queryParams: { competenceUnit: group.drillId, competenceGroupBy: ParticipationGrouping.RoleTitle },
        queryParamsHandling: 'merge',
        replaceUrl: true,
      });
    }
  }

  protected groupingKey(grouping: ParticipationGrouping): TranslationKey {
    return `insights.participation.grouping.${grouping}`;
  }

  protected measureLabel(measure: CompetenceMeasureKey): string {
    return this.i18n.t(measure === 'overall' ? 'competence.overall' : (`checks.dimension.${measure}` as TranslationKey));
  }

  protected groupLabel(breakdown: CompetenceBreakdown, group: CompetenceGroup): string {
    if (group.key === 'total') return this.i18n.t('insights.total');
    return breakdown.groupBy === ParticipationGrouping.EmploymentType ? this.i18n.t(employmentKey(group.label as EmploymentType)) : group.label;
  }

  protected reasonText(group: CompetenceGroup): string {
    return group.reason ? this.i18n.t(`competence.suppressedReason.${group.reason}`) : '';
  }

  protected headers(): string[] {
    return ['group', 'dimension', 'people', 'pairs', 'responseRate', 'before', 'after', 'change', 'ciLower', 'ciUpper', 'lowestBefore', 'lowestAfter'].map(
      (k) => this.i18n.t(`competence.columns.${k}` as TranslationKey),
    );
  }

  protected rows(breakdown: CompetenceBreakdown): CellValue[][] {
    return [...breakdown.groups, breakdown.total].flatMap((group) =>
      group.figures.map((f) => [
        group.suppressed ? `${this.groupLabel(breakdown, group)} (${this.reasonText(group)})` : this.groupLabel(breakdown, group),
        this.measureLabel(f.dimension),
        group.people,
        f.pairs,
        f.responseRate,
        f.meanBefore,
        f.meanAfter,
        f.meanChange,
        f.confidenceInterval?.lower ?? null,
        f.confidenceInterval?.upper ?? null,
        f.lowestBefore,
        f.lowestAfter,
      ]),
    );
  }

  protected trendLabels(trend: CompetenceTrend): string[] {
    return trend.quarters.map((q) => q.quarter);
  }

  protected trendSeries(trend: CompetenceTrend): LineSeries[] {
    return MEASURES.map((measure, index) => ({ label: this.measureLabel(measure), values: trend.quarters.map((q) => q.points[index].mean) }));
  }

  protected trendHeaders(): string[] {
    return [
      this.i18n.t('competence.trend.quarter'),
      ...MEASURES.map((m) => this.measureLabel(m)),
      this.i18n.t('competence.trend.people', { dimension: this.measureLabel('overall') }),
    ];
  }

  protected trendRows(trend: CompetenceTrend): CellValue[][] {
    // Null cells read "för få" in the table; quarters without answers show a dash instead.
    return trend.quarters.map((q) => [q.quarter, ...q.points.map((p) => (p.people === 0 ? '–' : p.mean)), q.points[q.points.length - 1].people]);
  }
}

function sameQuery(a: CompetenceQuery, b: CompetenceQuery): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
