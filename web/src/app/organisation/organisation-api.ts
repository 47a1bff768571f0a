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
  routePath,
} from '@kunna/contracts';
import { ApiClient } from '../core/api-client';

/** The organisation tree, unit pages and the network overview (the API narrows reads to the caller's scopes); areas and units for administrators. */
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

  createArea(request: CreateAreaRequest): Promise<AreaNode> {
    return this.client.post<AreaNode>(ApiRoutes.organisation.areas, request);
  }

  updateArea(areaId: string, request: UpdateAreaRequest): Promise<AreaNode> {
    return this.client.patch<AreaNode>(routePath(ApiRoutes.organisation.area, { areaId }), request);
  }

  createUnit(request: CreateUnitRequest): Promise<UnitSummary> {
    return this.client.post<UnitSummary>(ApiRoutes.organisation.units, request);
  }

  updateUnit(unitId: string, request: UpdateUnitRequest): Promise<UnitSummary> {
    return this.client.patch<UnitSummary>(routePath(ApiRoutes.organisation.unit, { unitId }), request);
  }
}
