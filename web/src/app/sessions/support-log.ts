import { Component, computed, inject, linkedSignal, signal, ChangeDetectionStrategy } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ModuleSummary, OrganisationTree, SupportEntry, UnitDetail } from '@kunna/contracts';
import { Feedback } from '../core/feedback';
import { remote, remoteOnce } from '../core/remote';
import { Permissions } from '../core/permissions';
import { fieldMessage, Problem, problemKey, problemOf } from '../core/problem';
import { Session } from '../core/session';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { OrganisationApi } from '../organisation/organisation-api';
import { newMarkId } from './pending-marks';
import { localDate } from './schedule-form';
import { SessionsApi } from './sessions-api';
import { DateInput } from '../i18n/date-input';

/**
 * Individual support (enskilt stöd): an ambassador logs 1:1 support for someone on their unit, and sees the support
 * they have logged. Notes are shown by the API only to the supported person and the unit's ambassadors.
 */
@Component({
  selector: 'k-support-log',
  imports: [TranslatePipe, RouterLink, DateInput],
  templateUrl: './support-log.html',
  changeDetection: ChangeDetectionStrategy.Eager,
  styles: `
    .form {
      max-width: 40rem;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
    }
    .row .field {
      flex: 1 1 9rem;
    }
    .entries li {
      margin-bottom: 0.75rem;
    }
    .notes {
      white-space: pre-wrap;
    }
  `,
})
export class SupportLog {
  private readonly api = inject(SessionsApi);
  private readonly organisation = inject(OrganisationApi);
  private readonly permissions = inject(Permissions);
  private readonly session = inject(Session);
  private readonly i18n = inject(I18n);
  private readonly feedback = inject(Feedback);
  protected readonly fieldMessage = fieldMessage;
  protected readonly problemKey = problemKey;
  protected readonly tree = remoteOnce<OrganisationTree>(() => this.organisation.tree());
  protected readonly modules = remoteOnce<ModuleSummary[]>(() => this.api.modules());
  protected readonly units = computed(() => {
    const own = this.permissions.ambassadorUnitIds();
    return (this.tree.value()?.areas ?? []).flatMap((area) => area.units).filter((unit) => this.permissions.organisationWide() || own.includes(unit.id));
  });
  protected readonly people = computed(() =>
    (this.unitDetail.value()?.staff ?? [])
      .filter((person) => person.active && person.id !== this.session.user()?.personId)
      .map((person) => ({ id: person.id, name: `${person.firstName} ${person.lastName}` })),
  );
  protected readonly usable = computed(() => (this.modules.value() ?? []).filter((module) => module.latestPublished && !module.archived));
  /** The support the signed-in ambassador logged, newest first. */
  protected readonly mine = computed(() => (this.entries.value() ?? []).filter((entry) => entry.ambassador.id === this.session.user()?.personId));

  /** The chosen unit; the first one the caller logs support in until someone chooses. */
  protected readonly unitId = linkedSignal<string[], string>({
    source: () => this.units().map((unit) => unit.id),
    computation: (ids, previous) => previous?.value || ids[0] || '',
  });
  /** Who was supported: chosen again in another unit. */
  protected readonly personId = linkedSignal<string, string>({ source: this.unitId, computation: () => '' });
  protected readonly unitDetail = remote<string, UnitDetail>({ params: () => this.unitId() || undefined, load: (unitId) => this.organisation.unit(unitId) });
  protected readonly entries = remote<string, SupportEntry[]>({ params: () => this.unitId() || undefined, load: (unitId) => this.api.support({ unitId }) });
  protected readonly date = signal(localDate(new Date()));
  protected readonly minutes = signal<number | string>(20);
  protected readonly topic = signal('');
  protected readonly moduleId = signal('');
  protected readonly notes = signal('');
  protected readonly problem = signal<Problem | null>(null);
  protected readonly busy = signal(false);
  private requestId = newMarkId();

  protected async save(): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      const entry = await this.api.logSupport({
        id: this.requestId,
        unitId: this.unitId(),
        personId: this.personId(),
        date: this.date(),
        minutes: Number(this.minutes()),
        topic: this.topic(),
        moduleId: this.moduleId() || null,
        notes: this.notes().trim() || null,
      });
      this.requestId = newMarkId();
      this.entries.update((all) => [entry, ...(all ?? []).filter((other) => other.id !== entry.id)]);
      this.topic.set('');
      this.notes.set('');
      this.feedback.tell(this.i18n.t('sessionsPlan.supportSaved', { name: entry.person.name }));
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
