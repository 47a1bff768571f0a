import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoutes, NetworkComparison } from '@kunna/contracts';
import { type Caller, CallerParam, Permit } from '../auth';
import { PeriodQueryDto } from './dto/insights.dto';
import { NetworkService } from './network.service';

@ApiTags('insights')
@Controller()
export class NetworkController {
  constructor(private readonly network: NetworkService) {}

  /** Scope: the coordinator's network; aggregates per organisation only. */
  @Permit('network.comparison')
  @Get(ApiRoutes.insights.networkComparison)
  comparison(@CallerParam() caller: Caller, @Query() query: PeriodQueryDto): Promise<NetworkComparison> {
    return this.network.comparison(caller, query);
  }
}
