import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoutes, PlanEntry, TargetProgress, YearPlan } from '@kunna/contracts';
import { type Caller, CallerParam, Permit } from '../../auth';
import { CreatePlanEntryDto, CreateTargetDto, UpdatePlanEntryDto, UpdateTargetDto } from './plans.dto';
import { PlansService } from './plans.service';

const UUID_PIPE = new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 });

@ApiTags('insights')
@Controller()
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Permit('insights.plan', { unit: 'unitId' })
  @Get(ApiRoutes.insights.plan)
  plan(@Param('unitId') unitId: string): Promise<YearPlan> {
    return this.plans.yearPlan(unitId);
  }

  @Permit('insights.addPlanEntry', { unit: 'unitId' })
  @Post(ApiRoutes.insights.planEntries)
  addPlanEntry(@CallerParam() caller: Caller, @Param('unitId') unitId: string, @Body() body: CreatePlanEntryDto): Promise<PlanEntry> {
    return this.plans.addPlanEntry(caller, unitId, body);
  }

  @Permit('insights.updatePlanEntry', { unit: 'unitId' })
  @Patch(ApiRoutes.insights.planEntry)
  updatePlanEntry(@Param('unitId') unitId: string, @Param('entryId', UUID_PIPE) entryId: string, @Body() body: UpdatePlanEntryDto): Promise<PlanEntry> {
    return this.plans.updatePlanEntry(unitId, entryId, body);
  }

  @Permit('insights.deletePlanEntry', { unit: 'unitId' })
  @Delete(ApiRoutes.insights.planEntry)
  @HttpCode(204)
  deletePlanEntry(@Param('unitId') unitId: string, @Param('entryId', UUID_PIPE) entryId: string): Promise<void> {
    return this.plans.deletePlanEntry(unitId, entryId);
  }

  /** Idempotent by the client's id: a retry answers the target as it stands. */
  @Permit('insights.createTarget', { unit: 'unitId' })
  @Post(ApiRoutes.insights.targets)
  createTarget(@CallerParam() caller: Caller, @Param('unitId') unitId: string, @Body() body: CreateTargetDto): Promise<TargetProgress> {
    return this.plans.createTarget(caller, unitId, body);
  }

  @Permit('insights.updateTarget', { unit: 'unitId' })
  @Patch(ApiRoutes.insights.target)
  updateTarget(@Param('unitId') unitId: string, @Param('targetId', UUID_PIPE) targetId: string, @Body() body: UpdateTargetDto): Promise<TargetProgress> {
    return this.plans.updateTarget(unitId, targetId, body);
  }

  @Permit('insights.deleteTarget', { unit: 'unitId' })
  @Delete(ApiRoutes.insights.target)
  @HttpCode(204)
  deleteTarget(@Param('unitId') unitId: string, @Param('targetId', UUID_PIPE) targetId: string): Promise<void> {
    return this.plans.deleteTarget(unitId, targetId);
  }
}
