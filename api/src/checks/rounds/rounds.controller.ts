import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoutes, CheckAssignment } from '@kunna/contracts';
import { type Caller, CallerParam, Permit } from '../../auth';
import { AssignmentListQueryDto, CancelAssignmentDto, CreateAssignmentDto, OpenRoundDto } from './rounds.dto';
import { RoundsService } from './rounds.service';

/** A unit's checks: assigning one, opening its rounds, cancelling it. */
@ApiTags('checks')
@Controller()
export class RoundsController {
  constructor(private readonly checks: RoundsService) {}

  @Permit('checks.assignments', { unit: 'query.unitId' })
  @Get(ApiRoutes.checks.assignments)
  assignments(@CallerParam() caller: Caller, @Query() query: AssignmentListQueryDto): Promise<CheckAssignment[]> {
    return this.checks.assignments(caller, query.unitId);
  }

  @Permit('checks.createAssignment', { unit: 'body.unitId' })
  @Post(ApiRoutes.checks.assignments)
  createAssignment(@CallerParam() caller: Caller, @Body() body: CreateAssignmentDto): Promise<CheckAssignment> {
    return this.checks.createAssignment(caller, body);
  }

  @Permit('checks.assignment', { checkAssignment: 'assignmentId' })
  @Get(ApiRoutes.checks.assignment)
  assignment(@CallerParam() caller: Caller, @Param('assignmentId') id: string): Promise<CheckAssignment> {
    return this.checks.assignment(caller, id);
  }

  @Permit('checks.openRound', { checkAssignment: 'assignmentId' })
  @Post(ApiRoutes.checks.rounds)
  openRound(@CallerParam() caller: Caller, @Param('assignmentId') id: string, @Body() body: OpenRoundDto): Promise<CheckAssignment> {
    return this.checks.openRound(caller, id, body.kind);
  }

  @Permit('checks.cancelAssignment', { checkAssignment: 'assignmentId' })
  @Post(ApiRoutes.checks.cancelAssignment)
  @HttpCode(200)
  cancelAssignment(@CallerParam() caller: Caller, @Param('assignmentId') id: string, @Body() body: CancelAssignmentDto): Promise<CheckAssignment> {
    return this.checks.cancelAssignment(caller, id, body.reason);
  }
}
