import { Component, OnInit, input, output, ChangeDetectionStrategy } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { EmploymentType, Gender, PersonDetail, ROLE_TITLES, STAFF_LANGUAGE_NAMES, StaffLanguage } from '@kunna/contracts';
import { today } from '../core/permissions';
import { Problem, fieldMessage } from '../core/problem';
import { TranslatePipe } from '../i18n/i18n';
import { employmentKey, genderKey } from '../i18n/labels';
import { DateInput } from '../i18n/date-input';

/** The editable fields of a person, as the form holds them (empty strings for "not given"). */
export interface PersonFormValue {
  firstName: string;
  lastName: string;
  employeeNumber: string;
  email: string;
  roleTitle: string;
  employmentType: EmploymentType;
  startDate: string;
  gender: Gender | '';
  /** Swedish or English from HR, or a staff language the person chose for themselves (kept unless HR changes it). */
  preferredLanguage: StaffLanguage;
}

export function emptyPerson(): PersonFormValue {
  return {
    firstName: '',
    lastName: '',
    employeeNumber: '',
    email: '',
    roleTitle: '',
    employmentType: EmploymentType.Permanent,
    startDate: today(),
    gender: '',
    preferredLanguage: 'sv',
  };
}

export function personFormValue(person: PersonDetail): PersonFormValue {
  return {
    firstName: person.firstName,
    lastName: person.lastName,
    employeeNumber: person.employeeNumber,
    email: person.email ?? '',
    roleTitle: person.roleTitle,
    employmentType: person.employmentType,
    startDate: person.startDate,
    gender: person.gender ?? '',
    preferredLanguage: person.preferredLanguage,
  };
}

/** Create or edit a person. Required fields are checked here; the server's field errors are shown beside the fields. */
@Component({
  selector: 'k-person-form',
  imports: [FormsModule, TranslatePipe, DateInput],
  changeDetection: ChangeDetectionStrategy.Eager,
  templateUrl: './person-form.html',
})
export class PersonForm implements OnInit {
  protected readonly languageNames = STAFF_LANGUAGE_NAMES;
  /** Prefix for element ids, so two forms can share a page. */
  readonly idPrefix = input.required<string>();
  readonly initial = input<PersonFormValue>(emptyPerson());
  readonly problem = input<Problem | null>(null);
  readonly busy = input(false);
  readonly submitLabel = input.required<string>();
  readonly saved = output<PersonFormValue>();
  readonly cancelled = output<void>();

  protected value: PersonFormValue = emptyPerson();
  protected readonly missing = new Set<string>();
  protected readonly roleTitles = ROLE_TITLES;
  protected readonly employmentTypes = Object.values(EmploymentType);
  protected readonly genders = Object.values(Gender);
  protected readonly employmentKey = employmentKey;
  protected readonly genderKey = genderKey;

  ngOnInit(): void {
    this.value = { ...this.initial() };
  }

  protected id(name: string): string {
    return `${this.idPrefix()}-${name}`;
  }

  protected error(field: string): string | null {
    return fieldMessage(this.problem(), field);
  }

  protected submit(): void {
    this.missing.clear();
    for (const field of ['firstName', 'lastName', 'employeeNumber', 'roleTitle', 'startDate'] as const) {
      if (!this.value[field].trim()) this.missing.add(field);
    }
    if (this.missing.size) return;
    this.saved.emit({ ...this.value });
  }
}
