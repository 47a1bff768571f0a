import { Component, computed, inject, linkedSignal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ACTIVITY_CATEGORIES, ActivityCategory, CatchUpOverview, OrganisationTree, ParticipationReport, PersonParticipation } from '@kunna/contracts';
import { remote, remoteOnce } from '../core/remote';
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
  styles: `
    .table-wrap {
      overflow-x: auto;
    }
    td.num,
    th.num {
      text-align: right;
    }
    .cards li {
      margin-bottom: 0.75rem;
    }
  `,
})
export class FollowUpPage {
  private readonly api = inject(SessionsApi);
  private readonly organisation = inject(OrganisationApi);
  private readonly permissions = inject(Permissions);
  protected readonly problemKey = problemKey;
  protected readonly categoryKey = categoryKey;
  protected readonly tree = remoteOnce<OrganisationTree>(() => this.organisation.tree());
  protected readonly units = computed(() => (this.tree.value()?.areas ?? []).flatMap((area) => area.units));
  /** The chosen unit; until someone chooses, the first of the caller's own units (or the first unit) once the tree is here. */
  protected readonly unitId = linkedSignal<OrganisationTree['areas'][number]['units'], string | null>({
    source: this.units,
    computation: (units, previous) => {
      if (previous?.value) return previous.value;
      const own = [...this.permissions.ambassadorUnitIds(), ...this.permissions.managedUnitIds()];
      return units.find((unit) => own.includes(unit.id))?.id ?? units[0]?.id ?? null;
    },
  });
  protected readonly catchUp = remote<string, CatchUpOverview>({ params: () => this.unitId() ?? undefined, load: (unitId) => this.api.catchUp(unitId) });
  protected readonly hours = remote<string, ParticipationReport>({
    params: () => this.unitId() ?? undefined,
    load: (unitId) => this.api.participation(unitId),
  });
  /** Only the categories someone has hours in, so the table stays narrow on a tablet. */
  protected readonly usedCategories = computed<ActivityCategory[]>(() =>
    ACTIVITY_CATEGORIES.filter((category) => (this.hours.value()?.byCategory ?? []).some((row) => row.category === category && row.minutes > 0)),
  );
  /** Names of the people in the missed list, for a proposal's invitees. */
  protected readonly names = computed(() => new Map((this.catchUp.value()?.missed ?? []).map((entry) => [entry.person.id, entry.person.name])));

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
    return personIds
      .map((id) => this.names().get(id) ?? '')
      .filter(Boolean)
      .join(', ');
  }
}
