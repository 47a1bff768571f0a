import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ApiRoutes,
  CostReport,
  CostSettings,
  ExternalCost,
  HourlyRate,
  NetworkParticipation,
  ParticipantReport,
  ParticipationBreakdown,
  PlanEntry,
  TargetProgress,
  TeamDashboard,
  YearPlan,
} from '@kunna/contracts';
import { toCsv, toXlsx, XLSX_MIME } from '@kunna/table-export';
import { type Caller, CallerParam, Permit } from '../auth';
import { contentDisposition } from '../library';
import {
  CreateExternalCostDto,
  CreatePlanEntryDto,
  CreateTargetDto,
  HourlyRateDto,
  ParticipationQueryDto,
  PeriodQueryDto,
  ReportQueryDto,
  UpdatePlanEntryDto,
  UpdateTargetDto,
} from './dto/insights.dto';
import { InsightsService } from './insights.service';
import { participantTable } from './report-export';

const UUID_PIPE = new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 });

@ApiTags('insights')
@Controller()
export class InsightsController {
  constructor(private readonly insights: InsightsService) {}

  @Permit('insights.team', { unit: 'unitId' })
  @Get(ApiRoutes.insights.team)
  team(@Param('unitId') unitId: string, @Query() query: PeriodQueryDto): Promise<TeamDashboard> {
    return this.insights.teamDashboard(unitId, query);
  }

  @Permit('insights.plan', { unit: 'unitId' })
  @Get(ApiRoutes.insights.plan)
  plan(@Param('unitId') unitId: string): Promise<YearPlan> {
    return this.insights.yearPlan(unitId);
  }

  @Permit('insights.addPlanEntry', { unit: 'unitId' })
  @Post(ApiRoutes.insights.planEntries)
  addPlanEntry(@CallerParam() caller: Caller, @Param('unitId') unitId: string, @Body() body: CreatePlanEntryDto): Promise<PlanEntry> {
    return this.insights.addPlanEntry(caller, unitId, body);
  }

  @Permit('insights.updatePlanEntry', { unit: 'unitId' })
  @Patch(ApiRoutes.insights.planEntry)
  updatePlanEntry(@Param('unitId') unitId: string, @Param('entryId', UUID_PIPE) entryId: string, @Body() body: UpdatePlanEntryDto): Promise<PlanEntry> {
    return this.insights.updatePlanEntry(unitId, entryId, body);
  }

  @Permit('insights.deletePlanEntry', { unit: 'unitId' })
  @Delete(ApiRoutes.insights.planEntry)
  @HttpCode(204)
  deletePlanEntry(@Param('unitId') unitId: string, @Param('entryId', UUID_PIPE) entryId: string): Promise<void> {
    return this.insights.deletePlanEntry(unitId, entryId);
  }

  /** Idempotent by the client's id: a retry answers the target as it stands. */
  @Permit('insights.createTarget', { unit: 'unitId' })
  @Post(ApiRoutes.insights.targets)
  createTarget(@CallerParam() caller: Caller, @Param('unitId') unitId: string, @Body() body: CreateTargetDto): Promise<TargetProgress> {
    return this.insights.createTarget(caller, unitId, body);
  }

  @Permit('insights.updateTarget', { unit: 'unitId' })
  @Patch(ApiRoutes.insights.target)
  updateTarget(@Param('unitId') unitId: string, @Param('targetId', UUID_PIPE) targetId: string, @Body() body: UpdateTargetDto): Promise<TargetProgress> {
    return this.insights.updateTarget(unitId, targetId, body);
  }

  @Permit('insights.deleteTarget', { unit: 'unitId' })
  @Delete(ApiRoutes.insights.target)
  @HttpCode(204)
  deleteTarget(@Param('unitId') unitId: string, @Param('targetId', UUID_PIPE) targetId: string): Promise<void> {
    return this.insights.deleteTarget(unitId, targetId);
  }

  @Permit('insights.costSettings')
  @Get(ApiRoutes.insights.costSettings)
  costSettings(@CallerParam() caller: Caller): Promise<CostSettings> {
    return this.insights.costSettings(caller);
  }

  /** Sets the rates in force from a date (replacing rates from the same date). */
  @Permit('insights.setRate')
  @Put(ApiRoutes.insights.hourlyRates)
  setRate(@CallerParam() caller: Caller, @Body() body: HourlyRateDto): Promise<HourlyRate[]> {
    return this.insights.setRate(caller, body);
  }

  @Permit('insights.addExternalCost')
  @Post(ApiRoutes.insights.externalCosts)
  addExternalCost(@CallerParam() caller: Caller, @Body() body: CreateExternalCostDto): Promise<ExternalCost> {
    return this.insights.addExternalCost(caller, body);
  }

  @Permit('insights.deleteExternalCost')
  @Delete(ApiRoutes.insights.externalCost)
  @HttpCode(204)
  deleteExternalCost(@CallerParam() caller: Caller, @Param('costId', UUID_PIPE) costId: string): Promise<void> {
    return this.insights.deleteExternalCost(caller, costId);
  }

  @Permit('insights.costs')
  @Get(ApiRoutes.insights.costs)
  costs(@CallerParam() caller: Caller, @Query() query: PeriodQueryDto): Promise<CostReport> {
    return this.insights.costReport(caller, query);
  }

  /** JSON, or a download: CSV for Swedish Excel (BOM, semicolons, decimal comma) or XLSX. */
  @Permit('insights.participantReport')
  @Get(ApiRoutes.insights.participantReport)
  async participantReport(
    @CallerParam() caller: Caller,
    @Query() query: ReportQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ParticipantReport | StreamableFile> {
    const report = await this.insights.participantReport(caller, query);
    if (!query.format || query.format === 'json') return report;
    const table = participantTable(report);
    const name = `deltagarrapport-${report.period.from}-${report.period.to}.${query.format}`;
    response.setHeader('Cache-Control', 'no-store');
    if (query.format === 'csv') {
      const content = Buffer.from(toCsv(table), 'utf8');
      return new StreamableFile(content, { type: 'text/csv; charset=utf-8', length: content.length, disposition: contentDisposition(name) });
    }
    const content = Buffer.from(await toXlsx([table]));
    return new StreamableFile(content, { type: XLSX_MIME, length: content.length, disposition: contentDisposition(name) });
  }

  @Permit('insights.participation')
  @Get(ApiRoutes.insights.participation)
  participation(@CallerParam() caller: Caller, @Query() query: ParticipationQueryDto): Promise<ParticipationBreakdown> {
    return this.insights.participation(caller, query);
  }

  @Permit('insights.networkParticipation')
  @Get(ApiRoutes.insights.networkParticipation)
  networkParticipation(@CallerParam() caller: Caller, @Query() query: PeriodQueryDto): Promise<NetworkParticipation> {
    return this.insights.networkParticipation(caller, query);
  }
}
