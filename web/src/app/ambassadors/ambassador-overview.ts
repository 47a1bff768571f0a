import { Component, computed, inject, input, signal, ChangeDetectionStrategy } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { AmbassadorAppointment, AmbassadorQualification, COVERAGE_LEAVING_DAYS, CoverageFlag, PersonRef, Role, UnitCoverage, UnitRef } from '@kunna/contracts';
import { Feedback } from '../core/feedback';
import { Permissions, today } from '../core/permissions';
import { Problem, problemKey, problemOf } from '../core/problem';
import { remote } from '../core/remote';
import { Session } from '../core/session';
import { DateFormatPipe, NumberFormatPipe } from '../i18n/format';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { allocationKindKey, coverageFlagKey, qualificationSourceKey, qualificationStatusKey } from '../library/library-labels';
import { AmbassadorsApi } from './ambassadors-api';
import { AppointmentForm, UnitChoice } from './appointment-form';
import { MyAmbassadorPanel } from './my-ambassador-panel';
import { NetworkCoveragePanel } from './network-coverage-panel';
import { QualificationForm } from './qualification-form';
import { RENEWAL_DUE_DAYS, addDays, renewalDue } from './renewal';
import { DateInput } from '../i18n/date-input';

interface AreaGroup {
  areaId: string;
  areaName: string;
  units: UnitCoverage[];
}

/**
 * Ambassadors per unit and per organisation: coverage (active ambassadors, staff per ambassador, flags),
 * appointments with their time allocation and period, and qualifications with renewal due. Network
 * coordinators see counts per organisation only; an ambassador sees their own appointments and modules.
 */
@Component({
  selector: 'k-ambassador-overview',
  imports: [
    TranslatePipe,
    RouterLink,
    FormsModule,
    DateFormatPipe,
    NumberFormatPipe,
    AppointmentForm,
    QualificationForm,
    DateInput,
    MyAmbassadorPanel,
    NetworkCoveragePanel,
  ],
  templateUrl: './ambassador-overview.html',
  changeDetection: ChangeDetectionStrategy.Eager,
  styleUrl: './ambassadors.css',
})
export class AmbassadorOverview {
  /** Query parameter: narrow to one unit. */
  readonly unitId = input<string>();
  private readonly api = inject(AmbassadorsApi);
  private readonly router = inject(Router);
  private readonly session = inject(Session);
  protected readonly permissions = inject(Permissions);
  protected readonly problemKey = problemKey;
  protected readonly allocationKindKey = allocationKindKey;
  protected readonly coverageFlagKey = coverageFlagKey;
  protected readonly qualificationStatusKey = qualificationStatusKey;
  protected readonly qualificationSourceKey = qualificationSourceKey;
  protected readonly leavingDays = COVERAGE_LEAVING_DAYS;
  protected readonly renewalDays = RENEWAL_DUE_DAYS;
  protected readonly today = today();

  protected readonly seesCoverage = computed(() => this.session.may('ambassadors.coverage'));
  protected readonly isAmbassador = computed(() => this.session.hasRole(Role.Ambassador));
  /** Managers appoint for the units they manage, HR and administrators for any unit (the permission `ambassadors.appoint`). */
  protected readonly canAppoint = computed(() => this.session.may('ambassadors.appoint'));

  protected readonly selectedUnit = computed(() => {
    const id = this.unitId();
    return id && /^[0-9a-f-]{36}$/i.test(id) ? id : undefined;
  });
  /** The unit filter, or nothing for a caller who does not see coverage (the coverage resources stay idle). */
  private readonly coverageParams = computed(() => (this.seesCoverage() ? { unitId: this.selectedUnit() } : undefined));
  protected readonly coverage = remote({ params: this.coverageParams, load: ({ unitId }) => this.api.coverage(unitId) });
  /** Staff and ambassadors of the units shown, each person once (a person may work in two units). */
  protected readonly coverageTotals = remote({ params: this.coverageParams, load: ({ unitId }) => this.api.coverageTotals(unitId) });
  /** All visible units (for the unit picker), loaded once without the unit filter. */
  protected readonly allUnits = remote({ params: () => this.seesCoverage() || undefined, load: () => this.api.coverage() });
  protected readonly appointments = remote({ params: this.coverageParams, load: ({ unitId }) => this.api.appointments({ unitId }) });
  protected readonly qualifications = remote({ params: this.coverageParams, load: ({ unitId }) => this.api.qualifications({ unitId }) });

  protected readonly areas = computed<AreaGroup[]>(() => {
    const groups = new Map<string, AreaGroup>();
    for (const unit of this.coverage.value() ?? []) {
      const group = groups.get(unit.areaId) ?? { areaId: unit.areaId, areaName: unit.areaName, units: [] };
      group.units.push(unit);
      groups.set(unit.areaId, group);
    }
    return [...groups.values()];
  });
  protected readonly totals = computed(() => {
    const units = this.coverage.value() ?? [];
    const people = this.coverageTotals.value();
    return {
      units: units.length,
      flagged: units.filter((unit) => unit.flags.length > 0).length,
      withoutAmbassador: units.filter((unit) => unit.flags.includes(CoverageFlag.NoAmbassador)).length,
      ambassadors: people?.activeAmbassadors ?? null,
      staff: people?.staffCount ?? null,
      staffPerAmbassador: people?.staffPerAmbassador ?? null,
    };
  });
  protected readonly appointUnits = computed<UnitChoice[]>(() =>
    (this.allUnits.value() ?? [])
      .filter((unit) => this.permissions.organisationWide() || this.permissions.managedUnitIds().includes(unit.unit.id))
      .map((unit) => ({ id: unit.unit.id, name: unit.unit.name, areaName: unit.areaName })),
  );
  /** The ambassadors with an appointment the caller sees: whom a qualification can be given. */
  protected readonly ambassadorPeople = computed<PersonRef[]>(() => {
    const people = new Map((this.appointments.value() ?? []).map((appointment) => [appointment.person.id, appointment.person]));
    return [...people.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  });
  protected readonly flaggedUnits = computed(() => (this.coverage.value() ?? []).filter((unit) => unit.flags.length > 0));
  /** Qualifications that a later one renews (the renewal starts when they end). */
  protected readonly renewedIds = computed(
    () => new Set((this.qualifications.value() ?? []).map((qualification) => qualification.renewsId).filter((id): id is string => id !== null)),
  );
  protected readonly due = computed(() =>
    (this.qualifications.value() ?? []).filter((qualification) => renewalDue(qualification, this.today, this.renewedIds())),
  );
  /** Qualifications grouped per ambassador, valid first. */
  protected readonly qualificationsByPerson = computed(() => {
    const groups = new Map<string, { name: string; personId: string; items: AmbassadorQualification[] }>();
    for (const qualification of this.qualifications.value() ?? []) {
      const group = groups.get(qualification.person.id) ?? { name: qualification.person.name, personId: qualification.person.id, items: [] };
      group.items.push(qualification);
      groups.set(qualification.person.id, group);
    }
    return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  });

  private readonly feedback = inject(Feedback);
  private readonly i18n = inject(I18n);

  // Ending an appointment.
  protected ending: string | null = null;
  protected endOn = '';
  protected readonly endBusy = signal(false);
  protected readonly endProblem = signal<Problem | null>(null);

  // Renewal (HR and administrators).
  protected renewing: string | null = null;
  protected renewUntil = '';
  protected readonly renewBusy = signal(false);
  protected readonly renewProblem = signal<Problem | null>(null);
  protected readonly renewed = signal<string | null>(null);

  protected unitNames(units: UnitRef[]): string {
    return units.map((unit) => unit.name).join(', ');
  }

  protected renewalDue(qualification: AmbassadorQualification): boolean {
    return renewalDue(qualification, this.today, this.renewedIds());
  }

  protected chooseUnit(event: Event): void {
    const unitId = (event.target as HTMLSelectElement).value;
    void this.router.navigate([], { queryParams: { unitId: unitId || null }, replaceUrl: true });
  }

  /** Still in force or ahead, and not already ending before today: it can be ended. */
  protected endable(appointment: AmbassadorAppointment): boolean {
    return appointment.endDate === null || appointment.endDate >= this.today;
  }

  protected startEnd(appointment: AmbassadorAppointment): void {
    this.ending = appointment.id;
    this.endOn = appointment.startDate > this.today ? appointment.startDate : this.today;
    this.endProblem.set(null);
  }

  protected async end(appointment: AmbassadorAppointment): Promise<void> {
    this.endBusy.set(true);
    this.endProblem.set(null);
    try {
      const ended = await this.api.updateAppointment(appointment.id, { endDate: this.endOn });
      this.ending = null;
      this.saved(`${ended.person.name}: ${this.unitNames(ended.units)}`);
      this.reloadCoverage();
    } catch (error) {
      this.endProblem.set(problemOf(error));
    } finally {
      this.endBusy.set(false);
    }
  }

  protected appointed(appointment: AmbassadorAppointment): void {
    this.saved(`${appointment.person.name}: ${this.unitNames(appointment.units)}`);
    this.reloadCoverage();
  }

  protected qualified(qualification: AmbassadorQualification): void {
    this.saved(`${qualification.person.name}: ${qualification.module.title}`);
    this.qualifications.reload();
  }

  private reloadCoverage(): void {
    this.coverage.reload();
    this.coverageTotals.reload();
    this.appointments.reload();
    this.allUnits.reload();
  }

  protected startRenew(qualification: AmbassadorQualification): void {
    this.renewing = qualification.id;
    this.renewUntil = addDays(qualification.validUntil ?? this.today, 365);
    this.renewProblem.set(null);
    this.renewed.set(null);
  }

  protected async renew(qualification: AmbassadorQualification): Promise<void> {
    this.renewBusy.set(true);
    this.renewProblem.set(null);
    try {
      const renewed = await this.api.renew(qualification.id, { validUntil: this.renewUntil || null });
      this.renewing = null;
      this.renewed.set(`${renewed.person.name}: ${renewed.module.title}`);
      this.qualifications.reload();
    } catch (error) {
      this.renewProblem.set(problemOf(error));
    } finally {
      this.renewBusy.set(false);
    }
  }

  /** Confirms an appointment, ending or qualification: shown and announced (core/feedback.ts). */
  private saved(what: string): void {
    this.feedback.tell(this.i18n.t('ambassadors.saved', { what }));
  }
}
