import { Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AreaNode, Membership, NetworkOrganisation, OrganisationTree, TodayOverview, TodayUnitAttention } from '@kunna/contracts';
import { CoverageAlert } from '../ambassadors/coverage-alert';
import { remote } from '../core/remote';
import { Permissions, today } from '../core/permissions';
import { problemKey } from '../core/problem';
import { Session } from '../core/session';
import { NumberFormatPipe } from '../i18n/format';
import { TranslatePipe } from '../i18n/i18n';
import { organisationKindKey } from '../i18n/labels';
import { OrganisationApi } from '../organisation/organisation-api';
import { PeopleApi } from '../people/people-api';
import { AmbassadorToday } from './ambassador-today';
import { MineToday } from './mine-today';
import { OrganisationToday } from './organisation-today';
import { UnitAttention } from './unit-attention';
import { TodayApi } from './today-api';

interface AreaAttention {
  area: AreaNode;
  units: TodayUnitAttention[];
}

/** The start page: what to do now, one section per role the person holds, built from `GET /api/today`. */
@Component({
  selector: 'k-home',
  imports: [TranslatePipe, RouterLink, NumberFormatPipe, CoverageAlert, MineToday, AmbassadorToday, UnitAttention, OrganisationToday],
  templateUrl: './home.html',
  styleUrl: './home.css',
})
export class Home {
  protected readonly session = inject(Session);
  protected readonly permissions = inject(Permissions);
  protected readonly problemKey = problemKey;
  protected readonly organisationKindKey = organisationKindKey;
  private readonly people = inject(PeopleApi);
  private readonly organisation = inject(OrganisationApi);
  private readonly todayApi = inject(TodayApi);
  protected readonly overview = remote<true, TodayOverview>({ params: () => (this.session.user() ? true : undefined), load: () => this.todayApi.overview() });
  /** The person's memberships that hold today. */
  protected readonly memberships = remote<string, Membership[]>({
    params: () => this.session.user()?.personId,
    load: async (personId) => {
      const day = today();
      const person = await this.people.get(personId);
      return person.memberships.filter((membership) => membership.startDate <= day && (membership.endDate === null || membership.endDate >= day));
    },
  });
  protected readonly currentMemberships = computed(() => this.memberships.value() ?? []);
  /** Only area managers see areas here; coordinators the network. */
  protected readonly tree = remote<true, OrganisationTree>({
    params: () => (this.permissions.managedAreaIds().length ? true : undefined),
    load: () => this.organisation.tree(),
  });
  protected readonly network = remote<true, NetworkOrganisation[]>({
    params: () => (this.permissions.isCoordinator() ? true : undefined),
    load: () => this.organisation.networkOrganisations(),
  });

  /** Units the person manages directly, with what needs attention there. */
  protected readonly managedUnits = computed(() => {
    const managed = this.permissions.managedUnitIds();
    return (this.overview.value()?.manager?.units ?? []).filter((unit) => managed.includes(unit.unit.id));
  });
  /** An area manager's areas, each with its units' attention (area names from the tree). */
  protected readonly managedAreas = computed<AreaAttention[]>(() => {
    const ids = this.permissions.managedAreaIds();
    const units = this.overview.value()?.manager?.units ?? [];
    return (this.tree.value()?.areas ?? [])
      .filter((area) => ids.includes(area.id))
      .map((area) => ({ area, units: units.filter((unit) => unit.areaId === area.id) }));
  });
}
