import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoutes, ProgramAssignment, ProgramDetail, ProgramSummary } from '@kunna/contracts';
import { type Caller, CallerParam, Permit } from '../auth';
import { CreateProgramAssignmentDto, CreateProgramDto, ProgramAssignmentListQueryDto, ProgramListQueryDto, UpdateProgramDto } from './dto/library.dto';
import { ProgramsService } from './programs.service';

@ApiTags('library')
@Controller()
export class ProgramsController {
  constructor(private readonly programs: ProgramsService) {}

  @Permit('programs.list')
  @Get(ApiRoutes.library.programs)
  list(@CallerParam() caller: Caller, @Query() query: ProgramListQueryDto): Promise<ProgramSummary[]> {
    return this.programs.list(caller, { kind: query.kind, includeArchived: query.includeArchived === 'true' });
  }

  @Permit('programs.create')
  @Post(ApiRoutes.library.programs)
  create(@CallerParam() caller: Caller, @Body() body: CreateProgramDto): Promise<ProgramDetail> {
    return this.programs.create(caller, body);
  }

  @Permit('programs.detail', { program: 'programId' })
  @Get(ApiRoutes.library.program)
  detail(@CallerParam() caller: Caller, @Param('programId') programId: string): Promise<ProgramDetail> {
    return this.programs.detail(caller, programId);
  }

  @Permit('programs.update', { program: 'programId' })
  @Patch(ApiRoutes.library.program)
  update(@CallerParam() caller: Caller, @Param('programId') programId: string, @Body() body: UpdateProgramDto): Promise<ProgramDetail> {
    return this.programs.update(caller, programId, body);
  }

  /** The program's assignments in the caller's organisation, narrowed to what the caller's grants reach. */
  @Permit('programs.assignments', { program: 'programId' })
  @Get(ApiRoutes.library.programAssignments)
  assignments(
    @CallerParam() caller: Caller,
    @Param('programId') programId: string,
    @Query() query: ProgramAssignmentListQueryDto,
  ): Promise<ProgramAssignment[]> {
    return this.programs.assignments(caller, programId, query.includeEnded === 'true');
  }

  /** Managers assign to their units, area managers to their areas and units, HR and administrators anywhere. */
  @Permit('programs.assign', { program: 'programId' })
  @Post(ApiRoutes.library.programAssignments)
  assign(@CallerParam() caller: Caller, @Param('programId') programId: string, @Body() body: CreateProgramAssignmentDto): Promise<ProgramAssignment> {
    return this.programs.assign(caller, programId, body);
  }

  @Permit('programs.endAssignment', { program: 'programId' })
  @Delete(ApiRoutes.library.programAssignment)
  @HttpCode(204)
  endAssignment(@CallerParam() caller: Caller, @Param('programId') programId: string, @Param('assignmentId') assignmentId: string): Promise<void> {
    return this.programs.endAssignment(caller, programId, assignmentId);
  }

  @Permit('programs.unitPrograms', { unit: 'unitId' })
  @Get(ApiRoutes.library.unitPrograms)
  unitPrograms(@Param('unitId') unitId: string): Promise<ProgramAssignment[]> {
    return this.programs.unitPrograms(unitId);
  }
}
