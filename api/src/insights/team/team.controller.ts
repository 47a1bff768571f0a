import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoutes, TeamDashboard } from '@kunna/contracts';
import { Permit } from '../../auth';
import { PeriodQueryDto } from '../shared/query.dto';
import { TeamService } from './team.service';

@ApiTags('insights')
@Controller()
export class TeamController {
  constructor(private readonly teamService: TeamService) {}

  @Permit('insights.team', { unit: 'unitId' })
  @Get(ApiRoutes.insights.team)
  team(@Param('unitId') unitId: string, @Query() query: PeriodQueryDto): Promise<TeamDashboard> {
    return this.teamService.teamDashboard(unitId, query);
  }
}
