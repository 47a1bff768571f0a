import { Component, computed, inject, input } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { AmbassadorAppointment, AmbassadorQualification, PersonRef, Role } from '@kunna/contracts';
import { Feedback } from '../core/feedback';
import { Permissions } from '../core/permissions';
import { problemKey } from '../core/problem';
import { remote } from '../core/remote';
import { Session } from '../core/session';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { AmbassadorsApi } from './ambassadors-api';
import { UnitChoice } from './appointment-form';
import { AppointmentsSection, unitNames } from './appointments-section';
import { CoverageSection } from './coverage-section';
import { MyAmbassadorPanel } from './my-ambassador-panel';
import { NetworkCoveragePanel } from './network-coverage-panel';
import { QualificationsSection } from './qualifications-section';

/**
 * Ambassadors per unit and per organisation: coverage (active ambassadors, staff per ambassador, flags),
 * appointments with their time allocation and period, and qualifications with renewal due. Network
 * coordinators see counts per organisation only; an ambassador sees their own appointments and modules.
 */
@Component({
  selector: 'k-ambassador-overview',
  imports: [TranslatePipe, RouterLink, MyAmbassadorPanel, NetworkCoveragePanel, CoverageSection, AppointmentsSection, QualificationsSection],
  templateUrl: './ambassador-overview.html',
})
export class AmbassadorOverview {
  /** Query parameter: narrow to one unit. */
  readonly unitId = input<string>();
  private readonly api = inject(AmbassadorsApi);
  private readonly router = inject(Router);
  private readonly session = inject(Session);
  private readonly feedback = inject(Feedback);
  private readonly i18n = inject(I18n);
  protected readonly permissions = inject(Permissions);
  protected readonly problemKey = problemKey;

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

  protected chooseUnit(event: Event): void {
    const unitId = (event.target as HTMLSelectElement).value;
    void this.router.navigate([], { queryParams: { unitId: unitId || null }, replaceUrl: true });
  }

  /** Appointed or ended: the coverage changes with it. */
  protected appointmentChanged(appointment: AmbassadorAppointment): void {
    this.saved(`${appointment.person.name}: ${unitNames(appointment.units)}`);
    this.coverage.reload();
    this.coverageTotals.reload();
    this.appointments.reload();
    this.allUnits.reload();
  }

  protected qualified(qualification: AmbassadorQualification): void {
    this.saved(`${qualification.person.name}: ${qualification.module.title}`);
    this.qualifications.reload();
  }

  /** Confirms an appointment, ending or qualification: shown and announced (core/feedback.ts). */
  private saved(what: string): void {
    this.feedback.tell(this.i18n.t('ambassadors.saved', { what }));
  }
}
