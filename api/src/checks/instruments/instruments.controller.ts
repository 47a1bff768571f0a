import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoutes, CoreItem, InstrumentDetail, InstrumentSummary, InstrumentVersion } from '@kunna/contracts';
import { type Caller, CallerParam, Permit } from '../../auth';
import { CreateCoreItemDto, CreateInstrumentDto, InstrumentDraftDto } from './instruments.dto';
import { InstrumentsService } from './instruments.service';

/** The network's common core items and the organisation's instruments (drafts and published versions). */
@ApiTags('checks')
@Controller()
export class InstrumentsController {
  constructor(private readonly checks: InstrumentsService) {}

  @Permit('checks.coreItems')
  @Get(ApiRoutes.checks.coreItems)
  coreItems(@CallerParam() caller: Caller): Promise<CoreItem[]> {
    return this.checks.coreItems(caller);
  }

  @Permit('checks.createCoreItem')
  @Post(ApiRoutes.checks.coreItems)
  createCoreItem(@CallerParam() caller: Caller, @Body() body: CreateCoreItemDto): Promise<CoreItem> {
    return this.checks.createCoreItem(caller, body);
  }

  @Permit('checks.retireCoreItem', { coreItem: 'coreItemId' })
  @Post(ApiRoutes.checks.retireCoreItem)
  @HttpCode(204)
  retireCoreItem(@CallerParam() caller: Caller, @Param('coreItemId') id: string): Promise<void> {
    return this.checks.retireCoreItem(caller, id);
  }

  @Permit('checks.instruments')
  @Get(ApiRoutes.checks.instruments)
  instruments(@CallerParam() caller: Caller): Promise<InstrumentSummary[]> {
    return this.checks.instruments(caller);
  }

  @Permit('checks.createInstrument')
  @Post(ApiRoutes.checks.instruments)
  createInstrument(@CallerParam() caller: Caller, @Body() body: CreateInstrumentDto): Promise<InstrumentDetail> {
    return this.checks.createInstrument(caller, body.title);
  }

  @Permit('checks.instrument', { instrument: 'instrumentId' })
  @Get(ApiRoutes.checks.instrument)
  instrument(@CallerParam() caller: Caller, @Param('instrumentId') id: string): Promise<InstrumentDetail> {
    return this.checks.instrument(caller, id);
  }

  @Permit('checks.saveDraft', { instrument: 'instrumentId' })
  @Put(ApiRoutes.checks.instrumentDraft)
  saveDraft(@CallerParam() caller: Caller, @Param('instrumentId') id: string, @Body() body: InstrumentDraftDto): Promise<InstrumentDetail> {
    return this.checks.saveDraft(caller, id, body);
  }

  @Permit('checks.publish', { instrument: 'instrumentId' })
  @Post(ApiRoutes.checks.instrumentPublish)
  publish(@CallerParam() caller: Caller, @Param('instrumentId') id: string): Promise<InstrumentVersion> {
    return this.checks.publish(caller, id);
  }

  @Permit('checks.version', { instrumentVersion: 'versionId' })
  @Get(ApiRoutes.checks.instrumentVersion)
  version(@CallerParam() caller: Caller, @Param('versionId') id: string): Promise<InstrumentVersion> {
    return this.checks.version(caller, id);
  }
}
