import { Component, input, model } from '@angular/core';
import { SessionShift } from '@kunna/contracts';
import { fieldMessage, Problem } from '../core/problem';
import { TranslatePipe } from '../i18n/i18n';
import { ShiftChoice } from './schedule-form';
import { shiftKey } from './session-labels';

/** How often: the number of dates and the weeks between them, and shift variants (each date once per chosen shift). */
@Component({
  selector: 'k-session-repeat-fields',
  imports: [TranslatePipe],
  templateUrl: './session-repeat-fields.html',
  styleUrl: './schedule-fields.css',
})
export class SessionRepeatFields {
  readonly count = model.required<number>();
  readonly intervalWeeks = model.required<number>();
  readonly shifts = model.required<ShiftChoice[]>();
  /** The last save's problem, for the fields' messages. */
  readonly problem = input<Problem | null>(null);
  protected readonly shiftKey = shiftKey;
  protected readonly fieldMessage = fieldMessage;

  protected setShift(shift: SessionShift, change: Partial<ShiftChoice>): void {
    this.shifts.update((all) => all.map((choice) => (choice.shift === shift ? { ...choice, ...change } : choice)));
  }
}
