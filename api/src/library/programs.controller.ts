import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoutes, ProgramAssignment, ProgramDetail, ProgramSummary, Role } from '@kunna/contracts';
import { Access, ANY, type Caller, CallerParam, inParam } from '../auth';
import {
  CreateProgramAssignmentDto,
  CreateProgramDto,
  ProgramAssignmentListQueryDto,
  ProgramListQueryDto,
  UpdateProgramDto,
} from './dto/library.dto';
import { LibraryTarget } from './library-access.guard';
import { ASSIGNMENT_ROLES, ProgramsService } from './programs.service';

const EDITOR_ROLES = [Role.NetworkCoordinator, Role.Hr, Role.OrgAdmin];
/** Roles that see which programs reach a unit. */
const UNIT_ROLES = [Role.Ambassador, Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin];

@ApiTags('library')
@Controller()
export class ProgramsController {
  constructor(private readonly programs: ProgramsService) {}

  @Access({ roles: [Role.Staff], target: ANY })
  @Get(ApiRoutes.library.programs)
  list(@CallerParam() caller: Caller, @Query() query: ProgramListQueryDto): Promise<ProgramSummary[]> {
    return this.programs.list(caller, { kind: query.kind, includeArchived: query.includeArchived === 'true' });
  }

  @Access({ roles: EDITOR_ROLES, target: ANY })
  @Post(ApiRoutes.library.programs)
  create(@CallerParam() caller: Caller, @Body() body: CreateProgramDto): Promise<ProgramDetail> {
    return this.programs.create(caller, body);
  }

  @Access({ roles: [Role.Staff], target: ANY })
  @LibraryTarget('program', 'read', 'programId')
  @Get(ApiRoutes.library.program)
  detail(@CallerParam() caller: Caller, @Param('programId') programId: string): Promise<ProgramDetail> {
    return this.programs.detail(caller, programId);
  }

  @Access({ roles: EDITOR_ROLES, target: ANY })
  @LibraryTarget('program', 'edit', 'programId')
  @Patch(ApiRoutes.library.program)
  update(@CallerParam() caller: Caller, @Param('programId') programId: string, @Body() body: UpdateProgramDto): Promise<ProgramDetail> {
    return this.programs.update(caller, programId, body);
  }

  /** The program's assignments in the caller's organisation, narrowed to what the caller's grants reach. */
  @Access({ roles: ASSIGNMENT_ROLES, target: ANY })
  @LibraryTarget('program', 'read', 'programId')
  @Get(ApiRoutes.library.programAssignments)
  assignments(
    @CallerParam() caller: Caller,
    @Param('programId') programId: string,
    @Query() query: ProgramAssignmentListQueryDto,
  ): Promise<ProgramAssignment[]> {
    return this.programs.assignments(caller, programId, query.includeEnded === 'true');
  }

  /** Managers assign to their units, area managers to their areas and units, HR and administrators anywhere. */
  @Access({ roles: ASSIGNMENT_ROLES, target: ANY })
  @LibraryTarget('program', 'read', 'programId')
  @Post(ApiRoutes.library.programAssignments)
  assign(@CallerParam() caller: Caller, @Param('programId') programId: string, @Body() body: CreateProgramAssignmentDto): Promise<ProgramAssignment> {
    return this.programs.assign(caller, programId, body);
  }

  @Access({ roles: ASSIGNMENT_ROLES, target: ANY })
  @LibraryTarget('program', 'read', 'programId')
  @Delete(ApiRoutes.library.programAssignment)
  @HttpCode(204)
  endAssignment(@CallerParam() caller: Caller, @Param('programId') programId: string, @Param('assignmentId') assignmentId: string): Promise<void> {
    return this.programs.endAssignment(caller, programId, assignmentId);
  }

  @Access({ roles: UNIT_ROLES, target: inParam('unit', 'unitId') })
  @Get(ApiRoutes.library.unitPrograms)
  unitPrograms(@Param('unitId') unitId: string): Promise<ProgramAssignment[]> {
    return this.programs.unitPrograms(unitId);
  }
}
