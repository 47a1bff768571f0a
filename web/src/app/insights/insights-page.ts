import { Component, computed, effect, inject, signal, ChangeDetectionStrategy } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import {
  CostReport,
  EmploymentType,
  NetworkParticipation,
  OrganisationTree,
  ParticipationBreakdown,
  ParticipationFigures,
  ParticipationGrouping,
  ProgramSummary,
  TargetProgress,
  TargetStatus,
  TeamDashboard,
  TeamMember,
  YearPlan,
} from '@kunna/contracts';
import type { CellValue } from '@kunna/table-export';
import { Loader } from '../core/loader';
import { Permissions } from '../core/permissions';
import { fieldMessage, Problem, problemKey, problemOf } from '../core/problem';
import { I18n, TranslatePipe, TranslationKey } from '../i18n/i18n';
import { employmentKey } from '../i18n/labels';
import { OrganisationApi } from '../organisation/organisation-api';
import { Bar, BarChart } from './bar-chart';
import { CompetenceSection } from './competence-section';
import { ExportTable } from './export-table';
import { InsightsApi } from './insights-api';
import { UnitCompetence } from './unit-competence';
import { CompetenceProfiles } from './competence-profiles';
import { UnitGap } from './unit-gap';
import { PlanEditor } from './plan-editor';
import { NetworkComparison } from './network-comparison';
import { DateInput } from '../i18n/date-input';

/** The filters live in the address bar, so a view can be bookmarked, shared and reloaded. */
type Filter = 'unitId' | 'from' | 'to' | 'areaId' | 'groupBy' | 'roleTitle' | 'employmentType';

const EMPLOYMENT_TYPES = [EmploymentType.Permanent, EmploymentType.Substitute, EmploymentType.Hourly];
const GROUPINGS = [ParticipationGrouping.Area, ParticipationGrouping.Unit, ParticipationGrouping.RoleTitle, ParticipationGrouping.EmploymentType];

/**
 * Insight: a manager's team progress, year plan and targets; participation by area, unit, role title and employment
 * type (area managers, HR); costs and the funders' report (HR); the network comparison (coordinators).
 */
@Component({
  selector: 'k-insights-page',
  imports: [FormsModule, TranslatePipe, ExportTable, BarChart, CompetenceSection, UnitCompetence, UnitGap, CompetenceProfiles, PlanEditor, NetworkComparison, DateInput],
  templateUrl: './insights-page.html',
  changeDetection: ChangeDetectionStrategy.Eager,
  styleUrl: './insights-page.css',
})
export class InsightsPage {
  private readonly api = inject(InsightsApi);
  private readonly organisation = inject(OrganisationApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly i18n = inject(I18n);
  protected readonly permissions = inject(Permissions);
  protected readonly problemKey = problemKey;
  protected readonly employmentKey = employmentKey;
  protected readonly employmentTypes = EMPLOYMENT_TYPES;
  protected readonly groupings = GROUPINGS;

  private readonly query = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly filter = (name: Filter): string => this.query().get(name) ?? '';

  protected readonly tree = new Loader<OrganisationTree>();
  protected readonly team = new Loader<TeamDashboard>();
  protected readonly plan = new Loader<YearPlan>();
  protected readonly participation = new Loader<ParticipationBreakdown>();
  protected readonly costs = new Loader<CostReport>();
  protected readonly network = new Loader<NetworkParticipation>();
  protected readonly programs = new Loader<ProgramSummary[]>();

  /** Units the caller may follow: managed units, or every visible unit for area managers, HR and administrators. */
  protected readonly units = computed(() => {
    const tree = this.tree.value();
    if (!tree) return [];
    const all = tree.areas.flatMap((area) => area.units.map((unit) => ({ id: unit.id, name: unit.name, areaId: area.id })));
    return this.permissions.organisationWide() ? all : all.filter((unit) => this.permissions.seesPeopleOf(unit.id, unit.areaId));
  });
  protected readonly areas = computed(() => this.tree.value()?.areas ?? []);
  /** Competence levels: HR and administrators, area managers (their areas), unit managers (their units). */
  protected readonly competenceAreas = computed(() => {
    if (this.permissions.organisationWide()) return this.areas();
    return this.areas()
      .map((area) => ({ ...area, units: area.units.filter((unit) => this.permissions.seesPeopleOf(unit.id, area.id) && (this.permissions.managedAreaIds().includes(area.id) || this.permissions.managedUnitIds().includes(unit.id))) }))
      .filter((area) => area.units.length > 0);
  });
  protected readonly seesParticipation = computed(() => this.permissions.organisationWide() || this.permissions.managedAreaIds().length > 0);
  protected readonly selectedUnit = computed(() => this.filter('unitId') || this.units()[0]?.id || '');
  protected readonly plans = computed(() => {
    const unitId = this.selectedUnit();
    return unitId !== '' && (this.permissions.organisationWide() || this.permissions.managedUnitIds().includes(unitId));
  });

  // --- target form ---
  protected readonly targetProgram = signal('');
  protected readonly targetPercent = signal(90);
  protected readonly targetDue = signal('');
  protected readonly targetTypes = signal<EmploymentType[]>([EmploymentType.Permanent]);
  protected readonly targetBusy = signal(false);
  protected readonly targetProblem = signal<Problem | null>(null);
  protected readonly targetSaved = signal(false);

  constructor() {
    void this.tree.run(() => this.organisation.tree());
    effect(() => {
      const unitId = this.selectedUnit();
      const period = this.period();
      if (!unitId) return;
      void this.team.run(() => this.api.team(unitId, period));
      void this.plan.run(() => this.api.plan(unitId));
    });
    effect(() => {
      if (this.plans() && !this.programs.value()) void this.programs.run(() => this.api.programs());
    });
    effect(() => {
      if (!this.seesParticipation()) return;
      const query = {
        ...this.period(),
        groupBy: (this.filter('groupBy') || undefined) as ParticipationGrouping | undefined,
        areaId: this.filter('areaId') || undefined,
        roleTitle: this.filter('roleTitle') || undefined,
        employmentType: (this.filter('employmentType') || undefined) as EmploymentType | undefined,
      };
      void this.participation.run(() => this.api.participation(query));
    });
    effect(() => {
      const period = this.period();
      if (this.permissions.organisationWide()) void this.costs.run(() => this.api.costs(period));
      if (this.permissions.isCoordinator()) void this.network.run(() => this.api.network(period));
    });
  }

  protected readonly period = computed(() => ({ from: this.filter('from') || undefined, to: this.filter('to') || undefined }));

  protected setFilter(name: Filter, value: string): void {
    const changes: Record<string, string | null> = { [name]: value === '' ? null : value };
    // Drilling into an area starts the grouping by unit.
    if (name === 'areaId' && value !== '') changes['groupBy'] = ParticipationGrouping.Unit;
    void this.router.navigate([], { queryParams: changes, queryParamsHandling: 'merge', replaceUrl: true });
  }

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
  }

  protected checkedOf(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }

  protected drill(id: string | null): void {
    const grouping = this.participation.value()?.groupBy;
    if (!id) return;
    if (grouping === ParticipationGrouping.Area) this.setFilter('areaId', id);
    else if (grouping === ParticipationGrouping.Unit) this.setFilter('unitId', id);
  }

  protected t(key: TranslationKey, params?: Record<string, string | number>): string {
    return this.i18n.t(key, params);
  }

  private number(value: number): string {
    return new Intl.NumberFormat(this.i18n.locale(), { maximumFractionDigits: 2 }).format(value);
  }

  // --- tables and charts ---

  protected memberHeaders(): string[] {
    return ['person', 'roleTitle', 'attendedOfInvited', 'invited', 'attended', 'hours', 'programs', 'catchUps'].map((k) => this.t(`insights.team.columns.${k}` as TranslationKey));
  }

  protected memberRows(members: TeamMember[]): CellValue[][] {
    return members.map((m) => [
      m.person.name,
      m.roleTitle,
      // "4 av 5", never "4/5": Swedish Excel reads that as the 4th of May.
      this.t('insights.team.ofCount', { part: m.attended, whole: m.invited }),
      m.invited,
      m.attended,
      m.hours,
      m.programs
        .map((p) => `${p.title}: ${this.t('insights.team.ofCount', { part: p.stepsDone, whole: p.stepsTotal })}${p.overdue ? ` (${this.t('insights.team.overdue')})` : ''}`)
        .join('; ') || '–',
      m.catchUps.map((c) => c.title).join('; ') || '–',
    ]);
  }

  protected hourBars(members: TeamMember[]): Bar[] {
    return members.map((m) => ({ label: m.person.name, value: m.hours, text: `${this.number(m.hours)} h` }));
  }

  protected targetBars(targets: TargetProgress[]): Bar[] {
    return targets.map((target) => ({
      label: target.program.title,
      value: target.percent,
      text: `${target.percent === null ? '–' : this.number(target.percent)} % / ${target.targetPercent} %`,
    }));
  }

  protected targetRows(targets: TargetProgress[]): CellValue[][] {
    return targets.map((target) => [
      target.program.title,
      target.employmentTypes.map((type) => this.t(employmentKey(type))).join(', '),
      target.targetPercent,
      target.dueDate,
      target.completed,
      target.population,
      target.percent,
      this.t(this.statusKey(target.status)),
      target.behind.map((b) => `${b.person.name} (${b.missingModules.join(', ')})`).join('; ') || '–',
    ]);
  }

  protected targetHeaders(): string[] {
    return ['program', 'employment', 'target', 'due', 'completed', 'population', 'percent', 'status', 'behind'].map((k) => this.t(`insights.targets.columns.${k}` as TranslationKey));
  }

  protected participationHeaders(): string[] {
    return ['group', 'people', 'participants', 'percent', 'hours', 'hoursPerPerson'].map((k) => this.t(`insights.participation.columns.${k}` as TranslationKey));
  }

  private figures(f: ParticipationFigures): CellValue[] {
    return [f.people, f.participants, f.participationPercent, f.hours, f.hoursPerPerson];
  }

  protected participationLabel(breakdown: ParticipationBreakdown, label: string): string {
    return breakdown.groupBy === ParticipationGrouping.EmploymentType ? this.t(employmentKey(label as EmploymentType)) : label;
  }

  protected participationRows(breakdown: ParticipationBreakdown): CellValue[][] {
    return [
      ...breakdown.groups.map((g) => [this.participationLabel(breakdown, g.label), ...this.figures(g)]),
      [this.t('insights.total'), ...this.figures(breakdown.total)],
    ];
  }

  protected participationBars(breakdown: ParticipationBreakdown): Bar[] {
    return breakdown.groups.map((g) => ({
      label: this.participationLabel(breakdown, g.label),
      value: g.participationPercent,
      text: g.suppressed ? this.t('insights.suppressedCell') : `${this.number(g.participationPercent ?? 0)} %`,
    }));
  }

  protected costHeaders(): string[] {
    return ['category', 'participantHours', 'teachingHours', 'staffTime', 'facilitators', 'external', 'total'].map((k) => this.t(`insights.costs.columns.${k}` as TranslationKey));
  }

  protected costRows(report: CostReport): CellValue[][] {
    return [
      ...report.categories.map((c) => [
        this.t(`insights.category.${c.category}` as TranslationKey),
        c.participantHours,
        c.teachingHours,
        c.staffTimeCost,
        c.facilitatorCost,
        c.externalCost,
        c.totalCost,
      ]),
      [this.t('insights.total'), report.participantHours, report.teachingHours, null, null, null, report.totalCost],
    ];
  }

  protected costBars(report: CostReport): Bar[] {
    return report.categories.map((c) => ({ label: this.t(`insights.category.${c.category}` as TranslationKey), value: c.participantHours, text: `${this.number(c.participantHours)} h` }));
  }

  protected networkHeaders(): string[] {
    return ['organisation', 'people', 'participants', 'percent', 'hours', 'hoursPerPerson', 'sessions', 'ambassadors'].map((k) => this.t(`insights.network.columns.${k}` as TranslationKey));
  }

  protected networkRows(network: NetworkParticipation): CellValue[][] {
    return network.organisations.map((o) => [o.organisation.name, ...this.figures(o), o.sessionsHeld, o.activeAmbassadors]);
  }

  protected networkBars(network: NetworkParticipation): Bar[] {
    return network.organisations.map((o) => ({
      label: o.organisation.name,
      value: o.participationPercent,
      text: o.suppressed ? this.t('insights.suppressedCell') : `${this.number(o.participationPercent ?? 0)} %`,
    }));
  }

  protected statusKey(status: TargetStatus): TranslationKey {
    return `insights.targets.status.${status}`;
  }

  protected groupingKey(grouping: ParticipationGrouping): TranslationKey {
    return `insights.participation.grouping.${grouping}`;
  }

  protected planHeaders(): string[] {
    return [this.t('insights.plan.month'), this.t('insights.plan.entries'), this.t('insights.plan.sessions')];
  }

  protected planRows(plan: YearPlan): CellValue[][] {
    return plan.months.map((m) => [
      m.month.slice(0, 7),
      m.entries.map((e) => e.program?.title ?? e.module?.title ?? e.note ?? '').join('; ') || '–',
      m.scheduledSessions,
    ]);
  }

  protected reportUrl(format: 'csv' | 'xlsx'): string {
    return this.api.participantReportUrl(format, this.period());
  }

  // --- targets ---

  protected toggleType(type: EmploymentType, on: boolean): void {
    this.targetTypes.update((types) => (on ? [...types.filter((t) => t !== type), type] : types.filter((t) => t !== type)));
  }

  protected async addTarget(event: Event): Promise<void> {
    event.preventDefault();
    const unitId = this.selectedUnit();
    this.targetBusy.set(true);
    this.targetProblem.set(null);
    this.targetSaved.set(false);
    try {
      await this.api.createTarget(unitId, {
        id: crypto.randomUUID(),
        programId: this.targetProgram(),
        employmentTypes: this.targetTypes(),
        targetPercent: Number(this.targetPercent()),
        dueDate: this.targetDue(),
      });
      this.targetSaved.set(true);
      await this.plan.run(() => this.api.plan(unitId));
    } catch (error) {
      this.targetProblem.set(problemOf(error));
    } finally {
      this.targetBusy.set(false);
    }
  }

  protected reloadPlan(): void {
    const unitId = this.selectedUnit();
    void this.plan.run(() => this.api.plan(unitId));
  }

  protected async removeTarget(target: TargetProgress): Promise<void> {
    const unitId = this.selectedUnit();
    await this.api.deleteTarget(unitId, target.id);
    await this.plan.run(() => this.api.plan(unitId));
  }

  protected fieldProblem(field: string): string | null {
    return fieldMessage(this.targetProblem(), field);
  }
}
