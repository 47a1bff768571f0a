import { Component, computed, inject, linkedSignal, signal, ChangeDetectionStrategy } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  ACTIVITY_CATEGORIES,
  ActivityCategory,
  ConflictKind,
  ModuleSummary,
  OrganisationTree,
  ProgramAssignment,
  ProgramAssignmentTarget,
  ProgramSummary,
  SeriesOccurrenceVariant,
  SessionAudience,
  SessionConflict,
  SessionShift,
  UnitDetail,
} from '@kunna/contracts';
import { remote, remoteOnce } from '../core/remote';
import { Permissions } from '../core/permissions';
import { fieldMessage, Problem, problemKey, problemOf } from '../core/problem';
import { Feedback } from '../core/feedback';
import { Session } from '../core/session';
import { formatDate } from '../i18n/format';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { LibraryApi } from '../library/library-api';
import { OrganisationApi } from '../organisation/organisation-api';
import { newMarkId } from './pending-marks';
import { categoryKey, shiftKey } from './session-labels';
import { SessionConflicts } from './session-conflicts';
import { SessionsApi } from './sessions-api';
import { DateInput } from '../i18n/date-input';

/** Local date YYYY-MM-DD. */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Who is invited, as chosen in the form: a program's target group becomes the team or a selection when saved. */
export type InviteChoice = 'team' | 'selection' | 'program';

interface ShiftChoice {
  shift: SessionShift;
  startTime: string;
  chosen: boolean;
}

const DEFAULT_SHIFT_TIMES: Record<SessionShift, string> = {
  [SessionShift.Day]: '10:00',
  [SessionShift.Evening]: '17:00',
  [SessionShift.Night]: '22:00',
  [SessionShift.Weekend]: '10:00',
  [SessionShift.Handover]: '14:30',
};

/** The session (or a series' first) just scheduled, handed to the sessions page in the navigation's state. */
export interface JustScheduled {
  id: string;
  unitId: string;
  unitName: string;
  title: string;
  date: string;
  startTime: string;
}

/**
 * Schedules one session or a recurring series ("every other Tuesday 14:00, five times, following program X") of a
 * module at a unit: facilitators, who is invited, capacity, shift variants. Conflicts are checked when saving and shown
 * first; the ambassador may save anyway, but a facilitator without qualification for the module needs a reason, which
 * the server requires and records with the session (`facilitatorReason`). Query parameters (from a catch-up proposal) fill the form in.
 */
@Component({
  selector: 'k-schedule-session',
  imports: [TranslatePipe, RouterLink, DateInput, SessionConflicts],
  templateUrl: './schedule-session.html',
  changeDetection: ChangeDetectionStrategy.Eager,
  styleUrl: './schedule-session.css',
})
export class ScheduleSession {
  private readonly api = inject(SessionsApi);
  private readonly library = inject(LibraryApi);
  private readonly organisation = inject(OrganisationApi);
  private readonly permissions = inject(Permissions);
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly feedback = inject(Feedback);
  private readonly i18n = inject(I18n);
  protected readonly categories = ACTIVITY_CATEGORIES;
  protected readonly categoryKey = categoryKey;
  protected readonly shiftKey = shiftKey;
  protected readonly problemKey = problemKey;
  protected readonly fieldMessage = fieldMessage;
  protected readonly tree = remoteOnce<OrganisationTree>(() => this.organisation.tree());
  /** The modules to choose from; a module named in the address (`moduleId`) is chosen when they arrive. */
  protected readonly modules = remoteOnce<ModuleSummary[]>(async () => {
    const modules = await this.api.modules();
    if (this.presetModule) this.chooseModule(this.presetModule, usableModules(modules));
    return modules;
  });
  protected readonly programs = remoteOnce<ProgramSummary[]>(() => this.library.programs());
  protected readonly unitDetail = remote<string, UnitDetail>({ params: () => this.unitId() || undefined, load: (unitId) => this.organisation.unit(unitId) });
  protected readonly unitPrograms = remote<string, ProgramAssignment[]>({
    params: () => this.unitId() || undefined,
    load: (unitId) => this.library.unitPrograms(unitId),
  });
  private readonly presetModule = inject(ActivatedRoute).snapshot.queryParamMap.get('moduleId');
  protected readonly usable = computed(() => usableModules(this.modules.value() ?? []));
  protected readonly usablePrograms = computed(() => (this.programs.value() ?? []).filter((program) => !program.archived && program.stepCount > 0));
  protected readonly units = computed(() => {
    const all = (this.tree.value()?.areas ?? []).flatMap((area) => area.units);
    if (this.permissions.organisationWide()) return all;
    const own = [...this.permissions.ambassadorUnitIds(), ...this.permissions.managedUnitIds()];
    return all.filter((unit) => own.includes(unit.id));
  });

  /** The chosen unit; the first one the caller schedules in until someone chooses (or the address names one). */
  protected readonly unitId = linkedSignal<string[], string>({
    source: () => this.units().map((unit) => unit.id),
    computation: (ids, previous) => previous?.value || ids[0] || '',
  });
  protected readonly moduleId = signal('');
  protected readonly programId = signal('');
  protected readonly date = signal(localDate(new Date()));
  protected readonly startTime = signal('14:00');
  protected readonly durationMinutes = signal(30);
  protected readonly place = signal('');
  protected readonly capacity = signal('');
  protected readonly category = signal<ActivityCategory>(ActivityCategory.WorkplaceLearning);
  protected readonly count = signal(1);
  protected readonly intervalWeeks = signal(2);
  protected readonly facilitatorIds = signal<string[]>([]);
  protected readonly invite = signal<InviteChoice>('team');
  protected readonly invitedIds = signal<string[]>([]);
  protected readonly targetAssignmentId = signal('');
  protected readonly shifts = signal<ShiftChoice[]>(
    Object.values(SessionShift).map((shift) => ({ shift, startTime: DEFAULT_SHIFT_TIMES[shift], chosen: false })),
  );
  protected readonly reason = signal('');
  protected readonly conflicts = signal<SessionConflict[] | null>(null);
  /** The form values the shown conflicts were found for: saving them unchanged means "save anyway". */
  private conflictsFor: string | null = null;
  protected readonly problem = signal<Problem | null>(null);
  protected readonly reasonError = signal<string | null>(null);
  /**
   * The server asked for a reason the conflict check did not show (a program series checks its first step here,
   * the server every step and date).
   */
  private readonly serverAskedReason = signal(false);
  protected readonly busy = signal(false);
  /** The same id is sent again if the first answer is lost: the server then returns what it made. */
  private requestId = newMarkId();

  /** The signed-in person first, then the unit's ambassadors and managers: who may lead. */
  protected readonly facilitatorCandidates = computed(() => {
    const user = this.session.user();
    const detail = this.unitDetail.value();
    const people = new Map<string, string>();
    if (user?.personId) people.set(user.personId, `${user.firstName} ${user.lastName}`);
    for (const person of [...(detail?.ambassadors ?? []), ...(detail?.managers ?? [])]) people.set(person.id, person.name);
    return [...people].map(([id, name]) => ({ id, name }));
  });
  protected readonly staff = computed(() =>
    (this.unitDetail.value()?.staff ?? [])
      .filter((person) => person.active)
      .map((person) => ({ id: person.id, name: `${person.firstName} ${person.lastName}`, roleTitle: person.roleTitle })),
  );
  protected readonly targetAssignments = computed(() => (this.unitPrograms.value() ?? []).filter((assignment) => assignment.active));
  /** Who a program's target group is on this unit: the whole team, or the people with the role or job title. */
  protected readonly targetGroup = computed<{ audience: SessionAudience; personIds: string[] } | null>(() => {
    const assignment = this.targetAssignments().find((candidate) => candidate.id === this.targetAssignmentId());
    const detail = this.unitDetail.value();
    if (!assignment || !detail) return null;
    if (assignment.targetType === ProgramAssignmentTarget.RoleTitle) {
      const title = assignment.targetName.toLowerCase();
      return {
        audience: SessionAudience.Selection,
        personIds: this.staff()
          .filter((person) => person.roleTitle.toLowerCase() === title)
          .map((person) => person.id),
      };
    }
    if (assignment.targetType === ProgramAssignmentTarget.Role) {
      const holders = assignment.targetName === 'manager' ? detail.managers : detail.ambassadors;
      return { audience: SessionAudience.Selection, personIds: holders.map((person) => person.id) };
    }
    return { audience: SessionAudience.UnitTeam, personIds: [] };
  });
  protected readonly targetNames = computed(() => {
    const group = this.targetGroup();
    if (!group || group.audience === SessionAudience.UnitTeam) return null;
    const detail = this.unitDetail.value();
    const names = new Map([...this.staff(), ...(detail?.ambassadors ?? []), ...(detail?.managers ?? [])].map((person) => [person.id, person.name]));
    return group.personIds.map((id) => names.get(id) ?? '').join(', ');
  });
  protected readonly chosenShifts = computed(() => this.shifts().filter((choice) => choice.chosen));
  protected readonly needsReason = computed(
    () => this.serverAskedReason() || (this.conflicts() ?? []).some((conflict) => conflict.kind === ConflictKind.FacilitatorNotQualified),
  );

  constructor() {
    const query = inject(ActivatedRoute).snapshot.queryParamMap;
    const user = this.session.user();
    if (user?.personId) this.facilitatorIds.set([user.personId]);
    if (query.get('unitId')) this.unitId.set(query.get('unitId') ?? '');
    if (query.get('date')) this.date.set(query.get('date') ?? '');
    if (query.get('programId')) this.programId.set(query.get('programId') ?? '');
    const invited = query.getAll('invited');
    if (invited.length > 0) {
      this.invite.set('selection');
      this.invitedIds.set(invited);
    }
  }

  protected chooseUnit(unitId: string): void {
    this.unitId.set(unitId);
    this.invitedIds.set([]);
    this.targetAssignmentId.set('');
    this.conflicts.set(null);
  }

  protected chooseModule(moduleId: string, usable = this.usable()): void {
    this.moduleId.set(moduleId);
    const module = usable.find((candidate) => candidate.id === moduleId);
    if (module) this.durationMinutes.set(module.durationMinutes);
    this.conflicts.set(null);
  }

  protected chooseProgram(programId: string): void {
    this.programId.set(programId);
    const program = this.usablePrograms().find((candidate) => candidate.id === programId);
    // Date n delivers step n: as many dates as the program has steps.
    if (program) this.count.set(program.stepCount);
    this.conflicts.set(null);
  }

  protected toggle(list: 'facilitators' | 'invited', personId: string, checked: boolean): void {
    const target = list === 'facilitators' ? this.facilitatorIds : this.invitedIds;
    target.update((ids) => (checked ? [...new Set([...ids, personId])] : ids.filter((id) => id !== personId)));
    this.conflicts.set(null);
  }

  protected setShift(shift: SessionShift, change: Partial<ShiftChoice>): void {
    this.shifts.update((all) => all.map((choice) => (choice.shift === shift ? { ...choice, ...change } : choice)));
  }

  protected async checkConflicts(): Promise<SessionConflict[] | null> {
    try {
      const found = await this.api.conflicts({
        unitId: this.unitId(),
        moduleId: (await this.firstModuleId()) || undefined,
        date: this.date(),
        startTime: this.chosenShifts()[0]?.startTime ?? this.startTime(),
        durationMinutes: Number(this.durationMinutes()),
        place: this.place(),
        facilitatorIds: this.facilitatorIds(),
        activityCategory: this.category(),
      });
      this.conflicts.set(found);
      this.serverAskedReason.set(false);
      this.conflictsFor = this.formKey();
      this.problem.set(null);
      return found;
    } catch (error) {
      this.problem.set(problemOf(error));
      return null;
    }
  }

  protected async save(): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    this.reasonError.set(null);
    try {
      // Conflicts are shown before anything is saved; saving the same values again saves anyway.
      if (this.conflictsFor !== this.formKey()) {
        const found = await this.checkConflicts();
        if (found === null || found.length > 0) return;
      }
      const reason = this.reason().trim();
      if (this.needsReason() && reason === '') {
        this.reasonError.set(this.i18n.t('sessionsPlan.reasonRequired'));
        return;
      }
      const invitation = this.invitation();
      const capacity = this.capacity().trim();
      const common = {
        id: this.requestId,
        unitId: this.unitId(),
        durationMinutes: Number(this.durationMinutes()),
        place: this.place(),
        facilitatorIds: this.facilitatorIds(),
        capacity: capacity === '' ? null : Number(capacity),
        activityCategory: this.category(),
        ...invitation,
        facilitatorReason: this.needsReason() ? reason : null,
      };
      const variants = this.variants();
      let saved: JustScheduled;
      let message: string;
      if (Number(this.count()) > 1 || this.programId() || variants) {
        const series = await this.api.createSeries({
          ...common,
          moduleId: this.programId() ? undefined : this.moduleId() || undefined,
          programId: this.programId() || undefined,
          firstDate: this.date(),
          startTime: this.startTime(),
          intervalWeeks: Number(this.intervalWeeks()),
          count: Number(this.count()),
          variants,
        });
        const first = series.sessions[0];
        saved = { id: first.id, unitId: series.unit.id, unitName: series.unit.name, title: first.title, date: first.date, startTime: first.startTime };
        message = this.i18n.t('feedback.seriesScheduled', { count: series.sessions.length, date: formatDate(this.i18n, first.date) });
      } else {
        const session = await this.api.create({ ...common, moduleId: this.moduleId() || undefined, date: this.date(), startTime: this.startTime() });
        saved = {
          id: session.id,
          unitId: session.unit.id,
          unitName: session.unit.name,
          title: session.title,
          date: session.date,
          startTime: session.startTime,
        };
        message = this.i18n.t('feedback.sessionScheduled', { date: formatDate(this.i18n, session.date), time: session.startTime });
      }
      this.requestId = newMarkId();
      // Land on what was saved: the sessions page opens with the (first) new session on top and marked in the unit's list.
      await this.router.navigate(['/tillfallen'], { queryParams: { enhet: saved.unitId, sparat: saved.id }, state: { justScheduled: saved } });
      this.feedback.tell(message);
    } catch (error) {
      const problem = problemOf(error);
      const reasonMessage = fieldMessage(problem, 'facilitatorReason');
      if (reasonMessage) {
        this.serverAskedReason.set(true);
        this.reasonError.set(reasonMessage);
      }
      this.problem.set(problem);
    } finally {
      this.busy.set(false);
    }
  }

  private invitation(): { audience: SessionAudience; invitedPersonIds?: string[] } {
    const choice = this.invite();
    if (choice === 'selection') return { audience: SessionAudience.Selection, invitedPersonIds: this.invitedIds() };
    if (choice === 'program') {
      const group = this.targetGroup();
      if (group?.audience === SessionAudience.Selection) return { audience: SessionAudience.Selection, invitedPersonIds: group.personIds };
    }
    return { audience: SessionAudience.UnitTeam };
  }

  /** The chosen shifts on each date; the weekend occurrence on the Saturday after the date. */
  private variants(): SeriesOccurrenceVariant[] | undefined {
    const chosen = this.chosenShifts();
    if (chosen.length === 0) return undefined;
    const weekday = new Date(`${this.date()}T12:00:00`).getDay();
    const toSaturday = weekday === 0 ? 6 : (6 - weekday) % 7;
    return chosen.map((choice) => ({
      startTime: choice.startTime,
      shift: choice.shift,
      dayOffset: choice.shift === SessionShift.Weekend ? toSaturday : 0,
    }));
  }

  private async firstModuleId(): Promise<string> {
    const programId = this.programId();
    if (!programId) return this.moduleId();
    const program = await this.library.program(programId);
    return program.steps[0]?.moduleId ?? '';
  }

  private formKey(): string {
    return JSON.stringify([
      this.unitId(),
      this.moduleId(),
      this.programId(),
      this.date(),
      this.startTime(),
      this.durationMinutes(),
      this.place(),
      this.facilitatorIds(),
      this.category(),
      this.chosenShifts(),
    ]);
  }
}

/** Published modules that are not archived: those a session can deliver. */
function usableModules(modules: ModuleSummary[]): ModuleSummary[] {
  return modules.filter((module) => module.latestPublished && !module.archived);
}
