import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoutes, NetworkComparison, NetworkParticipation } from '@kunna/contracts';
import { type Caller, CallerParam, Permit } from '../../auth';
import { PeriodQueryDto } from '../shared/query.dto';
import { NetworkService } from './network.service';

@ApiTags('insights')
@Controller()
export class NetworkController {
  constructor(private readonly network: NetworkService) {}

  @Permit('insights.networkParticipation')
  @Get(ApiRoutes.insights.networkParticipation)
  networkParticipation(@CallerParam() caller: Caller, @Query() query: PeriodQueryDto): Promise<NetworkParticipation> {
    return this.network.participation(caller, query);
  }

  /** Scope: the coordinator's network; aggregates per organisation only. */
  @Permit('network.comparison')
  @Get(ApiRoutes.insights.networkComparison)
  comparison(@CallerParam() caller: Caller, @Query() query: PeriodQueryDto): Promise<NetworkComparison> {
    return this.network.comparison(caller, query);
  }
}
