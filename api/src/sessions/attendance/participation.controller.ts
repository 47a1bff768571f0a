import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoutes, CatchUpOverview, ParticipationReport } from '@kunna/contracts';
import { type Caller, CallerParam, Permit } from '../../auth';
import { CatchUpService } from './catch-up.service';
import { ParticipationService } from './participation.service';
import { ParticipationQueryDto } from './attendance.dto';

@ApiTags('sessions')
@Controller()
export class ParticipationController {
  constructor(
    private readonly catchUp: CatchUpService,
    private readonly participation: ParticipationService,
  ) {}

  @Permit('participation.catchUpOverview', { unit: 'unitId' })
  @Get(ApiRoutes.sessions.catchUp)
  catchUpOverview(@Param('unitId') unitId: string): Promise<CatchUpOverview> {
    return this.catchUp.overview(unitId);
  }

  @Permit('participation.report', { unit: 'query.unitId' })
  @Get(ApiRoutes.sessions.participation)
  report(@CallerParam() caller: Caller, @Query() query: ParticipationQueryDto): Promise<ParticipationReport> {
    return this.participation.report(caller, query);
  }

  @Permit('participation.mine')
  @Get(ApiRoutes.sessions.myParticipation)
  mine(@CallerParam() caller: Caller, @Query() query: ParticipationQueryDto): Promise<ParticipationReport> {
    return this.participation.mine(caller, query);
  }
}
