import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ApiRoutes,
  AttendanceBatchResult,
  SessionAttendance,
  SessionConflict,
  SessionDetail,
  SessionSeries,
  SessionSummary,
  WalkInCandidate,
} from '@kunna/contracts';
import { type Caller, CallerParam, Permit, Permitted } from '../auth';
import type { SessionRow } from './sessions.repository';
import { SessionsService } from './sessions.service';
import { SeriesService } from './series.service';
import { CreateSeriesDto, UpdateSeriesDto } from './dto/series.dto';
import {
  AttendanceBatchDto,
  ClearMarkQueryDto,
  ConflictCheckDto,
  CreateSessionDto,
  MySessionsQueryDto,
  SessionListQueryDto,
  UpdateSessionDto,
  WalkInQueryDto,
} from './dto/sessions.dto';

/** A mark id that is not a UUID names no mark: the same 404 as an unknown one. */
const MARK_ID_PIPE = new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 });

@ApiTags('sessions')
@Controller()
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly seriesService: SeriesService,
  ) {}

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

  @Permit('sessions.attendance', { session: 'sessionId' })
  @Get(ApiRoutes.sessions.attendance)
  attendance(@Permitted() session: SessionRow): Promise<SessionAttendance> {
    return this.sessions.attendance(session);
  }

  /** A batch of marks, safe to send again: see README.md for the rule between conflicting marks. */
  @Permit('sessions.recordAttendance', { session: 'sessionId' })
  @Post(ApiRoutes.sessions.attendance)
  @HttpCode(200)
  recordAttendance(@CallerParam() caller: Caller, @Permitted() session: SessionRow, @Body() body: AttendanceBatchDto): Promise<AttendanceBatchResult> {
    return this.sessions.recordAttendance(caller, session, body);
  }
  /** Clears one mark (the participant is unmarked again); idempotent, audited like recording. */
  @Permit('sessions.clearMark', { session: 'sessionId' })
  @Delete(ApiRoutes.sessions.attendanceMark)
  @HttpCode(204)
  clearMark(
    @CallerParam() caller: Caller,
    @Permitted() session: SessionRow,
    @Param('markId', MARK_ID_PIPE) markId: string,
    @Query() query: ClearMarkQueryDto,
  ): Promise<void> {
    return this.sessions.clearMark(caller, session, markId, query.clearedAt);
  }

  @Permit('sessions.walkInCandidates', { session: 'sessionId' })
  @Get(ApiRoutes.sessions.walkInCandidates)
  walkInCandidates(@CallerParam() caller: Caller, @Permitted() session: SessionRow, @Query() query: WalkInQueryDto): Promise<WalkInCandidate[]> {
    return this.sessions.walkInCandidates(caller, session, query.q);
  }

  /** Creates every session of a series in one step (a program's steps in order, shift variants on each date). */
  @Permit('sessions.createSeries', { unit: 'body.unitId' })
  @Post(ApiRoutes.sessions.series)
  createSeries(@CallerParam() caller: Caller, @Body() body: CreateSeriesDto): Promise<SessionSeries> {
    return this.seriesService.create(caller, body);
  }

  @Permit('sessions.series', { series: 'seriesId' })
  @Get(ApiRoutes.sessions.oneSeries)
  series(@CallerParam() caller: Caller, @Param('seriesId') seriesId: string): Promise<SessionSeries> {
    return this.seriesService.series(caller, seriesId);
  }

  /** Moves or cancels one occurrence, or it and the rest of the series. */
  @Permit('sessions.updateSeries', { series: 'seriesId' })
  @Patch(ApiRoutes.sessions.oneSeries)
  updateSeries(@CallerParam() caller: Caller, @Param('seriesId') seriesId: string, @Body() body: UpdateSeriesDto): Promise<SessionSeries> {
    return this.seriesService.update(caller, seriesId, body);
  }
}
