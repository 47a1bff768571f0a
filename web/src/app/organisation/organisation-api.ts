import { Injectable, inject } from '@angular/core';
import { ApiRoutes, NetworkOrganisation, OrganisationTree, UnitDetail, routePath } from '@kunna/contracts';
import { ApiClient } from '../core/api-client';

/** The organisation tree, unit pages and the network overview (GET only; the API narrows to the caller's scopes). */
@Injectable({ providedIn: 'root' })
export class OrganisationApi {
  private readonly client = inject(ApiClient);

  tree(): Promise<OrganisationTree> {
    return this.client.get<OrganisationTree>(ApiRoutes.organisation.tree);
  }

  unit(unitId: string): Promise<UnitDetail> {
    return this.client.get<UnitDetail>(routePath(ApiRoutes.organisation.unit, { unitId }));
  }

  networkOrganisations(): Promise<NetworkOrganisation[]> {
    return this.client.get<NetworkOrganisation[]>(ApiRoutes.organisation.networkOrganisations);
  }
}
