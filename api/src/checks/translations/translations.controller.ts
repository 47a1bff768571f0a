import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiRoutes, InstrumentTranslations, ItemAudio, ItemTranslation, LanguageRates } from '@kunna/contracts';
import { type Caller, CallerParam, KIOSK_RESPONSE, Permit } from '../../auth';
import { AttachmentUploadInterceptor, contentDisposition } from '../../library';
import { CreateTranslationDto, LanguageRatesQueryDto, TranslationSettingsDto, UpdateTranslationDto } from './translations.dto';
import { TranslationsService, UploadedAudio } from './translations.service';

/**
 * Check items in other languages: the instrument owner (HR, administrators) adds, corrects and reviews translations
 * and recordings; the network coordinator does the same for the network's shared core items. Staff get the
 * translations through the answering routes (`?language=`), and the recordings here.
 */
@ApiTags('checks')
@Controller()
export class TranslationsController {
  constructor(private readonly translations: TranslationsService) {}

  @Permit('translations.list', { instrument: 'instrumentId' })
  @Get(ApiRoutes.checks.instrumentTranslations)
  list(@CallerParam() caller: Caller, @Param('instrumentId') id: string): Promise<InstrumentTranslations> {
    return this.translations.list(caller, id);
  }

  @Permit('translations.create', { instrument: 'instrumentId' })
  @Post(ApiRoutes.checks.instrumentTranslations)
  create(@CallerParam() caller: Caller, @Param('instrumentId') id: string, @Body() body: CreateTranslationDto): Promise<ItemTranslation> {
    return this.translations.create(caller, id, body);
  }

  @Permit('translations.settings', { instrument: 'instrumentId' })
  @Put(ApiRoutes.checks.instrumentTranslationSettings)
  settings(@CallerParam() caller: Caller, @Param('instrumentId') id: string, @Body() body: TranslationSettingsDto): Promise<InstrumentTranslations> {
    return this.translations.setAllowDrafts(caller, id, body.allowDraftTranslations);
  }

  @Permit('translations.shared', { coreItem: 'coreItemId' })
  @Get(ApiRoutes.checks.coreItemTranslations)
  shared(@CallerParam() caller: Caller, @Param('coreItemId') id: string): Promise<ItemTranslation[]> {
    return this.translations.shared(caller, id);
  }

  @Permit('translations.createShared', { coreItem: 'coreItemId' })
  @Post(ApiRoutes.checks.coreItemTranslations)
  createShared(@CallerParam() caller: Caller, @Param('coreItemId') id: string, @Body() body: CreateTranslationDto): Promise<ItemTranslation> {
    return this.translations.createShared(caller, id, body);
  }

  /** The service decides per row: the organisation's own by HR or administrators, a shared one by the coordinator. */
  @Permit('translations.update')
  @Put(ApiRoutes.checks.translation)
  update(@CallerParam() caller: Caller, @Param('translationId') id: string, @Body() body: UpdateTranslationDto): Promise<ItemTranslation> {
    return this.translations.update(caller, uuid(id), body);
  }

  @Permit('translations.review')
  @Post(ApiRoutes.checks.translationReview)
  @HttpCode(200)
  review(@CallerParam() caller: Caller, @Param('translationId') id: string): Promise<ItemTranslation> {
    return this.translations.review(caller, uuid(id));
  }

  @Permit('translations.remove')
  @Delete(ApiRoutes.checks.translation)
  @HttpCode(204)
  remove(@CallerParam() caller: Caller, @Param('translationId') id: string): Promise<void> {
    return this.translations.remove(caller, uuid(id));
  }

  /** Multipart field `file` (at most 10 MB); the type is decided from the bytes. A new upload replaces the old one. */
  @Permit('translations.uploadAudio', { instrument: 'instrumentId' })
  @Put(ApiRoutes.checks.itemAudio)
  @UseInterceptors(AttachmentUploadInterceptor)
  uploadAudio(
    @CallerParam() caller: Caller,
    @Param('instrumentId') id: string,
    @Param('itemKey') itemKey: string,
    @Param('language') language: string,
    @UploadedFile() file: UploadedAudio | undefined,
  ): Promise<ItemAudio> {
    return this.translations.uploadAudio(caller, id, itemKey, language, file);
  }

  /** Everyone in the organisation: the person answering plays the question. Inline, for an `<audio>` element. */
  @Permit('translations.audio', { instrument: 'instrumentId' })
  @Get(ApiRoutes.checks.itemAudio)
  async audio(
    @CallerParam() caller: Caller,
    @Param('instrumentId') id: string,
    @Param('itemKey') itemKey: string,
    @Param('language') language: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return playable(response, await this.translations.downloadAudio(caller, id, itemKey, language));
  }

  /** The kiosk tablet plays the recording through the response being answered: the kiosk credential reads only this. */
  @Permit('translations.kioskAudio', { kioskResponse: 'responseId' }, { kiosk: KIOSK_RESPONSE('responseId') })
  @Get(ApiRoutes.checks.kioskAudio)
  async kioskAudio(
    @CallerParam() caller: Caller,
    @Param('responseId') responseId: string,
    @Param('itemKey') itemKey: string,
    @Param('language') language: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return playable(response, await this.translations.downloadKioskAudio(caller, responseId, itemKey, language));
  }

  @Permit('translations.removeAudio', { instrument: 'instrumentId' })
  @Delete(ApiRoutes.checks.itemAudio)
  @HttpCode(204)
  removeAudio(
    @CallerParam() caller: Caller,
    @Param('instrumentId') id: string,
    @Param('itemKey') itemKey: string,
    @Param('language') language: string,
  ): Promise<void> {
    return this.translations.removeAudio(caller, id, itemKey, language);
  }

  /** Aggregates only, through the privacy gate: a language with fewer people than the minimum is withheld. */
  @Permit('translations.languageRates')
  @Get(ApiRoutes.checks.languageRates)
  languageRates(@CallerParam() caller: Caller, @Query() query: LanguageRatesQueryDto): Promise<LanguageRates> {
    return this.translations.languageRates(caller, query);
  }
}

/** Inline, for an `<audio>` element, with the type detected at upload; nothing in it can run. */
function playable(response: Response, file: { content: Buffer; contentType: string; fileName: string }): StreamableFile {
  response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  return new StreamableFile(file.content, {
    type: file.contentType,
    length: file.content.length,
    disposition: contentDisposition(file.fileName).replace(/^attachment/, 'inline'),
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A made-up id answers 404 like an unknown one (never a database error). */
function uuid(id: string): string {
  return UUID.test(id) ? id : '00000000-0000-0000-0000-000000000000';
}
