import { AsOf } from './as-of';
import { Component, computed, inject, resource } from '@angular/core';
import { COMPETENCE_DIMENSIONS, CompetenceBreakdown, CompetenceFigures, CompetenceMeasureKey, ParticipationGrouping } from '@kunna/contracts';
import type { CellValue } from '@kunna/table-export';
import { I18n, TranslatePipe, TranslationKey } from '../i18n/i18n';
import { Bar } from './bar-chart';
import { ChartTable } from './chart-table';
import { CheckRounds } from './check-rounds';
import { CompetenceProfiles } from './competence-profiles';
import { CompetenceSection } from './competence-section';
import { competenceFigure } from './competence-figure';
import { InsightFormat, pairRate } from './insight-format';
import { injectInsightQuery } from './insight-query';
import { injectInsightScopes, scopeFilter } from './insight-scope';
import { InsightsApi } from './insights-api';
import { InsightsNav } from './insights-nav';
import { KeyFigure, KeyFigures } from './key-figures';
import { PeriodFilter } from './period-filter';
import { ResourceState } from './resource-state';
import { UnitGap } from './unit-gap';

const MEASURES: readonly CompetenceMeasureKey[] = [...COMPETENCE_DIMENSIONS, 'overall'];

/**
 * "What do the checks show about our competence?": level before and after, the change in words, how many answered
 * both, and the lowest step, for the organisation, an area or a unit; the heat map, trend, check rounds, profiles
 * and the unit's gap one click away.
 */
@Component({
  selector: 'k-competence-page',
  imports: [TranslatePipe, InsightsNav, PeriodFilter, KeyFigures, ChartTable, ResourceState, CheckRounds, CompetenceSection, CompetenceProfiles, UnitGap, AsOf],
  styleUrl: './insight-pages.css',
  template: `
    <k-insights-nav />
    <h1>{{ 'insightPages.competence.title' | t }}</h1>
    <p class="lead">{{ 'insightPages.competence.lead' | t }}</p>
    @if (scopes.organisationWide() || scopes.options().length > 1) {
      <div class="field scope-picker no-print">
        <label for="competence-scope">{{ 'insightPages.competence.scope' | t }}</label>
        <select id="competence-scope" (change)="query.set({ scope: valueOf($event) })">
          @if (scopes.organisationWide()) {
            <option value="" [selected]="scope() === ''">{{ 'insightPages.competence.wholeOrganisation' | t }}</option>
          }
          @for (option of scopes.options(); track option.value) {
            <option [value]="option.value" [selected]="scope() === option.value">{{ option.label }}</option>
          }
        </select>
      </div>
    }
    <k-period-filter />
    <k-resource-state [resource]="competence" />
    @if (competence.hasValue()) {
      @let value = competence.value();
      @if (value.total.people === 0) {
        <p role="status">{{ 'insightPages.competence.none' | t }}</p>
      } @else {
        <k-key-figures [figures]="figures(value)" />
        <k-as-of [at]="value.asOf" />
        @if (!value.total.suppressed) {
          <k-chart-table
            [title]="'insightPages.competence.chart' | t"
            [bars]="bars(value)"
            [max]="4"
            [headers]="tableHeaders()"
            [tableRows]="tableRows(value)"
            fileName="kompetens-fore-efter"
          />
        }
      }
    }

    <details class="more">
      <summary>{{ 'insightPages.competence.rounds' | t }}</summary>
      <k-check-rounds [unitIds]="roundUnits()" />
    </details>
    @if (unitId(); as unit) {
      <details class="more">
        <summary>{{ 'insightPages.competence.gap' | t }}</summary>
        <k-unit-gap [unitId]="unit" />
      </details>
    }
    @if (scopes.areas().length > 0) {
      <details class="more">
        <summary>{{ 'insightPages.competence.all' | t }}</summary>
        <k-competence-section [areas]="scopes.areas()" />
      </details>
    }
    @if (scopes.organisationWide()) {
      <details class="more">
        <summary>{{ 'insightPages.competence.profiles' | t }}</summary>
        <k-competence-profiles [areas]="scopes.areas()" />
      </details>
    }
  `,
})
export class CompetencePage {
  private readonly api = inject(InsightsApi);
  private readonly i18n = inject(I18n);
  private readonly format = inject(InsightFormat);
  protected readonly query = injectInsightQuery();
  protected readonly scopes = injectInsightScopes();
  /** The chosen scope, else the caller's own (organisation, area, unit). */
  protected readonly scope = computed(() => this.query.params().get('scope') ?? this.scopes.defaultScope());
  protected readonly unitId = computed(() => scopeFilter(this.scope()).unitId ?? null);

  protected readonly competence = resource({
    // By unit, as the heat map reads it (see ScopeOverviewPage on why the groupings agree).
    params: () => ({ ...this.query.period(), ...scopeFilter(this.scope()), groupBy: ParticipationGrouping.Unit }),
    loader: ({ params }) => this.api.competence(params),
  });

  /** The check rounds of the chosen unit, of the chosen area's units, or of every unit the caller follows. */
  protected readonly roundUnits = computed<string[] | null>(() => {
    const { unitId, areaId } = scopeFilter(this.scope());
    if (unitId) return [unitId];
    if (areaId)
      return (
        this.scopes
          .areas()
          .find((area) => area.id === areaId)
          ?.units.map((unit) => unit.id) ?? []
      );
    return this.scopes.organisationWide() ? null : this.scopes.units().map((unit) => unit.id);
  });

  private overall(value: CompetenceBreakdown): CompetenceFigures | null {
    return value.total.figures.find((figure) => figure.dimension === 'overall') ?? null;
  }

  protected figures(value: CompetenceBreakdown): KeyFigure[] {
    const f = this.format;
    const overall = this.overall(value);
    const change = { ...competenceFigure(f, value.total, value.minimumGroupSize), warning: undefined, advice: undefined };
    const rate = overall ? pairRate(overall.pairs, overall.invited) : null;
    const answered: KeyFigure = {
      label: f.t('insightPages.figures.pairRate'),
      value: rate ? f.percent(rate.percent) : f.t('insightPages.figures.suppressed'),
      // The percentage is the value; the line under it says of how many (not the same percentage again).
      detail: rate ? f.t('insightPages.figures.participationDetail', { participants: f.count(rate.pairs), people: f.count(rate.invited) }) : undefined,
      warning: rate?.low ? f.t('insightPages.stats.lowPairRate') : undefined,
      advice: rate?.low ? f.t('insightPages.stats.lowPairAdvice') : undefined,
      explanation: f.t('insightPages.stats.pairRateExplained'),
    };
    if (value.total.suppressed || !overall) {
      // Withheld: how many were asked is no secret (it decides the suppression); the rest says why it is hidden.
      return [{ label: f.t('insightPages.figures.asked'), value: f.count(value.total.people) }, change, answered];
    }
    return [
      { label: f.t('insightPages.figures.levelBefore'), value: f.level(overall.meanBefore) },
      { label: f.t('insightPages.figures.levelAfter'), value: f.level(overall.meanAfter) },
      { ...change, detail: undefined },
      answered,
      {
        label: f.t('insightPages.figures.lowest'),
        value: `${f.percent(overall.lowestBefore)} → ${f.percent(overall.lowestAfter)}`,
        explanation: f.t('insightPages.stats.lowestExplained'),
      },
    ];
  }

  private measureLabel(measure: CompetenceMeasureKey): string {
    return this.i18n.t(measure === 'overall' ? 'competence.overall' : (`checks.dimension.${measure}` as TranslationKey));
  }

  private byMeasure(value: CompetenceBreakdown): CompetenceFigures[] {
    return MEASURES.map((measure) => value.total.figures.find((figure) => figure.dimension === measure)).filter(
      (figure): figure is CompetenceFigures => !!figure,
    );
  }

  protected bars(value: CompetenceBreakdown): Bar[] {
    return this.byMeasure(value).map((figure) => ({
      label: this.measureLabel(figure.dimension),
      value: figure.meanAfter,
      text: `${this.format.level(figure.meanBefore)} → ${this.format.level(figure.meanAfter)}`,
    }));
  }

  protected tableHeaders(): string[] {
    return ['dimension', 'before', 'after', 'change'].map((k) => this.i18n.t(`insightPages.competence.${k}` as TranslationKey));
  }

  protected tableRows(value: CompetenceBreakdown): CellValue[][] {
    return this.byMeasure(value).map((figure) => [
      this.measureLabel(figure.dimension),
      figure.meanBefore,
      figure.meanAfter,
      this.format.change(figure.meanChange, figure.confidenceInterval),
    ]);
  }

  protected valueOf(event: Event): string {
    return (event.target as HTMLSelectElement).value;
  }
}
