import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoutes, AreaNode, NetworkOrganisation, OrganisationTree, UnitDetail, UnitSummary } from '@kunna/contracts';
import { type Caller, CallerParam, Permit } from '../auth';
import { CreateAreaDto, CreateUnitDto, UpdateAreaDto, UpdateUnitDto } from './dto/organisation.dto';
import { OrganisationService } from './organisation.service';

@ApiTags('organisation')
@Controller()
export class OrganisationController {
  constructor(private readonly organisation: OrganisationService) {}

  /** Narrowed to the caller's scopes; staff-only callers and coordinators without an organisation role get 403. */
  @Permit('organisation.tree')
  @Get(ApiRoutes.organisation.tree)
  tree(@CallerParam() caller: Caller): Promise<OrganisationTree> {
    return this.organisation.tree(caller);
  }

  @Permit('organisation.networkOrganisations')
  @Get(ApiRoutes.organisation.networkOrganisations)
  networkOrganisations(@CallerParam() caller: Caller): Promise<NetworkOrganisation[]> {
    return this.organisation.networkOrganisations(caller);
  }

  @Permit('organisation.unit', { unit: 'unitId' })
  @Get(ApiRoutes.organisation.unit)
  unit(@CallerParam() caller: Caller, @Param('unitId') unitId: string): Promise<UnitDetail> {
    return this.organisation.unitDetail(caller, unitId);
  }

  @Permit('organisation.createArea')
  @Post(ApiRoutes.organisation.areas)
  createArea(@CallerParam() caller: Caller, @Body() body: CreateAreaDto): Promise<AreaNode> {
    return this.organisation.createArea(caller, body);
  }

  @Permit('organisation.updateArea', { area: 'areaId' })
  @Patch(ApiRoutes.organisation.area)
  updateArea(@CallerParam() caller: Caller, @Param('areaId') areaId: string, @Body() body: UpdateAreaDto): Promise<AreaNode> {
    return this.organisation.updateArea(caller, areaId, body);
  }

  @Permit('organisation.createUnit', { area: 'body.areaId' })
  @Post(ApiRoutes.organisation.units)
  createUnit(@CallerParam() caller: Caller, @Body() body: CreateUnitDto): Promise<UnitSummary> {
    return this.organisation.createUnit(caller, body);
  }

  @Permit('organisation.updateUnit', { unit: 'unitId' })
  @Patch(ApiRoutes.organisation.unit)
  updateUnit(@CallerParam() caller: Caller, @Param('unitId') unitId: string, @Body() body: UpdateUnitDto): Promise<UnitSummary> {
    return this.organisation.updateUnit(caller, unitId, body);
  }
}
