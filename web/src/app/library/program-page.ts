import { Component, computed, effect, inject, input, signal, ChangeDetectionStrategy } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink, TitleStrategy } from '@angular/router';
import { OrganisationTree, ProgramAssignment, ProgramAssignmentTarget, ProgramDetail } from '@kunna/contracts';
import { remote } from '../core/remote';
import { Permissions, today } from '../core/permissions';
import { Problem, problemKey, problemOf } from '../core/problem';
import { Session } from '../core/session';
import { KunnaTitleStrategy } from '../core/title-strategy';
import { DateFormatPipe } from '../i18n/format';
import { TranslatePipe } from '../i18n/i18n';
import { OrganisationApi } from '../organisation/organisation-api';
import { LibraryApi } from './library-api';
import { assignmentTargetKey, deadlineBaseKey, ownershipKey, programKindKey } from './library-labels';
import { DateInput } from '../i18n/date-input';

/** A program's ordered steps with spacing, and its assignments in the caller's organisation (assign, end). */
@Component({
  selector: 'k-program-page',
  imports: [TranslatePipe, RouterLink, FormsModule, DateFormatPipe, DateInput],
  templateUrl: './program-page.html',
  changeDetection: ChangeDetectionStrategy.Eager,
  styleUrl: './library.css',
})
export class ProgramPage {
  readonly programId = input.required<string>();
  private readonly library = inject(LibraryApi);
  private readonly organisationApi = inject(OrganisationApi);
  private readonly session = inject(Session);
  private readonly titles = inject(TitleStrategy) as KunnaTitleStrategy;
  protected readonly permissions = inject(Permissions);
  protected readonly problemKey = problemKey;
  protected readonly programKindKey = programKindKey;
  protected readonly ownershipKey = ownershipKey;
  protected readonly deadlineBaseKey = deadlineBaseKey;
  protected readonly assignmentTargetKey = assignmentTargetKey;
  protected readonly Target = ProgramAssignmentTarget;

  /** Managers, area managers, HR and administrators assign programs within their scope. */
  protected readonly assigns = computed(() => this.session.may('programs.assign'));
  protected readonly targetChoices = computed(() => {
    if (this.permissions.organisationWide()) return Object.values(ProgramAssignmentTarget);
    const choices = [ProgramAssignmentTarget.Unit];
    if (this.permissions.managedAreaIds().length) choices.push(ProgramAssignmentTarget.Area);
    return choices;
  });
  protected readonly program = remote<string, ProgramDetail>({ params: this.programId, load: (programId) => this.library.program(programId) });
  protected readonly assignments = remote<{ programId: string; includeEnded: boolean }, ProgramAssignment[]>({
    params: () => (this.assigns() ? { programId: this.programId(), includeEnded: this.includeEnded() } : undefined),
    load: ({ programId, includeEnded }) => this.library.assignments(programId, includeEnded),
  });
  protected readonly tree = remote<true, OrganisationTree>({ params: () => this.assigns() || undefined, load: () => this.organisationApi.tree() });
  /** The units and areas the tree shows are those the caller's grants reach. */
  protected readonly units = computed(() =>
    (this.tree.value()?.areas ?? []).flatMap((area) => area.units.map((unit) => ({ id: unit.id, name: unit.name, areaName: area.name }))),
  );
  protected readonly areas = computed(() => (this.tree.value()?.areas ?? []).map((area) => ({ id: area.id, name: area.name })));

  protected form = this.emptyForm();
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly assigned = signal<string | null>(null);
  protected readonly includeEnded = signal(false);

  constructor() {
    effect(() => this.titles.setDetail(this.program.value()?.title ?? null));
  }

  protected fieldError(field: string): string | null {
    return this.problem()?.fields.find((entry) => entry.field === field)?.message ?? null;
  }

  protected async assign(): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    this.assigned.set(null);
    const form = this.form;
    try {
      const assignment = await this.library.assign(this.programId(), {
        targetType: form.targetType,
        unitId: form.targetType === ProgramAssignmentTarget.Unit ? form.unitId || undefined : undefined,
        areaId: form.targetType === ProgramAssignmentTarget.Area ? form.areaId || undefined : undefined,
        role: form.targetType === ProgramAssignmentTarget.Role ? form.role : undefined,
        roleTitle: form.targetType === ProgramAssignmentTarget.RoleTitle ? form.roleTitle.trim() : undefined,
        startDate: form.startDate,
        endDate: form.endDate || null,
        note: form.note.trim() || null,
      });
      this.assigned.set(assignment.targetName);
      this.form = this.emptyForm();
      this.assignments.reload();
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected async end(assignment: ProgramAssignment): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      await this.library.endAssignment(this.programId(), assignment.id);
      this.assignments.reload();
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  private emptyForm() {
    return {
      targetType: ProgramAssignmentTarget.Unit,
      unitId: '',
      areaId: '',
      role: 'ambassador' as 'ambassador' | 'manager',
      roleTitle: '',
      startDate: today(),
      endDate: '',
      note: '',
    };
  }
}
