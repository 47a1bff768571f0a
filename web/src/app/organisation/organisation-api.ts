import { Injectable, inject } from '@angular/core';
import {
  ApiRoutes,
  AreaNode,
  CreateAreaRequest,
  CreateUnitRequest,
  NetworkOrganisation,
  OrganisationTree,
  UnitDetail,
  UnitSummary,
  UpdateAreaRequest,
  UpdateUnitRequest,
} from '@kunna/contracts';
import { ApiClient } from '../core/api-client';

/** The organisation tree, unit pages and the network overview (the API narrows reads to the caller's scopes); areas and units for administrators. */
@Injectable({ providedIn: 'root' })
export class OrganisationApi {
  private readonly client = inject(ApiClient);

  tree(): Promise<OrganisationTree> {
    return this.client.call('GET', ApiRoutes.organisation.tree);
  }

  unit(unitId: string): Promise<UnitDetail> {
    return this.client.call('GET', ApiRoutes.organisation.unit, { params: { unitId } });
  }

  networkOrganisations(): Promise<NetworkOrganisation[]> {
    return this.client.call('GET', ApiRoutes.organisation.networkOrganisations);
  }

  createArea(request: CreateAreaRequest): Promise<AreaNode> {
    return this.client.call('POST', ApiRoutes.organisation.areas, { body: request });
  }

  updateArea(areaId: string, request: UpdateAreaRequest): Promise<AreaNode> {
    return this.client.call('PATCH', ApiRoutes.organisation.area, { params: { areaId }, body: request });
  }

  createUnit(request: CreateUnitRequest): Promise<UnitSummary> {
    return this.client.call('POST', ApiRoutes.organisation.units, { body: request });
  }

  updateUnit(unitId: string, request: UpdateUnitRequest): Promise<UnitSummary> {
    return this.client.call('PATCH', ApiRoutes.organisation.unit, { params: { unitId }, body: request });
  }
}
