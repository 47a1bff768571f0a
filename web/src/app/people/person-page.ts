import { Component, ElementRef, computed, effect, inject, input, linkedSignal, signal, viewChild } from '@angular/core';
import { ScrollRegion } from '../core/scroll-region';
import { RouterLink, TitleStrategy } from '@angular/router';
import { OneTimeCodePurpose, OrganisationTree, PersonDetail, PSEUDONYM_PREFIX, STAFF_LANGUAGE_NAMES } from '@kunna/contracts';
import { AccountActions } from '../admin/account-actions';
import { PersonRoles } from '../admin/person-roles';
import { Permissions, today } from '../core/permissions';
import { Problem, problemKey, problemOf } from '../core/problem';
import { remote } from '../core/remote';
import { Session } from '../core/session';
import { KunnaTitleStrategy } from '../core/title-strategy';
import { DateFormatPipe } from '../i18n/format';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { employmentKey, genderKey } from '../i18n/labels';
import { OrganisationApi } from '../organisation/organisation-api';
import { PseudonymiseAction } from '../personal-data/pseudonymise-action';
import { EndEmployment } from './end-employment';
import { MovePerson } from './move-person';
import { OneTimeCodeSlip } from './one-time-code-dialog';
import { PeopleApi } from './people-api';
import { PersonForm, PersonFormValue, personFormValue } from './person-form';
import { unitGroups } from './unit-options';

type Panel = 'edit' | 'move' | 'end' | null;

/** One person: profile, unit history and roles; managers, HR and administrators change what they may. */
@Component({
  selector: 'k-person-page',
  imports: [ScrollRegion, RouterLink, TranslatePipe, DateFormatPipe, PersonForm, MovePerson, EndEmployment, PersonRoles, AccountActions, PseudonymiseAction],
  templateUrl: './person-page.html',
  styleUrl: './person-page.css',
})
export class PersonPage {
  protected readonly languageNames = STAFF_LANGUAGE_NAMES;
  readonly personId = input.required<string>();
  private readonly people = inject(PeopleApi);
  private readonly organisation = inject(OrganisationApi);
  private readonly i18n = inject(I18n);
  private readonly session = inject(Session);
  protected readonly permissions = inject(Permissions);
  private readonly titles = inject(TitleStrategy) as KunnaTitleStrategy;
  protected readonly person = remote<string, PersonDetail>({ params: this.personId, load: (personId) => this.people.get(personId) });
  /** Units to move the person to and to give roles in, for those who see the organisation. */
  protected readonly tree = remote<true, OrganisationTree>({
    params: () => (this.permissions.seesTree() ? true : undefined),
    load: () => this.organisation.tree(),
  });
  protected readonly problemKey = problemKey;
  protected readonly employmentKey = employmentKey;
  protected readonly genderKey = genderKey;
  protected readonly today = today();

  /** The open panel and the last result are of one person: another person's page starts with neither. */
  protected readonly panel = linkedSignal<string, Panel>({ source: this.personId, computation: () => null });
  protected readonly saveBusy = signal(false);
  protected readonly saveProblem = signal<Problem | null>(null);
  protected readonly message = linkedSignal<string, string | null>({ source: this.personId, computation: () => null });
  /** Said once the page shows the change (the history after a move), not while the person reloads. */
  protected readonly shownMessage = computed(() => (this.person.loading() ? null : this.message()));
  private readonly statusLine = viewChild<ElementRef<HTMLElement>>('statusLine');

  private readonly codeSlip = inject(OneTimeCodeSlip);
  protected readonly codeBusy = signal(false);
  protected readonly codeProblem = signal<Problem | null>(null);

  protected readonly isSelf = computed(() => this.session.user()?.personId === this.personId());
  /** A pseudonymised person keeps only the pseudonym as name (api/src/personal-data). */
  protected readonly isPseudonymised = computed(() => this.person.value()?.firstName === PSEUDONYM_PREFIX);
  protected readonly fullName = computed(() => {
    const person = this.person.value();
    return person ? `${person.firstName} ${person.lastName}` : '';
  });
  /** HR, administrators, and managers of the person's unit when the person's roles stay inside the manager's units. */
  protected readonly canChange = computed(() => {
    const person = this.person.value();
    return person ? this.permissions.changes(person) : false;
  });
  protected readonly canIssueCode = computed(() => {
    const person = this.person.value();
    return person ? this.permissions.issuesCodeFor(person) : false;
  });
  protected readonly active = computed(() => this.person.value()?.active ?? false);
  protected readonly groups = computed(() => unitGroups(this.tree.value()?.areas ?? []));
  protected readonly history = computed(() => [...(this.person.value()?.memberships ?? [])].sort((a, b) => b.startDate.localeCompare(a.startDate)));

  constructor() {
    effect(() => this.titles.setDetail(this.fullName() || null));
  }

  protected open(panel: Panel): void {
    this.saveProblem.set(null);
    this.message.set(null);
    this.panel.set(panel);
  }

  protected async save(value: PersonFormValue): Promise<void> {
    this.saveBusy.set(true);
    this.saveProblem.set(null);
    try {
      await this.people.update(this.personId(), {
        firstName: value.firstName.trim(),
        lastName: value.lastName.trim(),
        employeeNumber: value.employeeNumber.trim(),
        email: value.email.trim() || null,
        roleTitle: value.roleTitle.trim(),
        employmentType: value.employmentType,
        startDate: value.startDate,
        gender: value.gender || null,
        // HR sets Swedish or English; a staff language the person chose for themselves is kept as it is.
        ...(value.preferredLanguage === 'sv' || value.preferredLanguage === 'en' ? { preferredLanguage: value.preferredLanguage } : {}),
      });
      await this.done(this.i18n.t('person.saved'));
    } catch (error) {
      this.saveProblem.set(problemOf(error));
    } finally {
      this.saveBusy.set(false);
    }
  }

  protected moved(): Promise<void> {
    return this.done(this.i18n.t('person.move.done', { name: this.fullName() }));
  }

  protected ended(): Promise<void> {
    return this.done(this.i18n.t('person.end.done', { name: this.fullName() }));
  }

  /** After a change: reload, close the panel, announce the result and put focus on it. */
  protected async done(message: string): Promise<void> {
    this.panel.set(null);
    this.person.reload();
    if (this.isSelf()) await this.session.refresh();
    this.message.set(message);
    setTimeout(() => this.statusLine()?.nativeElement.focus(), 0);
  }

  protected async issueCode(purpose: OneTimeCodePurpose): Promise<void> {
    this.codeBusy.set(true);
    this.codeProblem.set(null);
    try {
      const credential = await this.people.issueCode(this.personId(), { purpose });
      this.codeBusy.set(false);
      await this.codeSlip.show({ credential, personName: this.fullName(), employeeNumber: this.person.value()?.employeeNumber ?? null });
    } catch (error) {
      this.codeProblem.set(problemOf(error));
    } finally {
      this.codeBusy.set(false);
    }
  }

  protected formValue(person: PersonDetail): PersonFormValue {
    return personFormValue(person);
  }
}
