import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoutes, CompetenceBreakdown, CompetenceTrend, UnitCompetence } from '@kunna/contracts';
import { type Caller, CallerParam, Permit } from '../../auth';
import { ParticipationQueryDto, PeriodQueryDto } from '../shared/query.dto';
import { CompetenceService } from './competence.service';

@ApiTags('insights')
@Controller()
export class CompetenceController {
  constructor(private readonly competence: CompetenceService) {}

  /** Scope: the caller's units, areas or organisation (filters outside it answer 404). */
  @Permit('competence.breakdown')
  @Get(ApiRoutes.insights.competence)
  breakdown(@CallerParam() caller: Caller, @Query() query: ParticipationQueryDto): Promise<CompetenceBreakdown> {
    return this.competence.breakdown(caller, query);
  }

  @Permit('competence.trend')
  @Get(ApiRoutes.insights.competenceTrend)
  trend(@CallerParam() caller: Caller, @Query() query: ParticipationQueryDto): Promise<CompetenceTrend> {
    return this.competence.trend(caller, query);
  }

  @Permit('competence.unit', { unit: 'unitId' })
  @Get(ApiRoutes.insights.unitCompetence)
  unit(@CallerParam() caller: Caller, @Param('unitId') unitId: string, @Query() query: PeriodQueryDto): Promise<UnitCompetence> {
    return this.competence.unit(caller, unitId, query);
  }
}
