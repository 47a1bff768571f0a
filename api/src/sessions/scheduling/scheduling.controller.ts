import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoutes, SessionConflict, SessionDetail, SessionSummary } from '@kunna/contracts';
import { type Caller, CallerParam, Permit, Permitted } from '../../auth';
import type { SessionRow } from './scheduling.repository';
import { SchedulingService } from './scheduling.service';
import { ConflictCheckDto, CreateSessionDto, MySessionsQueryDto, SessionListQueryDto, UpdateSessionDto } from './scheduling.dto';

@ApiTags('sessions')
@Controller()
export class SchedulingController {
  constructor(private readonly sessions: SchedulingService) {}

  /** Sessions the caller may see: their units (area, organisation for wider roles) and those they facilitate. */
  @Permit('sessions.list', { unit: 'query.unitId' })
  @Get(ApiRoutes.sessions.list)
  list(@CallerParam() caller: Caller, @Query() query: SessionListQueryDto): Promise<SessionSummary[]> {
    return this.sessions.list(caller, query);
  }

  @Permit('sessions.create', { unit: 'body.unitId' })
  @Post(ApiRoutes.sessions.list)
  create(@CallerParam() caller: Caller, @Body() body: CreateSessionDto): Promise<SessionDetail> {
    return this.sessions.create(caller, body);
  }

  @Permit('sessions.conflictCheck', { unit: 'body.unitId' })
  @Post(ApiRoutes.sessions.conflictCheck)
  @HttpCode(200)
  conflictCheck(@CallerParam() caller: Caller, @Body() body: ConflictCheckDto): Promise<SessionConflict[]> {
    return this.sessions.conflictCheck(caller, body);
  }

  @Permit('sessions.mine')
  @Get(ApiRoutes.sessions.mine)
  mine(@CallerParam() caller: Caller, @Query() query: MySessionsQueryDto): Promise<SessionSummary[]> {
    return this.sessions.mine(caller, query.date);
  }

  @Permit('sessions.detail', { session: 'sessionId' })
  @Get(ApiRoutes.sessions.one)
  detail(@CallerParam() caller: Caller, @Permitted() session: SessionRow): Promise<SessionDetail> {
    return this.sessions.detail(caller, session);
  }

  @Permit('sessions.update', { session: 'sessionId' })
  @Patch(ApiRoutes.sessions.one)
  update(@CallerParam() caller: Caller, @Param('sessionId') sessionId: string, @Body() body: UpdateSessionDto): Promise<SessionDetail> {
    return this.sessions.update(caller, sessionId, body);
  }
}
