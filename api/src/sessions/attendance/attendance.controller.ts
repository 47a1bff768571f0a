import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoutes, AttendanceBatchResult, SessionAttendance, WalkInCandidate } from '@kunna/contracts';
import { type Caller, CallerParam, Permit, Permitted } from '../../auth';
import type { SessionRow } from '../scheduling/scheduling.repository';
import { AttendanceService } from './attendance.service';
import { AttendanceBatchDto, ClearMarkQueryDto, WalkInQueryDto } from './attendance.dto';

/** A mark id that is not a UUID names no mark: the same 404 as an unknown one. */
const MARK_ID_PIPE = new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 });

@ApiTags('sessions')
@Controller()
export class AttendanceController {
  constructor(private readonly attendanceService: AttendanceService) {}

  @Permit('sessions.attendance', { session: 'sessionId' })
  @Get(ApiRoutes.sessions.attendance)
  attendance(@Permitted() session: SessionRow): Promise<SessionAttendance> {
    return this.attendanceService.attendance(session);
  }

  /** A batch of marks, safe to send again: see README.md for the rule between conflicting marks. */
  @Permit('sessions.recordAttendance', { session: 'sessionId' })
  @Post(ApiRoutes.sessions.attendance)
  @HttpCode(200)
  recordAttendance(@CallerParam() caller: Caller, @Permitted() session: SessionRow, @Body() body: AttendanceBatchDto): Promise<AttendanceBatchResult> {
    return this.attendanceService.recordAttendance(caller, session, body);
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
    return this.attendanceService.clearMark(caller, session, markId, query.clearedAt);
  }

  @Permit('sessions.walkInCandidates', { session: 'sessionId' })
  @Get(ApiRoutes.sessions.walkInCandidates)
  walkInCandidates(@CallerParam() caller: Caller, @Permitted() session: SessionRow, @Query() query: WalkInQueryDto): Promise<WalkInCandidate[]> {
    return this.attendanceService.walkInCandidates(caller, session, query.q);
  }
}
