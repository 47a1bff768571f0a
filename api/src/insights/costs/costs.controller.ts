import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoutes, CostReport, CostSettings, ExternalCost, HourlyRate, ParticipantReport, ParticipationBreakdown } from '@kunna/contracts';
import { toXlsx, XLSX_MIME } from '@kunna/table-export';
import { type Caller, CallerParam, Permit } from '../../auth';
import { contentDisposition } from '../../library';
import { ParticipationQueryDto, PeriodQueryDto } from '../shared/query.dto';
import { CreateExternalCostDto, HourlyRateDto, ReportQueryDto } from './costs.dto';
import { CostsService } from './costs.service';
import { participantTable } from './report-export';

/** The participant report as a download named for its period. */
const reportFile = (content: Buffer, type: string, period: { from: string; to: string }, format: string) =>
  new StreamableFile(content, { type, length: content.length, disposition: contentDisposition(`deltagarrapport-${period.from}-${period.to}.${format}`) });

const UUID_PIPE = new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 });

@ApiTags('insights')
@Controller()
export class CostsController {
  constructor(private readonly costsService: CostsService) {}

  @Permit('insights.costSettings')
  @Get(ApiRoutes.insights.costSettings)
  costSettings(@CallerParam() caller: Caller): Promise<CostSettings> {
    return this.costsService.costSettings(caller);
  }

  /** Sets the rates in force from a date (replacing rates from the same date). */
  @Permit('insights.setRate')
  @Put(ApiRoutes.insights.hourlyRates)
  setRate(@CallerParam() caller: Caller, @Body() body: HourlyRateDto): Promise<HourlyRate[]> {
    return this.costsService.setRate(caller, body);
  }

  @Permit('insights.addExternalCost')
  @Post(ApiRoutes.insights.externalCosts)
  addExternalCost(@CallerParam() caller: Caller, @Body() body: CreateExternalCostDto): Promise<ExternalCost> {
    return this.costsService.addExternalCost(caller, body);
  }

  @Permit('insights.deleteExternalCost')
  @Delete(ApiRoutes.insights.externalCost)
  @HttpCode(204)
  deleteExternalCost(@CallerParam() caller: Caller, @Param('costId', UUID_PIPE) costId: string): Promise<void> {
    return this.costsService.deleteExternalCost(caller, costId);
  }

  @Permit('insights.costs')
  @Get(ApiRoutes.insights.costs)
  costs(@CallerParam() caller: Caller, @Query() query: PeriodQueryDto): Promise<CostReport> {
    return this.costsService.costReport(caller, query);
  }

  /**
   * JSON, or a download: CSV for Swedish Excel (BOM, semicolons, decimal comma) or XLSX. Never cached, as no API answer
   * is (create-app.ts).
   */
  @Permit('insights.participantReport')
  @Get(ApiRoutes.insights.participantReport)
  async participantReport(@CallerParam() caller: Caller, @Query() query: ReportQueryDto): Promise<ParticipantReport | StreamableFile> {
    if (query.format === 'csv') {
      const { period, content } = await this.costsService.participantReportCsv(caller, query);
      return reportFile(content, 'text/csv; charset=utf-8', period, 'csv');
    }
    const report = await this.costsService.participantReport(caller, query);
    if (!query.format || query.format === 'json') return report;
    return reportFile(Buffer.from(await toXlsx([participantTable(report)])), XLSX_MIME, report.period, 'xlsx');
  }

  @Permit('insights.participation')
  @Get(ApiRoutes.insights.participation)
  participation(@CallerParam() caller: Caller, @Query() query: ParticipationQueryDto): Promise<ParticipationBreakdown> {
    return this.costsService.participation(caller, query);
  }
}
