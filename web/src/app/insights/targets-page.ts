import { Component, computed, inject, resource, signal } from '@angular/core';
import { EmploymentType, TargetProgress, TargetStatus, YearPlan } from '@kunna/contracts';
import type { CellValue } from '@kunna/table-export';
import { Permissions } from '../core/permissions';
import { problemKey, problemOf } from '../core/problem';
import { I18n, TranslatePipe, TranslationKey } from '../i18n/i18n';
import { employmentKey } from '../i18n/labels';
import { Bar } from './bar-chart';
import { ChartTable } from './chart-table';
import { ExportTable } from './export-table';
import { InsightFormat } from './insight-format';
import { injectInsightQuery } from './insight-query';
import { injectInsightScopes } from './insight-scope';
import { InsightsApi } from './insights-api';
import { InsightsNav } from './insights-nav';
import { KeyFigure, KeyFigures } from './key-figures';
import { PlanEditor } from './plan-editor';
import { ResourceState } from './resource-state';
import { TargetForm } from './target-form';

/** A unit's year plan with its name, for the overview across units. */
interface UnitPlan {
  id: string;
  name: string;
  plan: YearPlan;
}

/**
 * "Are we reaching our targets, and what is planned?": a unit's targets at a glance with the share done per target,
 * the per-person remainder and the year plan one click away; managers set targets and plan here.
 */
@Component({
  selector: 'k-targets-page',
  imports: [TranslatePipe, InsightsNav, KeyFigures, ChartTable, ExportTable, ResourceState, PlanEditor, TargetForm],
  styleUrl: './insight-pages.css',
  template: `
    <k-insights-nav />
    <h1>{{ 'insightPages.targets.title' | t }}</h1>
    <p class="lead">{{ 'insightPages.targets.lead' | t }}</p>
    @if (scopes.units().length > 0 || !scopes.tree.hasValue()) {
      <div class="field scope-picker no-print">
        <label for="insight-unit">{{ 'insights.unit' | t }}</label>
        <select id="insight-unit" (change)="query.set({ unitId: valueOf($event) })">
          @if (!unitId()) {
            <option value="" selected>{{ 'insightPages.chooseUnit' | t }}</option>
          }
          @for (unit of scopes.units(); track unit.id) {
            <option [value]="unit.id" [selected]="unit.id === unitId()">{{ unit.name }}</option>
          }
        </select>
      </div>
    } @else {
      <p>{{ 'insightPages.noUnits' | t }}</p>
    }
    @if (!unitId()) {
      @if (scopes.units().length > 0) {
        <!-- HR and area managers: every unit they follow at a glance, one unit's targets and plan one click away. -->
        <k-resource-state [resource]="overview" />
        @if (overview.hasValue()) {
          @let plans = overview.value();
          <k-key-figures [figures]="overviewFigures(plans)" />
          <k-chart-table
            [title]="'insightPages.targets.unitChart' | t"
            [bars]="unitBars(plans)"
            [max]="100"
            [headers]="unitHeaders()"
            [tableRows]="unitRows(plans)"
            fileName="mal-per-enhet"
          />
          <p>{{ 'insightPages.targets.chooseUnit' | t }}</p>
        }
      } @else {
        <p role="status">{{ 'insightPages.targets.chooseUnit' | t }}</p>
      }
    } @else {
      <k-resource-state [resource]="plan" />
      @if (plan.hasValue()) {
        @let yearPlan = plan.value();
        <k-key-figures [figures]="figures(yearPlan)" />
        @if (yearPlan.targets.length > 0) {
          <k-chart-table
            [title]="'insights.targets.chart' | t"
            [bars]="bars(yearPlan.targets)"
            [max]="100"
            [headers]="targetHeaders()"
            [tableRows]="targetRows(yearPlan.targets)"
            fileName="mal"
          />
        } @else {
          <p>{{ 'insights.targets.none' | t }}</p>
        }
        <details class="more">
          <summary>{{ 'insightPages.targets.details' | t }}</summary>
          @if (yearPlan.targets.length > 0) {
            <ul class="targets">
              @for (target of yearPlan.targets; track target.id) {
                <li>
                  <strong>{{ target.program.title }}</strong>:
                  <span class="target-progress">{{
                    'insights.targets.progress'
                      | t
                        : {
                            completed: format.count(target.completed),
                            population: format.count(target.population),
                            target: target.targetPercent,
                            due: target.dueDate,
                          }
                  }}</span>
                  <span class="badge">{{ statusKey(target.status) | t }}</span>
                  @if (plans()) {
                    @if (confirming() === target.id) {
                      <span role="group" [attr.aria-label]="'insightPages.targets.confirmRemove' | t: { program: target.program.title }">
                        {{ 'insightPages.targets.confirmRemove' | t: { program: target.program.title } }}
                        <button type="button" class="link" (click)="removeTarget(target)">{{ 'insightPages.targets.confirm' | t }}</button>
                        <button type="button" class="link" (click)="confirming.set(null)">{{ 'common.cancel' | t }}</button>
                      </span>
                    } @else {
                      <button type="button" class="link" (click)="confirming.set(target.id)">
                        {{ 'insights.targets.remove' | t }}<span class="visually-hidden">: {{ target.program.title }}</span>
                      </button>
                    }
                  }
                </li>
              }
            </ul>
            <p class="ok" role="status">{{ removed() ? ('insightPages.targets.removed' | t) : '' }}</p>
            @if (removeProblem(); as message) {
              <p class="error" role="alert">{{ message }}</p>
            }
          }
          <h2>{{ 'insights.plan.title' | t }}</h2>
          <k-export-table [caption]="'insights.plan.table' | t" [headers]="planHeaders()" [rows]="planRows(yearPlan)" fileName="arsplan" />
        </details>
        @if (plans()) {
          <details class="more">
            <summary>{{ 'insightPages.targets.change' | t }}</summary>
            <k-plan-editor [unitId]="unitId()" [plan]="yearPlan" [programs]="programs.value() ?? []" (changed)="plan.reload()" />
            <k-target-form [unitId]="unitId()" [programs]="programs.value() ?? []" (added)="plan.reload()" />
          </details>
        }
      }
    }
  `,
  styles: `
    .targets {
      padding-inline-start: 1.25rem;
    }
    .targets li {
      margin-block: 0.5rem;
    }
  `,
})
export class TargetsPage {
  private readonly api = inject(InsightsApi);
  private readonly permissions = inject(Permissions);
  private readonly i18n = inject(I18n);
  protected readonly format = inject(InsightFormat);
  protected readonly query = injectInsightQuery();
  protected readonly scopes = injectInsightScopes();
  /** The chosen unit; a unit manager's own by default (HR and area managers choose, never an arbitrary one). */
  protected readonly unitId = computed(() => this.query.param('unitId') || this.permissions.managedUnitIds()[0] || '');
  /** Planning and targets: the unit's managers, HR and administrators. */
  protected readonly plans = computed(() => this.permissions.organisationWide() || this.permissions.managedUnitIds().includes(this.unitId()));
  protected readonly removed = signal(false);
  /** The target whose removal waits for a yes (removing cannot be undone). */
  protected readonly confirming = signal<string | null>(null);
  protected readonly removeProblem = signal<string | null>(null);

  protected readonly plan = resource({
    params: () => this.unitId() || undefined,
    loader: ({ params }) => this.api.plan(params),
  });
  /**
   * Without a chosen unit, the year plans of every unit the caller follows (HR: all; an area manager: the area's),
   * read a few at a time, for the overview. Not read when a unit is chosen.
   */
  protected readonly overview = resource({
    params: () => (this.unitId() || this.scopes.units().length === 0 ? undefined : this.scopes.units().map((unit) => ({ id: unit.id, name: unit.name }))),
    loader: async ({ params }) => {
      const plans: UnitPlan[] = [];
      for (let start = 0; start < params.length; start += 6) {
        const batch = params.slice(start, start + 6);
        plans.push(...(await Promise.all(batch.map(async (unit) => ({ ...unit, plan: await this.api.plan(unit.id) })))));
      }
      return plans;
    },
  });
  protected readonly programs = resource({
    params: () => (this.plans() ? true : undefined),
    loader: () => this.api.programs(),
  });

  protected figures(plan: YearPlan): KeyFigure[] {
    const f = this.format;
    const count = (...statuses: TargetStatus[]) => plan.targets.filter((target) => statuses.includes(target.status)).length;
    const behind = count(TargetStatus.Behind, TargetStatus.Missed);
    return [
      { label: f.t('insightPages.figures.targets'), value: f.count(plan.targets.length) },
      { label: f.t('insightPages.figures.targetsMet'), value: f.count(count(TargetStatus.Met)) },
      {
        label: f.t('insightPages.figures.targetsBehind'),
        value: f.count(behind),
        warning: behind > 0 ? this.i18n.t('insights.targets.status.behind') : undefined,
      },
      { label: f.t('insightPages.figures.plannedSessions'), value: f.count(plan.months.reduce((sum, month) => sum + month.scheduledSessions, 0)) },
    ];
  }

  private static behind(plan: YearPlan): number {
    return plan.targets.filter((target) => target.status === TargetStatus.Behind || target.status === TargetStatus.Missed).length;
  }

  private static sessions(plan: YearPlan): number {
    return plan.months.reduce((sum, month) => sum + month.scheduledSessions, 0);
  }

  protected overviewFigures(plans: UnitPlan[]): KeyFigure[] {
    const f = this.format;
    const targets = plans.reduce((sum, unit) => sum + unit.plan.targets.length, 0);
    const met = plans.reduce((sum, unit) => sum + unit.plan.targets.filter((target) => target.status === TargetStatus.Met).length, 0);
    const behind = plans.reduce((sum, unit) => sum + TargetsPage.behind(unit.plan), 0);
    const withTargets = plans.filter((unit) => unit.plan.targets.length > 0).length;
    return [
      {
        label: f.t('insightPages.figures.unitsWithTargets'),
        value: f.count(withTargets),
        detail: f.t('insightPages.figures.ofUnits', { n: f.count(plans.length) }),
      },
      { label: f.t('insightPages.figures.targets'), value: f.count(targets) },
      { label: f.t('insightPages.figures.targetsMet'), value: f.count(met) },
      {
        label: f.t('insightPages.figures.targetsBehind'),
        value: f.count(behind),
        warning: behind > 0 ? this.i18n.t('insights.targets.status.behind') : undefined,
      },
      { label: f.t('insightPages.figures.plannedSessions'), value: f.count(plans.reduce((sum, unit) => sum + TargetsPage.sessions(unit.plan), 0)) },
    ];
  }

  /** Per unit: the share of its targets met or on track (a unit without targets has no bar). */
  private static onTrack(plan: YearPlan): number | null {
    if (plan.targets.length === 0) return null;
    const good = plan.targets.filter((target) => target.status === TargetStatus.Met || target.status === TargetStatus.OnTrack).length;
    return (good / plan.targets.length) * 100;
  }

  protected unitBars(plans: UnitPlan[]): Bar[] {
    return plans.map((unit) => {
      const share = TargetsPage.onTrack(unit.plan);
      return { label: unit.name, value: share, text: share === null ? this.i18n.t('insightPages.targets.noTargets') : this.format.percent(share) };
    });
  }

  protected unitHeaders(): string[] {
    return ['unit', 'targets', 'onTrack', 'behind', 'sessions'].map((k) => this.i18n.t(`insightPages.targets.columns.${k}` as TranslationKey));
  }

  protected unitRows(plans: UnitPlan[]): CellValue[][] {
    return plans.map((unit) => [
      unit.name,
      unit.plan.targets.length,
      TargetsPage.onTrack(unit.plan),
      TargetsPage.behind(unit.plan),
      TargetsPage.sessions(unit.plan),
    ]);
  }

  protected bars(targets: TargetProgress[]): Bar[] {
    return targets.map((target) => ({
      label: target.program.title,
      value: target.percent,
      text: `${this.format.percent(target.percent)} / ${this.format.percent(target.targetPercent)}`,
    }));
  }

  protected targetHeaders(): string[] {
    return ['program', 'employment', 'target', 'due', 'completed', 'population', 'percent', 'status', 'behind'].map((k) =>
      this.i18n.t(`insights.targets.columns.${k}` as TranslationKey),
    );
  }

  protected targetRows(targets: TargetProgress[]): CellValue[][] {
    return targets.map((target) => [
      target.program.title,
      target.employmentTypes.map((type: EmploymentType) => this.i18n.t(employmentKey(type))).join(', '),
      target.targetPercent,
      target.dueDate,
      target.completed,
      target.population,
      target.percent,
      this.i18n.t(this.statusKey(target.status)),
      target.behind.map((b) => `${b.person.name} (${b.missingModules.join(', ')})`).join('; ') || '–',
    ]);
  }

  protected statusKey(status: TargetStatus): TranslationKey {
    return `insights.targets.status.${status}`;
  }

  protected planHeaders(): string[] {
    return [this.i18n.t('insights.plan.month'), this.i18n.t('insights.plan.entries'), this.i18n.t('insights.plan.sessions')];
  }

  protected planRows(plan: YearPlan): CellValue[][] {
    return plan.months.map((m) => [
      m.month.slice(0, 7),
      m.entries.map((e) => e.program?.title ?? e.module?.title ?? e.note ?? '').join('; ') || '–',
      m.scheduledSessions,
    ]);
  }

  protected async removeTarget(target: TargetProgress): Promise<void> {
    this.removed.set(false);
    this.removeProblem.set(null);
    try {
      await this.api.deleteTarget(this.unitId(), target.id);
      this.confirming.set(null);
      this.removed.set(true);
      this.plan.reload();
    } catch (error) {
      const problem = problemOf(error);
      this.removeProblem.set(problem.serverMessage ?? this.i18n.t(problemKey(problem)));
    }
  }

  protected valueOf(event: Event): string {
    return (event.target as HTMLSelectElement).value;
  }
}
