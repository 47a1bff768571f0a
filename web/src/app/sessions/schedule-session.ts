import { Component, computed, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { ACTIVITY_CATEGORIES, ActivityCategory, ModuleSummary, OrganisationTree, SessionAudience, SessionConflict } from '@kunna/contracts';
import { Loader } from '../core/loader';
import { Permissions } from '../core/permissions';
import { fieldMessage, Problem, problemKey, problemOf } from '../core/problem';
import { Session } from '../core/session';
import { TranslatePipe } from '../i18n/i18n';
import { OrganisationApi } from '../organisation/organisation-api';
import { newMarkId } from './pending-marks';
import { categoryKey, conflictKey } from './session-labels';
import { SessionsApi } from './sessions-api';

/** Local date YYYY-MM-DD. */
function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * Schedules one session or a recurring series ("every other Tuesday 14:00, five times") of a module at a unit,
 * led by the signed-in person. Conflicts are shown before saving; the ambassador decides.
 */
@Component({
  selector: 'k-schedule-session',
  imports: [TranslatePipe, RouterLink],
  templateUrl: './schedule-session.html',
  styleUrl: './schedule-session.css',
})
export class ScheduleSession {
  private readonly api = inject(SessionsApi);
  private readonly organisation = inject(OrganisationApi);
  private readonly permissions = inject(Permissions);
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  protected readonly categories = ACTIVITY_CATEGORIES;
  protected readonly categoryKey = categoryKey;
  protected readonly conflictKey = conflictKey;
  protected readonly problemKey = problemKey;
  protected readonly fieldMessage = fieldMessage;
  protected readonly tree = new Loader<OrganisationTree>();
  protected readonly modules = new Loader<ModuleSummary[]>();
  protected readonly usable = computed(() => (this.modules.value() ?? []).filter((module) => module.latestPublished && !module.archived));
  protected readonly units = computed(() => {
    const all = (this.tree.value()?.areas ?? []).flatMap((area) => area.units);
    if (this.permissions.organisationWide()) return all;
    const own = [...this.permissions.ambassadorUnitIds(), ...this.permissions.managedUnitIds()];
    return all.filter((unit) => own.includes(unit.id));
  });

  protected readonly unitId = signal('');
  protected readonly moduleId = signal('');
  protected readonly date = signal(localDate(new Date()));
  protected readonly startTime = signal('14:00');
  protected readonly durationMinutes = signal(30);
  protected readonly place = signal('');
  protected readonly category = signal<ActivityCategory>(ActivityCategory.WorkplaceLearning);
  protected readonly count = signal(1);
  protected readonly intervalWeeks = signal(2);
  protected readonly conflicts = signal<SessionConflict[] | null>(null);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly busy = signal(false);
  /** The same id is sent again if the first answer is lost: the server then returns what it made. */
  private requestId = newMarkId();

  constructor() {
    void this.tree.run(() => this.organisation.tree()).then(() => {
      if (!this.unitId() && this.units().length > 0) this.unitId.set(this.units()[0].id);
    });
    void this.modules.run(() => this.api.modules());
  }

  protected chooseModule(moduleId: string): void {
    this.moduleId.set(moduleId);
    const module = this.usable().find((candidate) => candidate.id === moduleId);
    if (module) this.durationMinutes.set(module.durationMinutes);
    this.conflicts.set(null);
  }

  protected async checkConflicts(): Promise<void> {
    try {
      this.conflicts.set(
        await this.api.conflicts({
          unitId: this.unitId(),
          moduleId: this.moduleId() || undefined,
          date: this.date(),
          startTime: this.startTime(),
          durationMinutes: Number(this.durationMinutes()),
          place: this.place(),
          facilitatorIds: this.facilitators(),
          activityCategory: this.category(),
        }),
      );
      this.problem.set(null);
    } catch (error) {
      this.problem.set(problemOf(error));
    }
  }

  protected async save(): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    const common = {
      id: this.requestId,
      unitId: this.unitId(),
      moduleId: this.moduleId() || undefined,
      durationMinutes: Number(this.durationMinutes()),
      place: this.place(),
      facilitatorIds: this.facilitators(),
      activityCategory: this.category(),
      audience: SessionAudience.UnitTeam,
    };
    try {
      if (Number(this.count()) > 1) {
        await this.api.createSeries({
          ...common,
          firstDate: this.date(),
          startTime: this.startTime(),
          intervalWeeks: Number(this.intervalWeeks()),
          count: Number(this.count()),
        });
      } else {
        await this.api.create({ ...common, date: this.date(), startTime: this.startTime() });
      }
      this.requestId = newMarkId();
      await this.router.navigate(['/tillfallen']);
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  private facilitators(): string[] {
    const personId = this.session.user()?.personId;
    return personId ? [personId] : [];
  }
}
