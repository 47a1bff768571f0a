import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoutes, CatchUpOverview, ParticipationReport, Role, SupportEntry } from '@kunna/contracts';
import { Access, ANY, type Caller, CallerParam, inBody, inParam, inQuery, SELF } from '../auth';
import { CatchUpService } from './catch-up.service';
import { ParticipationService } from './participation.service';
import { READING_ROLES, SCHEDULING_ROLES } from './sessions-policy';
import { SupportService } from './support.service';
import { CreateSupportEntryDto, ParticipationQueryDto, SupportListQueryDto } from './dto/support.dto';

@ApiTags('sessions')
@Controller()
export class ParticipationController {
  constructor(
    private readonly catchUp: CatchUpService,
    private readonly support: SupportService,
    private readonly participation: ParticipationService,
  ) {}

  @Access({ roles: READING_ROLES, target: inParam('unit', 'unitId') })
  @Get(ApiRoutes.sessions.catchUp)
  catchUpOverview(@Param('unitId') unitId: string): Promise<CatchUpOverview> {
    return this.catchUp.overview(unitId);
  }

  /** Everyone sees support they received; the unit's readers see the unit's entries (notes for ambassadors only). */
  @Access({ roles: [Role.Staff], target: ANY })
  @Get(ApiRoutes.sessions.support)
  supportEntries(@CallerParam() caller: Caller, @Query() query: SupportListQueryDto): Promise<SupportEntry[]> {
    return this.support.list(caller, query);
  }

  @Access({ roles: SCHEDULING_ROLES, target: inBody('unit', 'unitId') })
  @Post(ApiRoutes.sessions.support)
  logSupport(@CallerParam() caller: Caller, @Body() body: CreateSupportEntryDto): Promise<SupportEntry> {
    return this.support.create(caller, body);
  }

  @Access({ roles: READING_ROLES, target: inQuery('unit', 'unitId') })
  @Get(ApiRoutes.sessions.participation)
  report(@CallerParam() caller: Caller, @Query() query: ParticipationQueryDto): Promise<ParticipationReport> {
    return this.participation.report(caller, query);
  }

  @Access({ roles: [Role.Staff], target: SELF })
  @Get(ApiRoutes.sessions.myParticipation)
  mine(@CallerParam() caller: Caller, @Query() query: ParticipationQueryDto): Promise<ParticipationReport> {
    return this.participation.mine(caller, query);
  }
}
