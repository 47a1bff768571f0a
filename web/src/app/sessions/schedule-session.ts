import { Component, computed, inject, linkedSignal, signal, ChangeDetectionStrategy } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  ActivityCategory,
  ConflictKind,
  ModuleSummary,
  OrganisationTree,
  ProgramAssignment,
  ProgramSummary,
  SessionConflict,
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
import {
  InviteChoice,
  JustScheduled,
  defaultShifts,
  invitationOf,
  justScheduled,
  localDate,
  programTargetGroup,
  schedulableUnits,
  shiftVariants,
  usableModules,
} from './schedule-form';
import { FacilitatorReasonField } from './facilitator-reason-field';
import { SessionConflicts } from './session-conflicts';
import { SessionDeliveryFields } from './session-delivery-fields';
import { SessionPeopleFields } from './session-people-fields';
import { SessionRepeatFields } from './session-repeat-fields';
import { SessionTimePlaceFields } from './session-time-place-fields';
import { SessionsApi } from './sessions-api';

/**
 * Schedules one session or a recurring series ("every other Tuesday 14:00, five times, following program X") of a
 * module at a unit: facilitators, who is invited, capacity, shift variants. Conflicts are checked when saving and shown
 * first; the ambassador may save anyway, but a facilitator without qualification for the module needs a reason, which
 * the server requires and records with the session (`facilitatorReason`). Query parameters (from a catch-up proposal) fill the form in.
 */
@Component({
  selector: 'k-schedule-session',
  imports: [
    TranslatePipe,
    RouterLink,
    SessionConflicts,
    FacilitatorReasonField,
    SessionDeliveryFields,
    SessionTimePlaceFields,
    SessionPeopleFields,
    SessionRepeatFields,
  ],
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
  protected readonly problemKey = problemKey;
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
  protected readonly units = computed(() => schedulableUnits(this.tree.value(), this.permissions));

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
  protected readonly shifts = signal(defaultShifts());
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

  protected readonly targetGroup = computed(() => programTargetGroup(this.unitPrograms.value() ?? [], this.targetAssignmentId(), this.unitDetail.value()));
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
      const invitation = invitationOf(this.invite(), this.invitedIds(), this.targetGroup());
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
      const variants = shiftVariants(this.chosenShifts(), this.date());
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
        saved = justScheduled(first, series.unit);
        message = this.i18n.t('feedback.seriesScheduled', { count: series.sessions.length, date: formatDate(this.i18n, first.date) });
      } else {
        const session = await this.api.create({ ...common, moduleId: this.moduleId() || undefined, date: this.date(), startTime: this.startTime() });
        saved = justScheduled(session, session.unit);
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
