import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoutes, NetworkComparison } from '@kunna/contracts';
import { Access, ANY, type Caller, CallerParam } from '../auth';
import { PeriodQueryDto } from './dto/insights.dto';
import { NETWORK_ROLES } from './insights-policy';
import { NetworkService } from './network.service';

@ApiTags('insights')
@Controller()
export class NetworkController {
  constructor(private readonly network: NetworkService) {}

  /** Scope: the coordinator's network; aggregates per organisation only. */
  @Access({ roles: NETWORK_ROLES, target: ANY })
  @Get(ApiRoutes.insights.networkComparison)
  comparison(@CallerParam() caller: Caller, @Query() query: PeriodQueryDto): Promise<NetworkComparison> {
    return this.network.comparison(caller, query);
  }
}
