import { AsOf } from './as-of';
import { Component, computed, inject, resource } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { EmploymentType, ParticipationBreakdown, ParticipationFigures, ParticipationGrouping } from '@kunna/contracts';
import type { CellValue } from '@kunna/table-export';
import { I18n, TranslatePipe, TranslationKey } from '../i18n/i18n';
import { employmentKey } from '../i18n/labels';
import { Bar } from './bar-chart';
import { ChartTable } from './chart-table';
import { competenceFigure } from './competence-figure';
import { ExportTable } from './export-table';
import { InsightFormat } from './insight-format';
import { injectInsightQuery, injectRouteParam } from './insight-query';
import { injectInsightScopes } from './insight-scope';
import { InsightsApi } from './insights-api';
import { InsightsNav } from './insights-nav';
import { KeyFigure, KeyFigures } from './key-figures';
import { PeriodFilter } from './period-filter';
import { PrintSummary } from './print-summary';
import { ResourceState } from './resource-state';

export type OverviewScope = 'organisation' | 'area';

const GROUPINGS = [ParticipationGrouping.Area, ParticipationGrouping.Unit, ParticipationGrouping.RoleTitle, ParticipationGrouping.EmploymentType];

/**
 * "How is the organisation (or my area) doing?": participation, time, competence change and (organisation) cost at
 * a glance, participation by area or unit as the one chart, each area or unit one click away. HR lands on the
 * organisation, an area manager on the area. Composed from the participation, competence and cost reads.
 */
@Component({
  selector: 'k-scope-overview-page',
  imports: [TranslatePipe, RouterLink, InsightsNav, PeriodFilter, KeyFigures, ChartTable, ExportTable, ResourceState, PrintSummary, AsOf],
  styleUrl: './insight-pages.css',
  template: `
    <k-insights-nav />
    <h1>{{ title() }}</h1>
    <p class="lead">{{ (scope() === 'organisation' ? 'insightPages.organisation.lead' : 'insightPages.area.lead') | t }}</p>
    <k-period-filter />
    <k-resource-state [resource]="participation" />
    @if (participation.hasValue()) {
      @let breakdown = participation.value();
      <k-key-figures [figures]="figures(breakdown)" />
      <k-as-of [at]="breakdown.asOf" />
      <k-chart-table
        [title]="chartTitle(breakdown)"
        [bars]="bars(breakdown)"
        [headers]="[groupingLabel(breakdown.groupBy), 'insights.participation.columns.percent' | t]"
        [max]="100"
        fileName="deltagande-diagram"
      />
      <k-print-summary />

      @if (drillable(breakdown)) {
        <details class="more">
          <summary>{{ (breakdown.groupBy === 'area' ? 'insightPages.organisation.areas' : 'insightPages.area.units') | t }}</summary>
          <ul class="links">
            @for (group of breakdown.groups; track group.key) {
              @if (group.drillId) {
                <li>
                  <a [routerLink]="drillPath(breakdown, group.drillId)" [queryParams]="query.period()">{{
                    (breakdown.groupBy === 'area' ? 'insightPages.organisation.openArea' : 'insightPages.area.openUnit') | t: { name: group.label }
                  }}</a>
                </li>
              }
            }
          </ul>
        </details>
      }

      <details class="more">
        <summary>{{ 'insights.participation.table' | t }}</summary>
        <div class="field scope-picker no-print">
          <label for="participation-group">{{ 'insights.participation.groupBy' | t }}</label>
          <select id="participation-group" (change)="query.set({ groupBy: valueOf($event) })">
            @for (grouping of groupings; track grouping) {
              <option [value]="grouping" [selected]="breakdown.groupBy === grouping">{{ groupingLabel(grouping) }}</option>
            }
          </select>
        </div>
        <div class="field scope-picker no-print">
          <label for="participation-role">{{ 'insights.participation.roleTitle' | t }}</label>
          <input id="participation-role" [value]="query.param('roleTitle')" (change)="query.set({ roleTitle: valueOf($event) })" />
        </div>
        <div class="field scope-picker no-print">
          <label for="participation-employment">{{ 'insights.participation.employment' | t }}</label>
          <select id="participation-employment" (change)="query.set({ employmentType: valueOf($event) })">
            <option value="">{{ 'insights.participation.allTypes' | t }}</option>
            @for (type of employmentTypes; track type) {
              <option [value]="type" [selected]="query.param('employmentType') === type">{{ employmentKey(type) | t }}</option>
            }
          </select>
        </div>
        <p class="hint">{{ 'insights.participation.minimum' | t: { n: breakdown.minimumGroupSize } }}</p>
        <k-export-table
          [caption]="'insights.participation.table' | t"
          [headers]="participationHeaders()"
          [rows]="participationRows(breakdown)"
          fileName="deltagande"
        />
      </details>
    }
  `,
})
export class ScopeOverviewPage {
  private readonly api = inject(InsightsApi);
  private readonly i18n = inject(I18n);
  protected readonly format = inject(InsightFormat);
  protected readonly query = injectInsightQuery();
  protected readonly groupings = GROUPINGS;
  protected readonly employmentTypes = [EmploymentType.Permanent, EmploymentType.Substitute, EmploymentType.Hourly];
  protected readonly employmentKey = employmentKey;
  private readonly data = toSignal(inject(ActivatedRoute).data, { requireSync: true });
  protected readonly scope = computed<OverviewScope>(() => (this.data()['scope'] === 'area' ? 'area' : 'organisation'));
  private readonly areaId = injectRouteParam('areaId');
  private readonly scopes = injectInsightScopes(() => this.scope() === 'area');
  protected readonly title = computed(() => {
    if (this.scope() === 'organisation') return this.i18n.t('insightPages.organisation.title');
    const area = this.scopes.tree.hasValue() ? this.scopes.tree.value().areas.find((candidate) => candidate.id === this.areaId()) : undefined;
    return `${this.i18n.t('insightPages.area.title')}${area ? `: ${area.name}` : ''}`;
  });

  private readonly filters = computed(() => ({
    ...this.query.period(),
    areaId: this.scope() === 'area' ? this.areaId() : undefined,
  }));

  protected readonly participation = resource({
    params: () => ({
      ...this.filters(),
      roleTitle: this.query.param('roleTitle') || undefined,
      employmentType: (this.query.param('employmentType') || undefined) as EmploymentType | undefined,
      groupBy: (this.query.param('groupBy') || (this.scope() === 'area' ? ParticipationGrouping.Unit : ParticipationGrouping.Area)) as ParticipationGrouping,
    }),
    loader: ({ params }) => this.api.participation(params),
  });
  /**
   * Grouped by unit like the heat map: the privacy gate withholds a figure that differs too little from one already
   * released to the same viewer, so the overview releases the same groups the detail views read.
   */
  protected readonly competence = resource({
    params: () => ({ ...this.filters(), groupBy: ParticipationGrouping.Unit }),
    loader: ({ params }) => this.api.competence(params),
  });
  protected readonly costs = resource({
    params: () => (this.scope() === 'organisation' ? this.query.period() : undefined),
    loader: ({ params }) => this.api.costs({ ...params }),
  });

  protected figures(breakdown: ParticipationBreakdown): KeyFigure[] {
    const f = this.format;
    const total = breakdown.total;
    const figures: KeyFigure[] = [
      { label: f.t('insightPages.figures.people'), value: f.count(total.people) },
      {
        label: f.t('insightPages.figures.participation'),
        value: total.suppressed ? f.t('insightPages.figures.suppressed') : f.percent(total.participationPercent),
        detail: total.suppressed
          ? undefined
          : f.t('insightPages.figures.participationDetail', { participants: f.count(total.participants), people: f.count(total.people) }),
        explanation: f.t('insightPages.stats.suppressedExplained', { n: breakdown.minimumGroupSize }),
      },
      {
        label: f.t('insightPages.figures.hours'),
        value: total.suppressed ? f.t('insightPages.figures.suppressed') : f.hours(total.hours),
        detail: total.hoursPerPerson === null ? undefined : f.t('insightPages.figures.hoursPerPerson', { hours: f.hours(total.hoursPerPerson) }),
      },
    ];
    if (this.competence.hasValue()) figures.push(competenceFigure(f, this.competence.value().total, this.competence.value().minimumGroupSize));
    else figures.push({ label: f.t('insightPages.figures.competence'), value: this.competence.error() ? '–' : f.t('app.loading') });
    if (this.scope() === 'organisation') {
      const cost = this.costs.hasValue() ? this.costs.value() : null;
      figures.push({
        label: f.t('insightPages.figures.cost'),
        value: cost ? f.money(cost.totalCost) : this.costs.error() ? '–' : f.t('app.loading'),
        detail:
          cost?.costPerParticipant != null ? `${f.money(cost.costPerParticipant)} ${f.t('insightPages.figures.costPerParticipant').toLowerCase()}` : undefined,
      });
    }
    return figures;
  }

  protected groupingLabel(grouping: ParticipationGrouping): string {
    return this.i18n.t(`insights.participation.grouping.${grouping}` as TranslationKey);
  }

  protected chartTitle(breakdown: ParticipationBreakdown): string {
    if (breakdown.groupBy === ParticipationGrouping.Area) return this.i18n.t('insightPages.organisation.chart');
    if (breakdown.groupBy === ParticipationGrouping.Unit) return this.i18n.t('insightPages.area.chart');
    return `${this.i18n.t('insights.participation.chart')}: ${this.groupingLabel(breakdown.groupBy).toLowerCase()}`;
  }

  private label(breakdown: ParticipationBreakdown, label: string): string {
    return breakdown.groupBy === ParticipationGrouping.EmploymentType ? this.i18n.t(employmentKey(label as EmploymentType)) : label;
  }

  protected bars(breakdown: ParticipationBreakdown): Bar[] {
    return breakdown.groups.map((g) => ({
      label: this.label(breakdown, g.label),
      value: g.participationPercent,
      text: g.suppressed ? this.i18n.t('insights.suppressedCell') : this.format.percent(g.participationPercent),
    }));
  }

  protected drillable(breakdown: ParticipationBreakdown): boolean {
    return (breakdown.groupBy === ParticipationGrouping.Area || breakdown.groupBy === ParticipationGrouping.Unit) && breakdown.groups.some((g) => g.drillId);
  }

  protected drillPath(breakdown: ParticipationBreakdown, id: string): string {
    return breakdown.groupBy === ParticipationGrouping.Area ? `/insikt/omrade/${id}` : `/insikt/enhet/${id}`;
  }

  protected participationHeaders(): string[] {
    return ['group', 'people', 'participants', 'percent', 'hours', 'hoursPerPerson'].map((k) =>
      this.i18n.t(`insights.participation.columns.${k}` as TranslationKey),
    );
  }

  private cells(f: ParticipationFigures): CellValue[] {
    return [f.people, f.participants, f.participationPercent, f.hours, f.hoursPerPerson];
  }

  protected participationRows(breakdown: ParticipationBreakdown): CellValue[][] {
    return [
      ...breakdown.groups.map((g) => [this.label(breakdown, g.label), ...this.cells(g)]),
      [this.i18n.t('insights.total'), ...this.cells(breakdown.total)],
    ];
  }

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
  }
}
