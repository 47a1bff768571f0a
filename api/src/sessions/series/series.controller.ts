import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoutes, SessionSeries } from '@kunna/contracts';
import { type Caller, CallerParam, Permit } from '../../auth';
import { SeriesService } from './series.service';
import { CreateSeriesDto, UpdateSeriesDto } from './series.dto';

@ApiTags('sessions')
@Controller()
export class SeriesController {
  constructor(private readonly seriesService: SeriesService) {}

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
