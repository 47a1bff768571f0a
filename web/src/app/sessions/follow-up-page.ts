import { Component, computed, effect, inject, signal, untracked, ChangeDetectionStrategy } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ACTIVITY_CATEGORIES, ActivityCategory, CatchUpOverview, OrganisationTree, ParticipationReport, PersonParticipation } from '@kunna/contracts';
import { Loader } from '../core/loader';
import { Permissions } from '../core/permissions';
import { problemKey } from '../core/problem';
import { TranslatePipe } from '../i18n/i18n';
import { OrganisationApi } from '../organisation/organisation-api';
import { categoryKey } from './session-labels';
import { SessionsApi } from './sessions-api';

/**
 * A unit's follow-up: who missed a session of an assigned program (one proposed catch-up session per module, scheduled
 * in one step with those people invited), follow-ups due for modules with a repeat interval, and participation hours
 * per person and activity category.
 */
@Component({
  selector: 'k-follow-up-page',
  imports: [TranslatePipe, RouterLink],
  templateUrl: './follow-up-page.html',
  changeDetection: ChangeDetectionStrategy.Eager,
  styles: `
    .table-wrap { overflow-x: auto; }
    td.num, th.num { text-align: right; }
    .cards li { margin-bottom: 0.75rem; }
  `,
})
export class FollowUpPage {
  private readonly api = inject(SessionsApi);
  private readonly organisation = inject(OrganisationApi);
  private readonly permissions = inject(Permissions);
  protected readonly problemKey = problemKey;
  protected readonly categoryKey = categoryKey;
  protected readonly tree = new Loader<OrganisationTree>();
  protected readonly catchUp = new Loader<CatchUpOverview>();
  protected readonly hours = new Loader<ParticipationReport>();
  protected readonly unitId = signal<string | null>(null);
  protected readonly units = computed(() => (this.tree.value()?.areas ?? []).flatMap((area) => area.units));
  /** Only the categories someone has hours in, so the table stays narrow on a tablet. */
  protected readonly usedCategories = computed<ActivityCategory[]>(() =>
    ACTIVITY_CATEGORIES.filter((category) => (this.hours.value()?.byCategory ?? []).some((row) => row.category === category && row.minutes > 0)),
  );
  /** Names of the people in the missed list, for a proposal's invitees. */
  protected readonly names = computed(() => new Map((this.catchUp.value()?.missed ?? []).map((entry) => [entry.person.id, entry.person.name])));

  constructor() {
    void this.tree.run(() => this.organisation.tree());
    effect(() => {
      const units = this.units();
      if (this.unitId() === null && units.length > 0) {
        const own = [...this.permissions.ambassadorUnitIds(), ...this.permissions.managedUnitIds()];
        this.unitId.set(units.find((unit) => own.includes(unit.id))?.id ?? units[0].id);
      }
    });
    effect(() => {
      const unitId = this.unitId();
      if (!unitId) return;
      untracked(() => {
        void this.catchUp.run(() => this.api.catchUp(unitId));
        void this.hours.run(() => this.api.participation(unitId));
      });
    });
  }

  protected hoursIn(person: PersonParticipation, category: ActivityCategory): string {
    const minutes = person.byCategory.find((row) => row.category === category)?.minutes ?? 0;
    return this.formatHours(minutes);
  }

  protected categoryTotal(report: ParticipationReport, category: ActivityCategory): number {
    return report.byCategory.find((row) => row.category === category)?.minutes ?? 0;
  }

  protected formatHours(minutes: number): string {
    return (minutes / 60).toFixed(1);
  }

  protected inviteeNames(personIds: string[]): string {
    return personIds.map((id) => this.names().get(id) ?? '').filter(Boolean).join(', ');
  }
}
