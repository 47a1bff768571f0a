import { Component, computed, inject, input, output, signal } from '@angular/core';
import { AmbassadorQualification, ModuleSummary, PersonRef } from '@kunna/contracts';
import { remoteOnce } from '../core/remote';
import { today } from '../core/permissions';
import { fieldMessage, Problem, problemKey, problemOf } from '../core/problem';
import { TranslatePipe } from '../i18n/i18n';
import { LibraryApi } from '../library/library-api';
import { AmbassadorsApi } from './ambassadors-api';
import { addDays } from './renewal';
import { DateInput } from '../i18n/date-input';

/**
 * Qualifies an ambassador explicitly to deliver a module, from a day and (usually) until a day when it must be renewed.
 * The other route to a qualification is the ambassador training program, recorded from attendance.
 */
@Component({
  selector: 'k-qualification-form',
  imports: [TranslatePipe, DateInput],
  templateUrl: './qualification-form.html',
  styleUrl: './ambassadors.css',
})
export class QualificationForm {
  /** The ambassadors the caller sees (from their appointments). */
  readonly people = input.required<PersonRef[]>();
  readonly qualified = output<AmbassadorQualification>();
  private readonly api = inject(AmbassadorsApi);
  private readonly library = inject(LibraryApi);
  protected readonly problemKey = problemKey;
  protected readonly fieldMessage = fieldMessage;

  protected readonly modules = remoteOnce<ModuleSummary[]>(() => this.library.modules());
  /** Published, not archived modules the organisation may use. */
  protected readonly usable = computed(() => (this.modules.value() ?? []).filter((module) => module.latestPublished && !module.archived));
  protected readonly personId = signal('');
  protected readonly moduleId = signal('');
  protected readonly validFrom = signal(today());
  protected readonly validUntil = signal(addDays(today(), 365));
  protected readonly note = signal('');
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);

  protected async save(): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      const qualification = await this.api.qualify({
        personId: this.personId(),
        moduleId: this.moduleId(),
        validFrom: this.validFrom(),
        validUntil: this.validUntil() || null,
        note: this.note().trim() || null,
      });
      this.qualified.emit(qualification);
      this.moduleId.set('');
      this.note.set('');
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
