import { Component, inject, resource } from '@angular/core';
import { NetworkParticipation } from '@kunna/contracts';
import type { CellValue } from '@kunna/table-export';
import { I18n, TranslatePipe, TranslationKey } from '../i18n/i18n';
import { Bar } from './bar-chart';
import { ChartTable } from './chart-table';
import { ExportTable } from './export-table';
import { InsightFormat } from './insight-format';
import { injectInsightQuery } from './insight-query';
import { InsightsApi } from './insights-api';
import { InsightsNav } from './insights-nav';
import { KeyFigure, KeyFigures } from './key-figures';
import { NetworkComparison } from './network-comparison';
import { PeriodFilter } from './period-filter';
import { ResourceState } from './resource-state';

/**
 * "How is the network doing?": the coordinator's landing page. Organisations, participation across them, sessions
 * held and active ambassadors; participation per organisation as the chart; the shared questions and cascade one
 * click away. Aggregates per organisation only.
 */
@Component({
  selector: 'k-network-page',
  imports: [TranslatePipe, InsightsNav, PeriodFilter, KeyFigures, ChartTable, ExportTable, ResourceState, NetworkComparison],
  styleUrl: './insight-pages.css',
  template: `
    <k-insights-nav />
    <h1>{{ 'insightPages.network.title' | t }}</h1>
    <p class="lead">{{ 'insightPages.network.lead' | t }}</p>
    <k-period-filter />
    <k-resource-state [resource]="network" />
    @if (network.hasValue()) {
      @let value = network.value();
      <k-key-figures [figures]="figures(value)" />
      <k-chart-table
        [title]="'insights.network.chart' | t"
        [bars]="bars(value)"
        [max]="100"
        [headers]="['insights.network.columns.organisation' | t, 'insights.network.columns.percent' | t]"
        fileName="natverk-diagram"
      />
      <details class="more">
        <summary>{{ 'insightPages.network.details' | t }}</summary>
        <k-export-table [caption]="'insights.network.table' | t" [headers]="headers()" [rows]="rows(value)" fileName="natverk" />
        <k-network-comparison [from]="period().from" [to]="period().to" />
      </details>
    }
  `,
})
export class NetworkPage {
  private readonly api = inject(InsightsApi);
  private readonly i18n = inject(I18n);
  private readonly format = inject(InsightFormat);
  private readonly query = injectInsightQuery();
  protected readonly period = this.query.period;

  protected readonly network = resource({
    params: () => this.query.period(),
    loader: ({ params }) => this.api.network({ ...params }),
  });

  protected figures(value: NetworkParticipation): KeyFigure[] {
    const f = this.format;
    const shown = value.organisations.filter((o) => !o.suppressed && o.participants !== null);
    const people = shown.reduce((sum, o) => sum + o.people, 0);
    const participants = shown.reduce((sum, o) => sum + (o.participants ?? 0), 0);
    return [
      { label: f.t('insightPages.figures.organisations'), value: f.count(value.organisations.length) },
      {
        label: f.t('insightPages.figures.participation'),
        value: f.percent(people > 0 ? (participants / people) * 100 : null),
        detail: f.t('insightPages.figures.participationDetail', { participants: f.count(participants), people: f.count(people) }),
        explanation: f.t('insightPages.network.participationExplained'),
      },
      { label: f.t('insightPages.figures.sessions'), value: f.count(value.organisations.reduce((sum, o) => sum + o.sessionsHeld, 0)) },
      { label: f.t('insightPages.figures.activeAmbassadors'), value: f.count(value.organisations.reduce((sum, o) => sum + o.activeAmbassadors, 0)) },
    ];
  }

  protected bars(value: NetworkParticipation): Bar[] {
    return value.organisations.map((o) => ({
      label: o.organisation.name,
      value: o.participationPercent,
      text: o.suppressed ? this.i18n.t('insights.suppressedCell') : this.format.percent(o.participationPercent),
    }));
  }

  protected headers(): string[] {
    return ['organisation', 'people', 'participants', 'percent', 'hours', 'hoursPerPerson', 'sessions', 'ambassadors'].map((k) =>
      this.i18n.t(`insights.network.columns.${k}` as TranslationKey),
    );
  }

  protected rows(value: NetworkParticipation): CellValue[][] {
    return value.organisations.map((o) => [
      o.organisation.name,
      o.people,
      o.participants,
      o.participationPercent,
      o.hours,
      o.hoursPerPerson,
      o.sessionsHeld,
      o.activeAmbassadors,
    ]);
  }
}
