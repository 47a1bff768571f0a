import { Component, inject, input, output, signal } from '@angular/core';
import { AllocationKind, AmbassadorAppointment, PersonSummary } from '@kunna/contracts';
import { today } from '../core/permissions';
import { fieldMessage, Problem, problemKey, problemOf } from '../core/problem';
import { TranslatePipe, TranslationKey } from '../i18n/i18n';
import { PeopleApi } from '../people/people-api';
import { AmbassadorsApi } from './ambassadors-api';
import { DateInput } from '../i18n/date-input';

export interface UnitChoice {
  id: string;
  name: string;
  areaName: string;
}

/**
 * Appoints an ambassador for one or more units with a time allocation and a period. The person is found by name or
 * employee number among the people the caller may see; the API checks every field and decides who may appoint whom.
 */
@Component({
  selector: 'k-appointment-form',
  imports: [TranslatePipe, DateInput],
  templateUrl: './appointment-form.html',
  styleUrl: './ambassadors.css',
})
export class AppointmentForm {
  /** The units the caller may appoint for. */
  readonly units = input.required<UnitChoice[]>();
  readonly appointed = output<AmbassadorAppointment>();
  private readonly api = inject(AmbassadorsApi);
  private readonly people = inject(PeopleApi);
  protected readonly problemKey = problemKey;
  protected readonly fieldMessage = fieldMessage;
  protected readonly kinds = [AllocationKind.HoursPerMonth, AllocationKind.Percent];
  protected readonly kindKey = (kind: AllocationKind): TranslationKey => `ambassadors.appoint.kinds.${kind}`;

  protected readonly query = signal('');
  protected readonly found = signal<PersonSummary[] | null>(null);
  protected readonly searching = signal(false);
  protected readonly personId = signal('');
  protected readonly unitIds = signal<string[]>([]);
  protected readonly allocationKind = signal<AllocationKind>(AllocationKind.HoursPerMonth);
  protected readonly allocationValue = signal('8');
  protected readonly startDate = signal(today());
  protected readonly endDate = signal('');
  protected readonly note = signal('');
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);

  protected async search(): Promise<void> {
    this.searching.set(true);
    this.problem.set(null);
    try {
      const page = await this.people.list({ q: this.query().trim() || undefined, limit: 50 });
      this.found.set(page.items.filter((person) => person.active));
      this.personId.set(this.found()?.length === 1 ? (this.found()?.[0]?.id ?? '') : '');
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.searching.set(false);
    }
  }

  protected toggleUnit(unitId: string, checked: boolean): void {
    this.unitIds.update((ids) => (checked ? [...ids, unitId] : ids.filter((id) => id !== unitId)));
  }

  protected async save(): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      const appointment = await this.api.appoint({
        personId: this.personId(),
        unitIds: this.unitIds(),
        allocationKind: this.allocationKind(),
        allocationValue: Number(this.allocationValue()),
        startDate: this.startDate(),
        endDate: this.endDate() || null,
        note: this.note().trim() || null,
      });
      this.appointed.emit(appointment);
      this.personId.set('');
      this.found.set(null);
      this.query.set('');
      this.unitIds.set([]);
      this.note.set('');
      this.endDate.set('');
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
