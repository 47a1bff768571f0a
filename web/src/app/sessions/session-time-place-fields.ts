import { Component, input, model } from '@angular/core';
import { fieldMessage, Problem } from '../core/problem';
import { DateInput } from '../i18n/date-input';
import { TranslatePipe } from '../i18n/i18n';

/** When and where: the (first) date, start time, length, place and how many can come. */
@Component({
  selector: 'k-session-time-place-fields',
  imports: [TranslatePipe, DateInput],
  templateUrl: './session-time-place-fields.html',
  styleUrl: './schedule-fields.css',
})
export class SessionTimePlaceFields {
  readonly date = model.required<string>();
  readonly startTime = model.required<string>();
  readonly durationMinutes = model.required<number>();
  readonly place = model.required<string>();
  /** As typed: '' for no limit. */
  readonly capacity = model.required<string>();
  /** The last save's problem, for the fields' messages. */
  readonly problem = input<Problem | null>(null);
  protected readonly fieldMessage = fieldMessage;
}
