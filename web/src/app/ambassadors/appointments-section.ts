import { Component, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { AmbassadorAppointment, UnitRef } from '@kunna/contracts';
import { Permissions, today } from '../core/permissions';
import { Problem, problemKey, problemOf } from '../core/problem';
import { DateInput } from '../i18n/date-input';
import { DateFormatPipe } from '../i18n/format';
import { TranslatePipe } from '../i18n/i18n';
import { allocationKindKey } from '../library/library-labels';
import { AmbassadorsApi } from './ambassadors-api';
import { AppointmentForm, UnitChoice } from './appointment-form';

/** An appointment's units as one line. */
export function unitNames(units: UnitRef[]): string {
  return units.map((unit) => unit.name).join(', ');
}

/** The appointments the caller sees, with their allocation and period; those who appoint end them here and appoint new ones. */
@Component({
  selector: 'k-appointments-section',
  imports: [TranslatePipe, RouterLink, FormsModule, DateFormatPipe, DateInput, AppointmentForm],
  templateUrl: './appointments-section.html',
  styleUrl: './ambassadors.css',
})
export class AppointmentsSection {
  readonly appointments = input<AmbassadorAppointment[]>();
  readonly loading = input(false);
  readonly canAppoint = input(false);
  /** The units the caller may appoint for. */
  readonly appointUnits = input.required<UnitChoice[]>();
  readonly appointed = output<AmbassadorAppointment>();
  /** The appointment with its last day set. */
  readonly appointmentEnded = output<AmbassadorAppointment>();
  private readonly api = inject(AmbassadorsApi);
  protected readonly permissions = inject(Permissions);
  protected readonly problemKey = problemKey;
  protected readonly allocationKindKey = allocationKindKey;
  protected readonly unitNames = unitNames;
  private readonly today = today();

  /** The appointment whose last day is being chosen. */
  protected readonly ending = signal<string | null>(null);
  protected readonly endOn = signal('');
  protected readonly endBusy = signal(false);
  protected readonly endProblem = signal<Problem | null>(null);

  /** Still in force or ahead, and not already ending before today: it can be ended. */
  protected endable(appointment: AmbassadorAppointment): boolean {
    return appointment.endDate === null || appointment.endDate >= this.today;
  }

  protected startEnd(appointment: AmbassadorAppointment): void {
    this.ending.set(appointment.id);
    this.endOn.set(appointment.startDate > this.today ? appointment.startDate : this.today);
    this.endProblem.set(null);
  }

  protected async end(appointment: AmbassadorAppointment): Promise<void> {
    this.endBusy.set(true);
    this.endProblem.set(null);
    try {
      const ended = await this.api.updateAppointment(appointment.id, { endDate: this.endOn() });
      this.ending.set(null);
      this.appointmentEnded.emit(ended);
    } catch (error) {
      this.endProblem.set(problemOf(error));
    } finally {
      this.endBusy.set(false);
    }
  }
}
