import { Component, computed, inject, input, output, signal, ChangeDetectionStrategy } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { FieldError, PersonDetail, UnitRef } from '@kunna/contracts';
import { today } from '../core/permissions';
import { Problem, fieldMessage, localProblem, problemKey, problemOf } from '../core/problem';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { PeopleApi } from './people-api';
import { UnitGroup } from './unit-options';
import { DateInput } from '../i18n/date-input';

/** Moves a person to another unit from a date; the old membership ends the day before (history is kept). */
@Component({
  selector: 'k-move-person',
  imports: [FormsModule, TranslatePipe, DateInput],
  changeDetection: ChangeDetectionStrategy.Eager,
  template: `
    <form (ngSubmit)="submit()" novalidate class="form-grid">
      @if (currentUnits().length > 1) {
        <div class="field">
          <label for="move-from">{{ 'person.move.from' | t }}</label>
          <select
            id="move-from"
            name="fromUnitId"
            [(ngModel)]="fromUnitId"
            [attr.aria-invalid]="error('fromUnitId') ? true : null"
            aria-describedby="move-from-error"
          >
            <option value="">{{ 'common.choose' | t }}</option>
            @for (unit of currentUnits(); track unit.id) {
              <option [value]="unit.id">{{ unit.name }}</option>
            }
          </select>
          <p id="move-from-error" class="error">{{ error('fromUnitId') }}</p>
        </div>
      }
      <div class="field">
        <label for="move-to">{{ 'person.move.to' | t }}</label>
        <select id="move-to" name="toUnitId" [(ngModel)]="toUnitId" [attr.aria-invalid]="error('toUnitId') ? true : null" aria-describedby="move-to-error">
          <option value="">{{ 'common.choose' | t }}</option>
          @for (group of groups(); track group.areaId) {
            <optgroup [label]="group.areaName">
              @for (unit of group.units; track unit.id) {
                <option [value]="unit.id" [disabled]="isCurrent(unit.id)">{{ unit.name }}</option>
              }
            </optgroup>
          }
        </select>
        <p id="move-to-error" class="error">{{ error('toUnitId') }}</p>
      </div>
      <div class="field">
        <label for="move-date">{{ 'person.move.date' | t }}</label>
        <k-date-input inputId="move-date" name="date" [(ngModel)]="date" [invalid]="!!error('date')" describedBy="move-date-hint move-date-error" />
        <p id="move-date-hint" class="hint">{{ 'person.move.dateHint' | t }}</p>
        <p id="move-date-error" class="error">{{ error('date') }}</p>
      </div>
      <div class="full" aria-live="assertive">
        @if (problem(); as problem) {
          @if (!problem.fields.length) {
            <p class="error" role="alert">{{ problem.serverMessage ?? (problemKey(problem) | t) }}</p>
          }
        }
      </div>
      <div class="actions full">
        <button type="submit" [disabled]="busy()">{{ 'person.move.submit' | t }}</button>
        <button type="button" class="secondary" (click)="cancelled.emit()">{{ 'common.cancel' | t }}</button>
      </div>
    </form>
  `,
})
export class MovePerson {
  readonly person = input.required<PersonDetail>();
  readonly groups = input.required<UnitGroup[]>();
  readonly moved = output<string>();
  readonly cancelled = output<void>();
  private readonly people = inject(PeopleApi);
  private readonly i18n = inject(I18n);
  protected readonly problemKey = problemKey;
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected toUnitId = '';
  protected fromUnitId = '';
  protected date = today();

  protected readonly currentUnits = computed<UnitRef[]>(() => {
    const day = today();
    return this.person()
      .memberships.filter((membership) => membership.startDate <= day && (membership.endDate === null || membership.endDate >= day))
      .map((membership) => ({ id: membership.unitId, name: membership.unitName }));
  });

  protected isCurrent(unitId: string): boolean {
    return this.currentUnits().some((unit) => unit.id === unitId);
  }

  protected error(field: string): string | null {
    return fieldMessage(this.problem(), field);
  }

  protected async submit(): Promise<void> {
    const fields: FieldError[] = [];
    if (!this.toUnitId) fields.push({ field: 'toUnitId', message: this.i18n.t('person.move.toMissing') });
    if (!this.date) fields.push({ field: 'date', message: this.i18n.t('person.move.dateMissing') });
    if (this.currentUnits().length > 1 && !this.fromUnitId) fields.push({ field: 'fromUnitId', message: this.i18n.t('person.move.fromMissing') });
    if (fields.length) {
      this.problem.set(localProblem(fields));
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    try {
      await this.people.move(this.person().id, {
        toUnitId: this.toUnitId,
        date: this.date,
        ...(this.fromUnitId ? { fromUnitId: this.fromUnitId } : {}),
      });
      this.moved.emit(this.toUnitId);
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
