import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoutes, CheckResults, SupportSignal } from '@kunna/contracts';
import { type Caller, CallerParam, Permit } from '../../auth';
import { ResultsQueryDto, SupportSignalsQueryDto } from './results.dto';
import { ResultsService } from './results.service';

/** What the answers say: ambassadors get names in support signals, never answers; managers, HR and administrators get protected aggregates. */
@ApiTags('checks')
@Controller()
export class ResultsController {
  constructor(private readonly checks: ResultsService) {}

  @Permit('checks.supportSignals', { unit: 'query.unitId' })
  @Get(ApiRoutes.checks.supportSignals)
  supportSignals(@CallerParam() caller: Caller, @Query() query: SupportSignalsQueryDto): Promise<SupportSignal[]> {
    return this.checks.supportSignals(caller, query.unitId);
  }

  @Permit('checks.results')
  @Get(ApiRoutes.checks.results)
  results(@CallerParam() caller: Caller, @Query() query: ResultsQueryDto): Promise<CheckResults> {
    return this.checks.results(caller, query);
  }
}
