import { Component, computed, effect, inject, input, signal, ChangeDetectionStrategy } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink, TitleStrategy } from '@angular/router';
import { LIBRARY_LIMITS, ModuleSummary, Ownership, ProgramDeadlineBase, ProgramDetail, ProgramKind, ProgramStepInput } from '@kunna/contracts';
import { Feedback } from '../core/feedback';
import { remote, remoteOnce } from '../core/remote';
import { Permissions } from '../core/permissions';
import { Problem, problemKey, problemOf } from '../core/problem';
import { KunnaTitleStrategy } from '../core/title-strategy';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { LibraryApi } from './library-api';
import { PROGRAM_KINDS, deadlineBaseKey, ownershipKey, programKindKey } from './library-labels';

interface StepRow {
  moduleId: string;
  daysAfterPrevious: number;
  note: string;
}

/** The program builder: ordered steps (move up and down), spacing in days, a deadline and, for the ambassador training, the modules it qualifies for. */
@Component({
  selector: 'k-program-editor',
  imports: [FormsModule, TranslatePipe, RouterLink],
  templateUrl: './program-editor.html',
  changeDetection: ChangeDetectionStrategy.Eager,
  styleUrl: './library.css',
})
export class ProgramEditor {
  /** Absent when building a new program. */
  readonly programId = input<string>();
  private readonly library = inject(LibraryApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  private readonly titles = inject(TitleStrategy) as KunnaTitleStrategy;
  private readonly permissions = inject(Permissions);
  protected readonly problemKey = problemKey;
  protected readonly programKindKey = programKindKey;
  protected readonly deadlineBaseKey = deadlineBaseKey;
  protected readonly ownershipKey = ownershipKey;
  protected readonly kinds = PROGRAM_KINDS;
  protected readonly deadlineBases = Object.values(ProgramDeadlineBase);
  protected readonly limits = LIBRARY_LIMITS;
  protected readonly AmbassadorTraining = ProgramKind.AmbassadorTraining;

  /** The program being edited; the form is filled from it when it arrives. */
  protected readonly existing = remote<string, ProgramDetail>({
    params: () => this.programId() || undefined,
    load: async (programId) => {
      const program = await this.library.program(programId);
      this.fill(program);
      return program;
    },
  });
  protected readonly modules = remoteOnce<ModuleSummary[]>(() => this.library.modules());
  protected readonly revision = signal(0);
  protected ownership: Ownership = Ownership.Organisation;
  protected title = '';
  protected summary = '';
  protected kind: ProgramKind = ProgramKind.ThemedSeries;
  protected completeWithinDays: number | null = null;
  protected deadlineBase: ProgramDeadlineBase = ProgramDeadlineBase.AssignmentStart;
  protected steps: StepRow[] = [];
  protected qualifies: string[] = [];

  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  /** Announced after moving a step, so a screen-reader user hears where it went. */
  private readonly feedback = inject(Feedback);

  protected readonly ownerChoices = computed(() => {
    const choices: Ownership[] = [];
    if (this.permissions.isCoordinator()) choices.push(Ownership.Network);
    if (this.permissions.organisationWide()) choices.push(Ownership.Organisation);
    return choices;
  });

  constructor() {
    // A new program is owned by the first owner the caller may create for (known once the session is).
    effect(() => {
      if (this.programId()) return;
      this.ownership = this.ownerChoices()[0] ?? Ownership.Organisation;
      this.revision.update((n) => n + 1);
    });
    effect(() => this.titles.setDetail(this.existing.value()?.title ?? null));
  }

  private fill(program: ProgramDetail): void {
    this.ownership = program.ownership;
    this.title = program.title;
    this.summary = program.summary;
    this.kind = program.kind;
    this.completeWithinDays = program.completeWithinDays;
    this.deadlineBase = program.deadlineBase;
    this.steps = program.steps.map((step) => ({ moduleId: step.moduleId, daysAfterPrevious: step.daysAfterPrevious, note: step.note ?? '' }));
    this.qualifies = program.qualifiesFor.map((module) => module.id);
    this.revision.update((n) => n + 1);
  }

  /** A network program may only use network modules; an organisation's program any published module it sees. */
  protected choosable(): ModuleSummary[] {
    return (this.modules.value() ?? []).filter(
      (module) => module.latestPublished && !module.archived && (this.ownership === Ownership.Organisation || module.ownership === Ownership.Network),
    );
  }

  protected moduleTitle(moduleId: string): string {
    return this.modules.value()?.find((module) => module.id === moduleId)?.title ?? '';
  }

  /** Day of each step from the program's start (the running sum of the spacing). */
  protected dayOffset(index: number): number {
    return this.steps.slice(0, index + 1).reduce((sum, step, i) => sum + (i === 0 ? 0 : Number(step.daysAfterPrevious) || 0), 0);
  }

  protected addStep(): void {
    this.steps.push({ moduleId: '', daysAfterPrevious: this.steps.length ? 14 : 0, note: '' });
  }

  protected removeStep(index: number): void {
    this.steps.splice(index, 1);
    if (this.steps[0]) this.steps[0].daysAfterPrevious = 0;
  }

  protected move(index: number, delta: -1 | 1): void {
    const target = index + delta;
    if (target < 0 || target >= this.steps.length) return;
    [this.steps[index], this.steps[target]] = [this.steps[target], this.steps[index]];
    this.feedback.announce(this.i18n.t('programEditor.movedTo', { title: this.moduleTitle(this.steps[target].moduleId) || '—', n: target + 1 }));
  }

  protected toggleQualifies(moduleId: string, on: boolean): void {
    this.qualifies = on ? [...new Set([...this.qualifies, moduleId])] : this.qualifies.filter((id) => id !== moduleId);
  }

  protected checked(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }

  protected error(field: string): string | null {
    return this.problem()?.fields.find((entry) => entry.field === field)?.message ?? null;
  }

  protected async save(): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    const steps: ProgramStepInput[] = this.steps.map((step, index) => ({
      moduleId: step.moduleId,
      daysAfterPrevious: index === 0 ? 0 : Number(step.daysAfterPrevious) || 0,
      note: step.note.trim() || null,
    }));
    const withinDays = this.completeWithinDays === null || String(this.completeWithinDays) === '' ? null : Number(this.completeWithinDays);
    const body = {
      title: this.title.trim(),
      summary: this.summary.trim(),
      kind: this.kind,
      completeWithinDays: withinDays,
      deadlineBase: this.deadlineBase,
      steps,
      qualifiesModuleIds: this.kind === ProgramKind.AmbassadorTraining ? this.qualifies : [],
    };
    try {
      const programId = this.programId();
      const saved = programId ? await this.library.updateProgram(programId, body) : await this.library.createProgram({ ownership: this.ownership, ...body });
      await this.router.navigate(['/bibliotek/program', saved.id]);
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
