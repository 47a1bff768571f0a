import { Component, ElementRef, computed, effect, inject, input, signal, viewChild } from '@angular/core';
import { ScrollRegion } from '../core/scroll-region';
import { ActivatedRoute, RouterLink, TitleStrategy } from '@angular/router';
import { EmploymentType, OrganisationTree, PersonSummary, UnitDetail, UnitSummary } from '@kunna/contracts';
import { remote } from '../core/remote';
import { Permissions } from '../core/permissions';
import { Problem, problemKey, problemOf } from '../core/problem';
import { KunnaTitleStrategy } from '../core/title-strategy';
import { DateFormatPipe } from '../i18n/format';
import { TranslatePipe } from '../i18n/i18n';
import { employmentKey } from '../i18n/labels';
import { OneTimeCodeSlip } from '../people/one-time-code-dialog';
import { PeopleApi } from '../people/people-api';
import { PersonForm, PersonFormValue } from '../people/person-form';
import { OrganisationApi } from './organisation-api';
import { UnitForm } from './unit-form';

/** One unit: its staff (substitutes marked), managers and ambassadors; managers add people and give sign-in codes. */
@Component({
  selector: 'k-unit-page',
  imports: [ScrollRegion, TranslatePipe, DateFormatPipe, RouterLink, PersonForm, UnitForm],
  templateUrl: './unit-page.html',
  styleUrl: './unit-page.css',
})
export class UnitPage {
  readonly unitId = input.required<string>();
  private readonly organisation = inject(OrganisationApi);
  private readonly people = inject(PeopleApi);
  protected readonly permissions = inject(Permissions);
  private readonly titles = inject(TitleStrategy) as KunnaTitleStrategy;
  protected readonly detail = remote<string, UnitDetail>({ params: this.unitId, load: (unitId) => this.organisation.unit(unitId) });
  protected readonly problemKey = problemKey;
  protected readonly employmentKey = employmentKey;
  protected readonly Substitute = EmploymentType.Substitute;
  protected readonly Hourly = EmploymentType.Hourly;

  /** Person pages are for managers, area managers, HR and administrators; ambassadors see the names here. */
  protected readonly canOpenPeople = computed(() => {
    const unit = this.detail.value()?.unit;
    return unit ? this.permissions.seesPeopleOf(unit.id, unit.areaId) : false;
  });
  protected readonly canAdd = computed(() => {
    const unit = this.detail.value()?.unit;
    return unit ? this.permissions.addsTo(unit.id) : false;
  });
  protected readonly canIssueCodes = computed(() => {
    const unit = this.detail.value()?.unit;
    return unit ? this.permissions.issuesCodesIn(unit.id) : false;
  });
  protected readonly substitutes = computed(
    () => this.detail.value()?.staff.filter((person) => person.employmentType !== EmploymentType.Permanent).length ?? 0,
  );
  protected readonly withoutAccount = computed(() => this.detail.value()?.staff.filter((person) => !person.hasAccount).length ?? 0);

  protected readonly adding = signal(false);
  protected readonly addBusy = signal(false);
  protected readonly addProblem = signal<Problem | null>(null);
  protected readonly added = signal<string | null>(null);
  private readonly addHeading = viewChild<ElementRef<HTMLElement>>('addHeading');

  /** Administrators change the unit's name, code or area. */
  /** The areas to move the unit to: loaded the first time the unit form opens. */
  private readonly wantsTree = signal(false);
  protected readonly tree = remote<true, OrganisationTree>({ params: () => this.wantsTree() || undefined, load: () => this.organisation.tree() });
  protected readonly editingUnit = signal(false);
  protected readonly unitSaved = signal(false);

  private readonly codeSlip = inject(OneTimeCodeSlip);
  protected readonly codeProblem = signal<Problem | null>(null);
  protected readonly codeBusy = signal<string | null>(null);

  constructor() {
    effect(() => this.titles.setDetail(this.detail.value()?.unit.name ?? null));
    // `#lagg-till` from the start page opens the form at once.
    const fragment = inject(ActivatedRoute).snapshot.fragment;
    if (fragment === 'lagg-till') this.adding.set(true);
  }

  protected editUnit(): void {
    this.unitSaved.set(false);
    this.editingUnit.set(true);
    this.wantsTree.set(true);
  }

  protected unitChanged(_unit: UnitSummary): void {
    this.editingUnit.set(false);
    this.detail.reload();
    this.unitSaved.set(true);
  }

  protected openAdd(): void {
    this.added.set(null);
    this.addProblem.set(null);
    this.adding.set(true);
  }

  protected async add(value: PersonFormValue): Promise<void> {
    this.addBusy.set(true);
    this.addProblem.set(null);
    try {
      const person = await this.people.create({
        firstName: value.firstName.trim(),
        lastName: value.lastName.trim(),
        employeeNumber: value.employeeNumber.trim(),
        email: value.email.trim() || null,
        roleTitle: value.roleTitle.trim(),
        employmentType: value.employmentType,
        startDate: value.startDate,
        gender: value.gender || null,
        // A new person's form offers Swedish and English only (the person may choose another themselves).
        preferredLanguage: value.preferredLanguage === 'en' ? 'en' : 'sv',
        unitId: this.unitId(),
      });
      this.adding.set(false);
      this.added.set(`${person.firstName} ${person.lastName}`);
      this.detail.reload();
      this.addHeading()?.nativeElement.focus();
    } catch (error) {
      this.addProblem.set(problemOf(error));
    } finally {
      this.addBusy.set(false);
    }
  }

  protected async issueCode(person: PersonSummary): Promise<void> {
    this.codeBusy.set(person.id);
    this.codeProblem.set(null);
    try {
      const credential = await this.people.issueCode(person.id, { purpose: person.hasAccount ? 'password_reset' : 'first_sign_in' });
      this.codeBusy.set(null);
      await this.codeSlip.show({ credential, personName: `${person.firstName} ${person.lastName}`, employeeNumber: person.employeeNumber ?? null });
    } catch (error) {
      this.codeProblem.set(problemOf(error));
    } finally {
      this.codeBusy.set(null);
    }
  }
}
