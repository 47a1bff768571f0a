import { Component, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { AmbassadorQualification, PersonRef } from '@kunna/contracts';
import { Permissions, today } from '../core/permissions';
import { Problem, problemKey, problemOf } from '../core/problem';
import { DateInput } from '../i18n/date-input';
import { DateFormatPipe } from '../i18n/format';
import { TranslatePipe } from '../i18n/i18n';
import { qualificationSourceKey, qualificationStatusKey } from '../library/library-labels';
import { AmbassadorsApi } from './ambassadors-api';
import { QualificationForm } from './qualification-form';
import { RENEWAL_DUE_DAYS, addDays, renewalDue } from './renewal';

/**
 * Qualifications per ambassador, valid first, with those due for renewal called out. HR and administrators qualify
 * ambassadors here and renew a qualification that runs out.
 */
@Component({
  selector: 'k-qualifications-section',
  imports: [TranslatePipe, RouterLink, FormsModule, DateFormatPipe, DateInput, QualificationForm],
  templateUrl: './qualifications-section.html',
  styleUrl: './ambassadors.css',
})
export class QualificationsSection {
  readonly qualifications = input<AmbassadorQualification[]>();
  readonly loading = input(false);
  /** The ambassadors with an appointment the caller sees: whom a qualification can be given. */
  readonly people = input.required<PersonRef[]>();
  readonly qualified = output<AmbassadorQualification>();
  /** The new qualification that renews one. */
  readonly renewedOne = output<AmbassadorQualification>();
  private readonly api = inject(AmbassadorsApi);
  protected readonly permissions = inject(Permissions);
  protected readonly problemKey = problemKey;
  protected readonly qualificationStatusKey = qualificationStatusKey;
  protected readonly qualificationSourceKey = qualificationSourceKey;
  protected readonly renewalDays = RENEWAL_DUE_DAYS;
  private readonly today = today();

  /** Qualifications that a later one renews (the renewal starts when they end). */
  protected readonly renewedIds = computed(
    () => new Set((this.qualifications() ?? []).map((qualification) => qualification.renewsId).filter((id): id is string => id !== null)),
  );
  protected readonly due = computed(() => (this.qualifications() ?? []).filter((qualification) => renewalDue(qualification, this.today, this.renewedIds())));
  /** Qualifications grouped per ambassador, valid first. */
  protected readonly byPerson = computed(() => {
    const groups = new Map<string, { name: string; personId: string; items: AmbassadorQualification[] }>();
    for (const qualification of this.qualifications() ?? []) {
      const group = groups.get(qualification.person.id) ?? { name: qualification.person.name, personId: qualification.person.id, items: [] };
      group.items.push(qualification);
      groups.set(qualification.person.id, group);
    }
    return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  });

  // Renewal (HR and administrators).
  protected readonly renewing = signal<string | null>(null);
  protected readonly renewUntil = signal('');
  protected readonly renewBusy = signal(false);
  protected readonly renewProblem = signal<Problem | null>(null);
  protected readonly renewed = signal<string | null>(null);

  protected renewalDue(qualification: AmbassadorQualification): boolean {
    return renewalDue(qualification, this.today, this.renewedIds());
  }

  protected startRenew(qualification: AmbassadorQualification): void {
    this.renewing.set(qualification.id);
    this.renewUntil.set(addDays(qualification.validUntil ?? this.today, 365));
    this.renewProblem.set(null);
    this.renewed.set(null);
  }

  protected async renew(qualification: AmbassadorQualification): Promise<void> {
    this.renewBusy.set(true);
    this.renewProblem.set(null);
    try {
      const renewed = await this.api.renew(qualification.id, { validUntil: this.renewUntil() || null });
      this.renewing.set(null);
      this.renewed.set(`${renewed.person.name}: ${renewed.module.title}`);
      this.renewedOne.emit(renewed);
    } catch (error) {
      this.renewProblem.set(problemOf(error));
    } finally {
      this.renewBusy.set(false);
    }
  }
}
