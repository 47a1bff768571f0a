import { Component, computed, inject, input, model, output, ChangeDetectionStrategy } from '@angular/core';
import { ACTIVITY_CATEGORIES, ActivityCategory, ModuleSummary, ProgramSummary } from '@kunna/contracts';
import { fieldMessage, Problem } from '../core/problem';
import { remoteOnce } from '../core/remote';
import { TranslatePipe } from '../i18n/i18n';
import { LibraryApi } from '../library/library-api';
import { usableModules } from './schedule-form';
import { categoryKey } from './session-labels';
import { SessionsApi } from './sessions-api';

/**
 * Where and what: the unit, the module (or a program, whose steps the dates deliver) and the kind of activity. Offers
 * the published modules and the programs with steps; a module named in the address is chosen when they arrive.
 */
@Component({
  selector: 'k-session-delivery-fields',
  imports: [TranslatePipe],
  templateUrl: './session-delivery-fields.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SessionDeliveryFields {
  readonly units = input.required<Array<{ id: string; name: string }>>();
  readonly unitId = input.required<string>();
  readonly moduleId = input.required<string>();
  readonly programId = input.required<string>();
  readonly presetModuleId = input<string | null>(null);
  readonly category = model.required<ActivityCategory>();
  /** The last save's problem, for the fields' messages. */
  readonly problem = input<Problem | null>(null);
  readonly unitChosen = output<string>();
  /** The module chosen ('' for none), with its usual length. */
  readonly moduleChosen = output<{ moduleId: string; durationMinutes?: number }>();
  /** The program chosen ('' for none), with its number of steps. */
  readonly programChosen = output<{ programId: string; stepCount?: number }>();
  private readonly api = inject(SessionsApi);
  private readonly library = inject(LibraryApi);
  protected readonly categories = ACTIVITY_CATEGORIES;
  protected readonly categoryKey = categoryKey;
  protected readonly fieldMessage = fieldMessage;

  protected readonly modules = remoteOnce<ModuleSummary[]>(async () => {
    const modules = await this.api.modules();
    const preset = this.presetModuleId();
    if (preset) this.chooseModule(preset, usableModules(modules));
    return modules;
  });
  protected readonly programs = remoteOnce<ProgramSummary[]>(() => this.library.programs());
  protected readonly usable = computed(() => usableModules(this.modules.value() ?? []));
  protected readonly usablePrograms = computed(() => (this.programs.value() ?? []).filter((program) => !program.archived && program.stepCount > 0));

  protected chooseModule(moduleId: string, usable = this.usable()): void {
    this.moduleChosen.emit({ moduleId, durationMinutes: usable.find((candidate) => candidate.id === moduleId)?.durationMinutes });
  }

  protected chooseProgram(programId: string): void {
    this.programChosen.emit({ programId, stepCount: this.usablePrograms().find((candidate) => candidate.id === programId)?.stepCount });
  }
}
