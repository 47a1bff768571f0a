import { Component, computed, inject, resource } from '@angular/core';
import { Router } from '@angular/router';
import { TeamDashboard, TeamMember } from '@kunna/contracts';
import type { CellValue } from '@kunna/table-export';
import { Permissions } from '../core/permissions';
import { I18n, TranslatePipe, TranslationKey } from '../i18n/i18n';
import { DateFormatPipe } from '../i18n/format';
import { OrganisationApi } from '../organisation/organisation-api';
import { Bar } from './bar-chart';
import { ChartTable } from './chart-table';
import { ExportTable } from './export-table';
import { InsightFormat } from './insight-format';
import { injectInsightQuery, injectRouteParam } from './insight-query';
import { InsightsApi } from './insights-api';
import { InsightsNav } from './insights-nav';
import { KeyFigure, KeyFigures } from './key-figures';
import { PeriodFilter } from './period-filter';
import { PrintSummary } from './print-summary';
import { ResourceState } from './resource-state';

/**
 * "How is my team doing?": the unit's attendance, time in training, ambassadors and onboarding at a glance; the
 * per-person lists one click away. A unit manager lands here; area managers and HR arrive from their overviews.
 */
@Component({
  selector: 'k-unit-overview-page',
  imports: [TranslatePipe, DateFormatPipe, InsightsNav, PeriodFilter, KeyFigures, ChartTable, ExportTable, ResourceState, PrintSummary],
  styleUrl: './insight-pages.css',
  template: `
    <k-insights-nav />
    <h1>{{ 'insightPages.team.title' | t }}{{ unitName() }}</h1>
    <p class="lead">{{ 'insightPages.team.lead' | t }}</p>
    @if (otherUnits().length > 1) {
      <div class="field scope-picker no-print">
        <label for="insight-unit">{{ 'insightPages.team.unit' | t }}</label>
        <select id="insight-unit" (change)="openUnit($event)">
          @for (unit of otherUnits(); track unit.id) {
            <option [value]="unit.id" [selected]="unit.id === unitId()">{{ unit.name }}</option>
          }
        </select>
      </div>
    }
    <k-period-filter />
    <k-resource-state [resource]="team" />
    @if (team.hasValue()) {
      @let dashboard = team.value();
      <k-key-figures [figures]="figures(dashboard)" />
      <k-chart-table
        [title]="'insightPages.team.chart' | t"
        [bars]="groupBars(dashboard)"
        [headers]="['insightPages.team.unit' | t, 'insightPages.figures.attendance' | t]"
        [max]="100"
        fileName="narvaro-per-grupp"
      />
      <k-print-summary />

      <details class="more">
        <summary>{{ 'insightPages.team.people' | t }}</summary>
        <k-export-table [caption]="'insights.team.staff' | t" [headers]="memberHeaders()" [rows]="memberRows(dashboard.staff)" fileName="team-tillsvidare" />
        <k-export-table
          [caption]="'insights.team.substitutes' | t"
          [headers]="memberHeaders()"
          [rows]="memberRows(dashboard.substitutes)"
          fileName="team-vikarier"
        />
      </details>

      <details class="more">
        <summary>{{ 'insightPages.team.more' | t }}</summary>
        <h2>{{ 'insights.team.newEmployees' | t }}</h2>
        @if (dashboard.newEmployees.length === 0) {
          <p>{{ 'insights.team.noNewEmployees' | t }}</p>
        } @else {
          <ul>
            @for (item of dashboard.newEmployees; track item.person.id) {
              <li>
                {{ 'insights.team.newEmployee' | t: { name: item.person.name, start: (item.startDate | kDate), deadline: (item.deadline | kDate) } }}
                @if (item.overdue) {
                  <strong class="badge warn">{{ 'insights.team.overdue' | t }}</strong>
                }
                @if (!item.assigned) {
                  <span class="badge">{{ 'insights.team.notAssigned' | t }}</span>
                }
              </li>
            }
          </ul>
        }
        <h2>{{ 'insights.team.ambassadors' | t }}</h2>
        @if (dashboard.ambassadors.length === 0) {
          <p>{{ 'insights.team.noAmbassador' | t }}</p>
        } @else {
          <ul>
            @for (a of dashboard.ambassadors; track a.person.id) {
              <li>{{ 'insights.team.ambassadorLine' | t: { name: a.person.name, sessions: format.count(a.sessionsLed), hours: format.hours(a.hoursLed) } }}</li>
            }
          </ul>
        }
        <h2>{{ 'insights.team.upcoming' | t }}</h2>
        @if (dashboard.upcoming.length === 0) {
          <p>{{ 'insights.team.noUpcoming' | t }}</p>
        } @else {
          <ul>
            @for (s of dashboard.upcoming; track s.id) {
              <li>{{ s.date | kDate }} {{ s.startTime }} · {{ s.title }} · {{ 'insights.team.invitedCount' | t: { n: format.count(s.invited) } }}</li>
            }
          </ul>
        }
      </details>
    }
  `,
})
export class UnitOverviewPage {
  private readonly api = inject(InsightsApi);
  private readonly organisation = inject(OrganisationApi);
  private readonly permissions = inject(Permissions);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  protected readonly format = inject(InsightFormat);
  protected readonly unitId = injectRouteParam('unitId');
  private readonly query = injectInsightQuery();

  protected readonly team = resource({
    params: () => ({ unitId: this.unitId(), period: this.query.period() }),
    loader: ({ params }) => this.api.team(params.unitId, { ...params.period }),
  });

  protected readonly unitName = computed(() => (this.team.hasValue() ? `: ${this.team.value().unit.name}` : ''));

  /** A manager of several units switches between them here. */
  private readonly tree = resource({
    params: () => (this.permissions.managedUnitIds().length > 1 ? true : undefined),
    loader: () => this.organisation.tree(),
  });
  protected readonly otherUnits = computed(() => {
    const managed = this.permissions.managedUnitIds();
    if (!this.tree.hasValue()) return [];
    return this.tree
      .value()
      .areas.flatMap((area) => area.units)
      .filter((unit) => managed.includes(unit.id));
  });

  protected openUnit(event: Event): void {
    void this.router.navigate(['/insikt/enhet', (event.target as HTMLSelectElement).value], { queryParamsHandling: 'preserve' });
  }

  protected figures(dashboard: TeamDashboard): KeyFigure[] {
    const f = this.format;
    const { people, invited, attended, hours } = dashboard.totals;
    const overdue = dashboard.newEmployees.filter((item) => item.overdue).length;
    return [
      { label: f.t('insightPages.figures.people'), value: f.count(people) },
      {
        label: f.t('insightPages.figures.attendance'),
        value: f.percent(invited > 0 ? (attended / invited) * 100 : null),
        detail: f.t('insightPages.figures.attendanceDetail', { attended: f.count(attended), invited: f.count(invited) }),
      },
      {
        label: f.t('insightPages.figures.hours'),
        value: f.hours(hours),
        detail: people > 0 ? f.t('insightPages.figures.hoursPerPerson', { hours: f.hours(hours / people) }) : undefined,
      },
      {
        label: f.t('insightPages.figures.ambassadors'),
        value: f.count(dashboard.ambassadors.length),
        detail: dashboard.staffPerAmbassador === null ? undefined : f.t('insightPages.figures.perAmbassador', { n: f.count(dashboard.staffPerAmbassador) }),
        warning: dashboard.ambassadors.length === 0 ? f.t('insightPages.figures.noAmbassador') : undefined,
      },
      {
        label: f.t('insightPages.figures.newEmployees'),
        value: f.count(dashboard.newEmployees.length),
        warning: overdue > 0 ? `${f.count(overdue)} ${this.i18n.t('insights.team.overdue')}` : undefined,
      },
    ];
  }

  /** Attendance of permanent staff beside substitutes and hourly staff: the gap a manager can act on. */
  protected groupBars(dashboard: TeamDashboard): Bar[] {
    const bar = (label: TranslationKey, members: TeamMember[]): Bar => {
      const invited = members.reduce((sum, m) => sum + m.invited, 0);
      const attended = members.reduce((sum, m) => sum + m.attended, 0);
      const percent = invited > 0 ? Math.round((attended / invited) * 1000) / 10 : null;
      return { label: this.i18n.t(label), value: percent, text: this.format.percent(percent) };
    };
    return [bar('insights.team.staff', dashboard.staff), bar('insights.team.substitutes', dashboard.substitutes)];
  }

  protected memberHeaders(): string[] {
    return ['person', 'roleTitle', 'attendedOfInvited', 'invited', 'attended', 'hours', 'programs', 'catchUps'].map((k) =>
      this.i18n.t(`insights.team.columns.${k}` as TranslationKey),
    );
  }

  protected memberRows(members: TeamMember[]): CellValue[][] {
    return members.map((m) => [
      m.person.name,
      m.roleTitle,
      `${m.attended}/${m.invited}`,
      m.invited,
      m.attended,
      // Hours with one decimal, as everywhere on the page.
      Math.round(m.hours * 10) / 10,
      m.programs.map((p) => `${p.title}: ${p.stepsDone}/${p.stepsTotal}${p.overdue ? ` (${this.i18n.t('insights.team.overdue')})` : ''}`).join('; ') || '–',
      m.catchUps.map((c) => c.title).join('; ') || '–',
    ]);
  }
}
