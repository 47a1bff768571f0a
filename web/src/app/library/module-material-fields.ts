import { Component, input } from '@angular/core';
import { ControlContainer, FormsModule, NgForm } from '@angular/forms';
import { FieldError } from '@kunna/contracts';
import { TranslatePipe } from '../i18n/i18n';
import { LIMITS, ModuleFormModel, moduleFieldError } from './module-form-model';

/** What a facilitator works from: the guide, the glossary, exercises and links. Edits the form model in place. */
@Component({
  selector: 'k-module-material-fields',
  imports: [FormsModule, TranslatePipe],
  templateUrl: './module-material-fields.html',
  // Its fields belong to the editor's form.
  viewProviders: [{ provide: ControlContainer, useExisting: NgForm }],
  styleUrl: './module-editor.css',
})
export class ModuleMaterialFields {
  readonly model = input.required<ModuleFormModel>();
  /** The last save's field problems. */
  readonly problems = input<FieldError[]>([]);
  protected readonly limits = LIMITS;

  protected error(field: string): string | null {
    return moduleFieldError(this.problems(), field);
  }

  protected remove(list: unknown[], index: number): void {
    list.splice(index, 1);
  }

  protected addGlossary(): void {
    this.model().glossary.push({ term: '', explanation: '' });
  }

  protected addExercise(): void {
    this.model().exercises.push({ title: '', scenario: '', tasks: '' });
  }

  protected addLink(): void {
    this.model().links.push({ title: '', url: 'https://' });
  }
}
