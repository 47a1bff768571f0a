import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoutes, CheckCodePreview, CheckForm, KioskAnswerFinished, KioskForm, KioskRoster, MyChecks, ObservationSaved, SavedAnswer } from '@kunna/contracts';
import { type Caller, CallerParam, KIOSK_RESPONSE, KIOSK_ROUND, Permit, Public, SetLanguageDto } from '../../auth';
import { AnswerLanguageQueryDto } from '../translations/translations.dto';
import { SaveAnswerDto, SaveObservationDto, StartKioskDto } from './answering.dto';
import { AnsweringService } from './answering.service';

/**
 * Answering a check. Individual answers go to one place only: the person who gave them (`checks/answer`,
 * `checks/me`). The kiosk routes only write.
 */
@ApiTags('checks')
@Controller()
export class AnsweringController {
  constructor(private readonly checks: AnsweringService) {}

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
}
