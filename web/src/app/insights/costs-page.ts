import { AsOf } from './as-of';
import { Component, inject, resource } from '@angular/core';
import { CostReport } from '@kunna/contracts';
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
import { PeriodFilter } from './period-filter';
import { ResourceState } from './resource-state';

/**
 * "What does it cost, and what do we tell the funder?": total cost, participants, cost per participant and per
 * teaching hour against the market, cost by activity as the chart; the funder's participant report as files.
 */
@Component({
  selector: 'k-costs-page',
  imports: [TranslatePipe, InsightsNav, PeriodFilter, KeyFigures, ChartTable, ExportTable, ResourceState, AsOf],
  styleUrl: './insight-pages.css',
  template: `
    <k-insights-nav />
    <h1>{{ 'insightPages.costs.title' | t }}</h1>
    <p class="lead">{{ 'insightPages.costs.lead' | t }}</p>
    <k-period-filter />
    <k-resource-state [resource]="costs" />
    @if (costs.hasValue()) {
      @let report = costs.value();
      <k-key-figures [figures]="figures(report)" />
      <k-as-of [at]="report.asOf" />
      @if (report.unpricedDays > 0) {
        <p class="advice">{{ 'insights.costs.unpriced' | t: { days: format.count(report.unpricedDays) } }}</p>
      }
      <k-chart-table
        [title]="'insightPages.costs.chart' | t"
        [bars]="bars(report)"
        [headers]="['insights.costs.columns.category' | t, 'insights.costs.columns.total' | t]"
        fileName="kostnad-per-aktivitet"
      />
      <h2>{{ 'insightPages.costs.report' | t }}</h2>
      <p>
        {{ 'insightPages.costs.reportLead' | t }}
        <a [href]="reportUrl('csv')" download>{{ 'insights.costs.reportCsv' | t }}</a> ·
        <a [href]="reportUrl('xlsx')" download>{{ 'insights.costs.reportXlsx' | t }}</a>
      </p>
      <details class="more">
        <summary>{{ 'insightPages.costs.details' | t }}</summary>
        <k-export-table [caption]="'insights.costs.table' | t" [headers]="headers()" [rows]="rows(report)" fileName="kostnader" />
      </details>
    }
  `,
})
export class CostsPage {
  private readonly api = inject(InsightsApi);
  private readonly i18n = inject(I18n);
  protected readonly format = inject(InsightFormat);
  private readonly query = injectInsightQuery();

  protected readonly costs = resource({
    params: () => this.query.period(),
    loader: ({ params }) => this.api.costs({ ...params }),
  });

  protected figures(report: CostReport): KeyFigure[] {
    const f = this.format;
    return [
      { label: f.t('insightPages.figures.cost'), value: f.money(report.totalCost) },
      { label: f.t('insightPages.figures.participants'), value: f.count(report.participants), detail: f.hours(report.participantHours) },
      { label: f.t('insightPages.figures.costPerParticipant'), value: f.money(report.costPerParticipant) },
      {
        label: f.t('insightPages.figures.costPerHour'),
        value: f.money(report.costPerTeachingHour),
        detail: f.t('insightPages.figures.market', { min: f.money(report.market.min), max: f.money(report.market.max) }),
        explanation: f.t('insightPages.costs.marketExplained', { min: f.count(report.market.min), max: f.count(report.market.max) }),
      },
    ];
  }

  protected bars(report: CostReport): Bar[] {
    return report.categories.map((c) => ({
      label: this.i18n.t(`insights.category.${c.category}` as TranslationKey),
      value: c.totalCost,
      text: this.format.money(c.totalCost),
    }));
  }

  protected headers(): string[] {
    return ['category', 'participantHours', 'teachingHours', 'staffTime', 'facilitators', 'external', 'total'].map((k) =>
      this.i18n.t(`insights.costs.columns.${k}` as TranslationKey),
    );
  }

  protected rows(report: CostReport): CellValue[][] {
    const round = (n: number) => Math.round(n);
    const hours = (n: number) => Math.round(n * 10) / 10;
    return [
      ...report.categories.map((c) => [
        this.i18n.t(`insights.category.${c.category}` as TranslationKey),
        hours(c.participantHours),
        hours(c.teachingHours),
        round(c.staffTimeCost),
        round(c.facilitatorCost),
        round(c.externalCost),
        round(c.totalCost),
      ]),
      [this.i18n.t('insights.total'), hours(report.participantHours), hours(report.teachingHours), null, null, null, round(report.totalCost)],
    ];
  }

  protected reportUrl(format: 'csv' | 'xlsx'): string {
    return this.api.participantReportUrl(format, this.query.period());
  }
}
