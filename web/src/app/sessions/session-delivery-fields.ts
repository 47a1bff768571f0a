import { Component, input, model, output } from '@angular/core';
import { ACTIVITY_CATEGORIES, ActivityCategory, ModuleSummary, ProgramSummary } from '@kunna/contracts';
import { fieldMessage, Problem } from '../core/problem';
import { TranslatePipe } from '../i18n/i18n';
import { categoryKey } from './session-labels';

/** Where and what: the unit, the module (or a program, whose steps the dates deliver) and the kind of activity. */
@Component({
  selector: 'k-session-delivery-fields',
  imports: [TranslatePipe],
  templateUrl: './session-delivery-fields.html',
})
export class SessionDeliveryFields {
  readonly units = input.required<Array<{ id: string; name: string }>>();
  /** Published modules that are not archived. */
  readonly modules = input.required<ModuleSummary[]>();
  /** Programs with steps that are not archived. */
  readonly programs = input.required<ProgramSummary[]>();
  readonly unitId = input.required<string>();
  readonly moduleId = input.required<string>();
  readonly programId = input.required<string>();
  readonly category = model.required<ActivityCategory>();
  /** The last save's problem, for the fields' messages. */
  readonly problem = input<Problem | null>(null);
  readonly unitChosen = output<string>();
  readonly moduleChosen = output<string>();
  readonly programChosen = output<string>();
  protected readonly categories = ACTIVITY_CATEGORIES;
  protected readonly categoryKey = categoryKey;
  protected readonly fieldMessage = fieldMessage;
}
