import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ApiRoutes,
  CheckAssignment,
  CheckCodePreview,
  CheckForm,
  CheckResults,
  CoreItem,
  InstrumentDetail,
  InstrumentSummary,
  InstrumentVersion,
  KioskAnswerFinished,
  KioskForm,
  KioskRoster,
  MyChecks,
  ObservationSaved,
  SavedAnswer,
  SupportSignal,
} from '@kunna/contracts';
import { type Caller, CallerParam, KIOSK_RESPONSE, KIOSK_ROUND, Permit, Public, SetLanguageDto } from '../auth';
import { ChecksService } from './checks.service';
import {
  AssignmentListQueryDto,
  CancelAssignmentDto,
  CreateAssignmentDto,
  CreateCoreItemDto,
  CreateInstrumentDto,
  InstrumentDraftDto,
  OpenRoundDto,
  ResultsQueryDto,
  SaveAnswerDto,
  SaveObservationDto,
  StartKioskDto,
  SupportSignalsQueryDto,
} from './dto/checks.dto';
import { AnswerLanguageQueryDto } from './translations/translations.dto';

/**
 * Before/after checks. Individual answers go to one place only: the person who gave them (`checks/answer`,
 * `checks/me`). The kiosk routes only write; ambassadors get names in support signals, never answers;
 * managers, HR and administrators get protected aggregates.
 */
@ApiTags('checks')
@Controller()
export class ChecksController {
  constructor(private readonly checks: ChecksService) {}

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

  @Permit('checks.roster', { checkRound: 'roundId' }, { kiosk: KIOSK_ROUND('roundId') })
  @Get(ApiRoutes.checks.kioskRoster)
  roster(@CallerParam() caller: Caller, @Param('roundId') id: string): Promise<KioskRoster> {
    return this.checks.roster(caller, id);
  }

  @Permit('checks.startKiosk', { checkRound: 'roundId' }, { kiosk: KIOSK_ROUND('roundId') })
  @Post(ApiRoutes.checks.kioskResponses)
  startKiosk(
    @CallerParam() caller: Caller,
    @Param('roundId') id: string,
    @Body() body: StartKioskDto,
    @Query() query: AnswerLanguageQueryDto,
  ): Promise<KioskForm> {
    return this.checks.startKiosk(caller, id, body.responseId, body.personId, query.language);
  }

  @Permit('checks.saveKioskAnswer', { kioskResponse: 'responseId' }, { kiosk: KIOSK_RESPONSE('responseId') })
  @Put(ApiRoutes.checks.kioskItem)
  saveKioskAnswer(
    @CallerParam() caller: Caller,
    @Param('responseId') id: string,
    @Param('itemKey') itemKey: string,
    @Body() body: SaveAnswerDto,
  ): Promise<SavedAnswer> {
    return this.checks.saveKioskAnswer(caller, id, itemKey, body);
  }

  @Permit('checks.submitKiosk', { kioskResponse: 'responseId' }, { kiosk: KIOSK_RESPONSE('responseId') })
  @Post(ApiRoutes.checks.kioskSubmit)
  @HttpCode(200)
  submitKiosk(@CallerParam() caller: Caller, @Param('responseId') id: string): Promise<KioskAnswerFinished> {
    return this.checks.finishKiosk(caller, id, 'submitted');
  }

  /** The person answering on the kiosk picks their language: kept on their account, like on their own phone. */
  @Permit('checks.setKioskLanguage', { kioskResponse: 'responseId' }, { kiosk: KIOSK_RESPONSE('responseId') })
  @Put(ApiRoutes.checks.kioskLanguage)
  @HttpCode(204)
  setKioskLanguage(@CallerParam() caller: Caller, @Param('responseId') id: string, @Body() body: SetLanguageDto): Promise<void> {
    return this.checks.setKioskLanguage(caller, id, body.preferredLanguage);
  }

  @Permit('checks.declineKiosk', { kioskResponse: 'responseId' }, { kiosk: KIOSK_RESPONSE('responseId') })
  @Post(ApiRoutes.checks.kioskDecline)
  @HttpCode(200)
  declineKiosk(@CallerParam() caller: Caller, @Param('responseId') id: string): Promise<KioskAnswerFinished> {
    return this.checks.finishKiosk(caller, id, 'declined');
  }

  @Permit('checks.observe', { checkRound: 'roundId' })
  @Put(ApiRoutes.checks.observations)
  observe(@CallerParam() caller: Caller, @Param('roundId') id: string, @Body() body: SaveObservationDto): Promise<ObservationSaved> {
    return this.checks.observe(caller, id, body);
  }

  /**
   * Public: the QR link opened signed out names the check and its workplace, and preselects the organisation at
   * sign-in. Nothing personal: the check's title, the unit's and organisation's names.
   */
  @Public()
  @Get(ApiRoutes.checks.codePreview)
  codePreview(@Param('code') code: string): Promise<CheckCodePreview> {
    return this.checks.codePreview(code);
  }

  /**
   * A POST, not a GET: the first open starts the person's response (a read must not write). `?language=` shows the
   * questions in that language (else the response's, else the person's) and records the answers in it.
   */
  @Permit('checks.openForm', { checkCode: 'code' })
  @Post(ApiRoutes.checks.answer)
  @HttpCode(200)
  openForm(@CallerParam() caller: Caller, @Param('code') code: string, @Query() query: AnswerLanguageQueryDto): Promise<CheckForm> {
    return this.checks.openForm(caller, code, query.language);
  }

  @Permit('checks.saveOwnAnswer', { checkCode: 'code' })
  @Put(ApiRoutes.checks.answerItem)
  saveOwnAnswer(
    @CallerParam() caller: Caller,
    @Param('code') code: string,
    @Param('itemKey') itemKey: string,
    @Body() body: SaveAnswerDto,
  ): Promise<SavedAnswer> {
    return this.checks.saveOwnAnswer(caller, code, itemKey, body);
  }

  @Permit('checks.submitOwn', { checkCode: 'code' })
  @Post(ApiRoutes.checks.answerSubmit)
  @HttpCode(200)
  submitOwn(@CallerParam() caller: Caller, @Param('code') code: string): Promise<CheckForm> {
    return this.checks.finishOwn(caller, code, 'submitted');
  }

  @Permit('checks.declineOwn', { checkCode: 'code' })
  @Post(ApiRoutes.checks.answerDecline)
  @HttpCode(200)
  declineOwn(@CallerParam() caller: Caller, @Param('code') code: string): Promise<CheckForm> {
    return this.checks.finishOwn(caller, code, 'declined');
  }

  @Permit('checks.mine')
  @Get(ApiRoutes.checks.mine)
  mine(@CallerParam() caller: Caller): Promise<MyChecks> {
    return this.checks.mine(caller);
  }

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
