import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoutes, CatchUpOverview, ParticipationReport, SupportEntry } from '@kunna/contracts';
import { type Caller, CallerParam, Permit } from '../auth';
import { CatchUpService } from './catch-up.service';
import { ParticipationService } from './participation.service';
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

  @Permit('participation.catchUpOverview', { unit: 'unitId' })
  @Get(ApiRoutes.sessions.catchUp)
  catchUpOverview(@Param('unitId') unitId: string): Promise<CatchUpOverview> {
    return this.catchUp.overview(unitId);
  }

  /** Everyone sees support they received; the unit's readers see the unit's entries (notes for ambassadors only). */
  @Permit('participation.supportEntries')
  @Get(ApiRoutes.sessions.support)
  supportEntries(@CallerParam() caller: Caller, @Query() query: SupportListQueryDto): Promise<SupportEntry[]> {
    return this.support.list(caller, query);
  }

  @Permit('participation.logSupport', { unit: 'body.unitId' })
  @Post(ApiRoutes.sessions.support)
  logSupport(@CallerParam() caller: Caller, @Body() body: CreateSupportEntryDto): Promise<SupportEntry> {
    return this.support.create(caller, body);
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
