import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsObject, IsString, MaxLength } from 'class-validator';
import {
  CreateTranslationRequest,
  LanguageRatesQuery,
  STAFF_LANGUAGES,
  TranslationSettingsRequest,
  TranslationSource,
  UpdateTranslationRequest,
  AnswerLanguageQuery,
  StaffLanguage,
} from '@kunna/contracts';
import { IfPresent } from '../../common/validation';
import { ResultsQueryDto } from '../results/results.dto';

export class CreateTranslationDto implements CreateTranslationRequest {
  @ApiProperty()
  @IsString({ message: 'Välj en fråga.' })
  @MaxLength(80, { message: 'Välj en fråga.' })
  itemKey!: string;

  @ApiProperty({ enum: STAFF_LANGUAGES })
  @IsIn(STAFF_LANGUAGES.filter((l) => l !== 'sv'), { message: 'Välj ett annat språk än svenska.' })
  language!: string;

  @ApiProperty()
  @IsString({ message: 'Skriv frågan på språket.' })
  @MaxLength(500, { message: 'Högst 500 tecken.' })
  text!: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  @IsObject({ message: 'Svarsalternativen ska anges per nyckel.' })
  @IfPresent()
  options?: Record<string, string>;

  @ApiProperty({ enum: ['machine', 'human'] })
  @IsIn(['machine', 'human'], { message: 'Ange om översättningen är gjord av ett verktyg eller av en person.' })
  source!: TranslationSource;
}

export class UpdateTranslationDto implements UpdateTranslationRequest {
  @ApiProperty()
  @IsString({ message: 'Skriv frågan på språket.' })
  @MaxLength(500, { message: 'Högst 500 tecken.' })
  text!: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  @IsObject({ message: 'Svarsalternativen ska anges per nyckel.' })
  @IfPresent()
  options?: Record<string, string>;
}

export class TranslationSettingsDto implements TranslationSettingsRequest {
  @ApiProperty()
  @IsBoolean({ message: 'Ska vara sant eller falskt.' })
  allowDraftTranslations!: boolean;
}

/** The check and the unit or area, validated exactly as check results' query. */
export class LanguageRatesQueryDto extends PickType(ResultsQueryDto, ['instrumentId', 'unitId', 'areaId'] as const) implements LanguageRatesQuery {}

/** `?language=` on the answering routes: the language to show the questions in and record the answers in. */
export class AnswerLanguageQueryDto implements AnswerLanguageQuery {
  @ApiPropertyOptional({ enum: STAFF_LANGUAGES })
  @IsIn(STAFF_LANGUAGES, { message: 'Okänt språk.' })
  @IfPresent()
  language?: StaffLanguage;
}
