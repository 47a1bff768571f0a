import { Component, inject, input } from '@angular/core';
import { ControlContainer, FormsModule, NgForm } from '@angular/forms';
import { CompetenceDimension, DigCompArea, FieldError, ModuleTargetGroup } from '@kunna/contracts';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { DIMENSIONS, FORMATS, TARGET_GROUPS, dimensionKey, formatKey, targetGroupKey } from './library-labels';
import { LIMITS, ModuleFormModel, moduleFieldError, toggleIn } from './module-form-model';

/**
 * What the module is: title, summary and learning goals, the competence dimensions and target groups, format,
 * length and how often it is repeated, and the DigComp competences it builds. Edits the form model in place.
 */
@Component({
  selector: 'k-module-description-fields',
  imports: [FormsModule, TranslatePipe],
  templateUrl: './module-description-fields.html',
  // Its fields belong to the editor's form.
  viewProviders: [{ provide: ControlContainer, useExisting: NgForm }],
  styleUrl: './module-editor.css',
})
export class ModuleDescriptionFields {
  readonly model = input.required<ModuleFormModel>();
  /** The last save's field problems. */
  readonly problems = input<FieldError[]>([]);
  readonly digComp = input<DigCompArea[]>([]);
  private readonly i18n = inject(I18n);
  protected readonly dimensionKey = dimensionKey;
  protected readonly formatKey = formatKey;
  protected readonly targetGroupKey = targetGroupKey;
  protected readonly dimensions = DIMENSIONS;
  protected readonly formats = FORMATS;
  protected readonly targetGroups = TARGET_GROUPS;
  protected readonly limits = LIMITS;
  protected readonly toggle = toggleIn;

  protected error(field: string): string | null {
    return moduleFieldError(this.problems(), field);
  }

  protected areaName(area: DigCompArea): string {
    return this.i18n.language() === 'en' ? area.nameEn : area.nameSv;
  }

  protected competenceName(competence: { nameSv: string; nameEn: string }): string {
    return this.i18n.language() === 'en' ? competence.nameEn : competence.nameSv;
  }

  protected hasDimension(value: CompetenceDimension): boolean {
    return this.model().competenceDimensions.includes(value);
  }

  protected hasTargetGroup(value: ModuleTargetGroup): boolean {
    return this.model().targetGroups.includes(value);
  }

  protected checked(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }

  protected addGoal(): void {
    this.model().goals.push({ text: '' });
  }

  protected removeGoal(index: number): void {
    this.model().goals.splice(index, 1);
  }
}
