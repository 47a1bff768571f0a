import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CreateSeriesRequest, SeriesEditScope, SeriesOccurrenceVariant, SessionShift, UpdateSeriesRequest } from '@kunna/contracts';
import { IfNotNull, IfPresent, IsDateOnly, Trim, TrimToNull } from '../../common/validation';
import { FacilitatorReason, FACILITATORS_MAX, NOTE_MAX, PLACE_MAX, SessionFieldsDto, TIME_OF_DAY } from '../scheduling/scheduling.dto';

export const SERIES_MAX = 52;

export class SeriesVariantDto implements SeriesOccurrenceVariant {
  @ApiProperty({ example: '21:30' })
  @Matches(TIME_OF_DAY, { message: 'Starttid anges som TT:MM, till exempel 14:00.' })
  @IsString({ message: 'Starttid anges som TT:MM, till exempel 14:00.' })
  startTime!: string;

  @ApiProperty({ enum: SessionShift, nullable: true })
  @IsEnum(SessionShift, { message: 'Välj ett arbetspass (day, evening, night, weekend eller handover).' })
  @IfNotNull()
  shift!: SessionShift | null;

  @ApiPropertyOptional({ description: 'Dagar efter seriens datum (0 = samma dag)' })
  @Max(6, { message: 'Högst 6 dagar efter.' })
  @Min(0, { message: 'Kan inte vara före seriens datum.' })
  @IsInt({ message: 'Anges i hela dagar.' })
  @IfPresent()
  dayOffset?: number;
}

export class CreateSeriesDto extends SessionFieldsDto implements CreateSeriesRequest {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsUUID('all', { message: 'Id har fel format.' })
  @IfPresent()
  id?: string;

  @ApiProperty({ example: '2026-02-03' })
  @IsDateOnly({ message: 'Första datum måste vara ett datum (ÅÅÅÅ-MM-DD).' })
  firstDate!: string;

  @ApiProperty({ example: '14:00' })
  @Matches(TIME_OF_DAY, { message: 'Starttid anges som TT:MM, till exempel 14:00.' })
  @IsString({ message: 'Starttid anges som TT:MM, till exempel 14:00.' })
  startTime!: string;

  @ApiProperty({ example: 2, description: '1 = varje vecka, 2 = varannan vecka' })
  @Max(12, { message: 'Högst var tolfte vecka.' })
  @Min(1, { message: 'Minst varje vecka (1).' })
  @IsInt({ message: 'Anges i hela veckor.' })
  intervalWeeks!: number;

  @ApiProperty({ example: 5 })
  @Max(SERIES_MAX, { message: `Högst ${SERIES_MAX} tillfällen i en serie.` })
  @Min(1, { message: 'Minst ett tillfälle.' })
  @IsInt({ message: 'Antal tillfällen måste vara ett heltal.' })
  count!: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsUUID('all', { message: 'Välj ett program.' })
  @IfPresent()
  programId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsUUID('all', { message: 'Välj en modul.' })
  @IfPresent()
  moduleId?: string;

  @ApiPropertyOptional({ type: [SeriesVariantDto] })
  @ValidateNested({ each: true })
  @Type(() => SeriesVariantDto)
  @IsObject({ each: true, message: 'Varje pass måste vara ett objekt.' })
  @ArrayMaxSize(6, { message: 'Högst 6 pass per datum.' })
  @IsArray({ message: 'Pass (variants) måste vara en lista.' })
  @IfPresent()
  variants?: SeriesVariantDto[];
}

export class UpdateSeriesDto implements UpdateSeriesRequest {
  @ApiProperty({ example: 3, description: 'Tillfällets nummer i serien' })
  @Min(1, { message: 'Numret börjar på 1.' })
  @IsInt({ message: 'Numret måste vara ett heltal.' })
  position!: number;

  @ApiProperty({ enum: SeriesEditScope })
  @IsEnum(SeriesEditScope, { message: 'Välj bara det här tillfället (one) eller det och resten av serien (following).' })
  scope!: SeriesEditScope;

  @ApiPropertyOptional({ description: 'Flytta så många dagar (negativt = tidigare)' })
  @Max(366, { message: 'Högst ett år.' })
  @Min(-366, { message: 'Högst ett år.' })
  @IsInt({ message: 'Anges i hela dagar.' })
  @IfPresent()
  shiftDays?: number;

  @ApiPropertyOptional({ example: '14:30' })
  @Matches(TIME_OF_DAY, { message: 'Starttid anges som TT:MM, till exempel 14:00.' })
  @IsString({ message: 'Starttid anges som TT:MM, till exempel 14:00.' })
  @IfPresent()
  startTime?: string;

  @ApiPropertyOptional()
  @MaxLength(PLACE_MAX, { message: `Platsen får ha högst ${PLACE_MAX} tecken.` })
  @IsNotEmpty({ message: 'Skriv var tillfället hålls.' })
  @IsString({ message: 'Platsen måste vara text.' })
  @Trim()
  @IfPresent()
  place?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsUUID('all', { each: true, message: 'Välj ledare.' })
  @ArrayUnique({ message: 'Samma ledare är vald två gånger.' })
  @ArrayMaxSize(FACILITATORS_MAX, { message: `Högst ${FACILITATORS_MAX} ledare.` })
  @ArrayMinSize(1, { message: 'Välj minst en som leder tillfället.' })
  @IsArray({ message: 'Ledare (facilitatorIds) måste vara en lista.' })
  @IfPresent()
  facilitatorIds?: string[];

  @FacilitatorReason('tillfällena')
  facilitatorReason?: string | null;

  @ApiPropertyOptional()
  @IsBoolean({ message: 'Inställt (cancelled) måste vara true eller false.' })
  @IfPresent()
  cancelled?: boolean;

  @ApiPropertyOptional({ nullable: true })
  @MaxLength(NOTE_MAX, { message: `Orsaken får ha högst ${NOTE_MAX} tecken.` })
  @IsString({ message: 'Orsaken måste vara text.' })
  @IfNotNull()
  @TrimToNull()
  cancelReason?: string | null;
}
