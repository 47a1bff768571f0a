import { Component, computed, inject, ChangeDetectionStrategy } from '@angular/core';
import { ScrollRegion } from '../core/scroll-region';
import { RouterLink } from '@angular/router';
import { AreaNode, Membership, NetworkOrganisation, OrganisationTree, UnitSummary } from '@kunna/contracts';
import { CoverageAlert } from '../ambassadors/coverage-alert';
import { Loader } from '../core/loader';
import { Permissions, today } from '../core/permissions';
import { problemKey } from '../core/problem';
import { Session } from '../core/session';
import { NumberFormatPipe } from '../i18n/format';
import { TranslatePipe } from '../i18n/i18n';
import { organisationKindKey } from '../i18n/labels';
import { OrganisationApi } from '../organisation/organisation-api';
import { PeopleApi } from '../people/people-api';

interface AreaOverview {
  area: AreaNode;
  staff: number;
}

/** The start page: one section per role the person holds, built from what the API lets them see. */
@Component({
  selector: 'k-home',
  imports: [ScrollRegion, TranslatePipe, RouterLink, NumberFormatPipe, CoverageAlert],
  templateUrl: './home.html',
  changeDetection: ChangeDetectionStrategy.Eager,
  styleUrl: './home.css',
})
export class Home {
  protected readonly session = inject(Session);
  protected readonly permissions = inject(Permissions);
  protected readonly problemKey = problemKey;
  protected readonly organisationKindKey = organisationKindKey;
  protected readonly memberships = new Loader<Membership[]>();
  protected readonly currentMemberships = computed(() => this.memberships.value() ?? []);
  protected readonly tree = new Loader<OrganisationTree>();
  protected readonly network = new Loader<NetworkOrganisation[]>();

  private readonly units = computed(() => this.tree.value()?.areas.flatMap((area) => area.units) ?? []);
  protected readonly ambassadorUnits = computed(() => this.unitsIn(this.permissions.ambassadorUnitIds()));
  protected readonly managedUnits = computed(() => this.unitsIn(this.permissions.managedUnitIds()));
  protected readonly managedAreas = computed<AreaOverview[]>(() => {
    const ids = this.permissions.managedAreaIds();
    return (this.tree.value()?.areas ?? [])
      .filter((area) => ids.includes(area.id))
      .map((area) => ({ area, staff: area.staffCount }));
  });
  protected readonly organisationTotals = computed(() => {
    const tree = this.tree.value();
    if (!tree) return null;
    // Each person once (the API counts), never the sum of the units: someone may work in two.
    return { areas: tree.areas.length, units: this.units().length, staff: tree.staffCount };
  });
  protected readonly areaName = computed(() => {
    const names = new Map<string, string>();
    for (const area of this.tree.value()?.areas ?? []) names.set(area.id, area.name);
    return names;
  });

  constructor() {
    const user = this.session.user();
    const people = inject(PeopleApi);
    const organisation = inject(OrganisationApi);
    if (user) {
      void this.memberships.run(async () => {
        const day = today();
        const person = await people.get(user.personId);
        return person.memberships.filter((membership) => membership.startDate <= day && (membership.endDate === null || membership.endDate >= day));
      });
    }
    if (this.permissions.seesTree()) void this.tree.run(() => organisation.tree());
    if (this.permissions.isCoordinator()) void this.network.run(() => organisation.networkOrganisations());
  }

  protected staffIn(area: AreaNode): number {
    return area.staffCount;
  }

  private unitsIn(ids: string[]): UnitSummary[] {
    return this.units().filter((unit) => ids.includes(unit.id));
  }
}
