import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsIn, IsNumber, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateBy, ValidationOptions } from 'class-validator';
import { ActivityCategory, CreateExternalCostRequest, HourlyRate, ParticipantReportQuery } from '@kunna/contracts';
import { IfPresent, IsDateOnly, Trim } from '../../common/validation';
import { PeriodQueryDto } from '../shared/query.dto';

// Decorators run from the property upwards: the type check sits nearest the property.

/**
 * Whole öre: at most two decimals. (class-validator's own `maxDecimalPlaces` throws on numbers it prints in
 * exponent form, such as 1e-323, which turned a client's mistake into a 500.)
 */
const HasAtMostTwoDecimals = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'atMostTwoDecimals',
      validator: {
        validate: (value: unknown) => typeof value === 'number' && Number.isFinite(value) && Math.abs(Math.round(value * 100) - value * 100) < 1e-6,
      },
    },
    options,
  );

export class ReportQueryDto extends PeriodQueryDto implements ParticipantReportQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'] })
  @IsIn(['json', 'csv', 'xlsx'], { message: 'Format (format) ska vara json, csv eller xlsx.' })
  @IfPresent()
  format?: 'json' | 'csv' | 'xlsx';
}

export class HourlyRateDto implements HourlyRate {
  @ApiProperty({ example: '2026-01-01' })
  @IsDateOnly({ message: 'Gäller från (validFrom) måste vara ett datum (ÅÅÅÅ-MM-DD).' })
  validFrom!: string;

  @ApiProperty({ example: 320, description: 'SEK per timme för personalens tid i utbildning' })
  @Max(100000, { message: 'Timkostnaden (participantRate) är orimligt hög.' })
  @Min(0, { message: 'Timkostnaden (participantRate) kan inte vara negativ.' })
  @HasAtMostTwoDecimals({ message: 'Timkostnaden (participantRate) ska vara ett tal med högst två decimaler.' })
  @IsNumber({}, { message: 'Timkostnaden (participantRate) ska vara ett tal.' })
  participantRate!: number;

  @ApiProperty({ example: 350, description: 'SEK per timme för ombudens undervisning' })
  @Max(100000, { message: 'Timkostnaden (facilitatorRate) är orimligt hög.' })
  @Min(0, { message: 'Timkostnaden (facilitatorRate) kan inte vara negativ.' })
  @HasAtMostTwoDecimals({ message: 'Timkostnaden (facilitatorRate) ska vara ett tal med högst två decimaler.' })
  @IsNumber({}, { message: 'Timkostnaden (facilitatorRate) ska vara ett tal.' })
  facilitatorRate!: number;
}

export class CreateExternalCostDto implements CreateExternalCostRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'Id (id) ska vara ett UUID.' })
  id!: string;

  @ApiProperty({ example: '2026-01-01' })
  @IsDateOnly({ message: 'Periodens början (periodStart) måste vara ett datum (ÅÅÅÅ-MM-DD).' })
  periodStart!: string;

  @ApiProperty({ example: '2026-12-31' })
  @IsDateOnly({ message: 'Periodens slut (periodEnd) måste vara ett datum (ÅÅÅÅ-MM-DD).' })
  periodEnd!: string;

  @ApiProperty({ enum: ActivityCategory })
  @IsEnum(ActivityCategory, { message: 'Kategorin (category) är inte en av de tillåtna.' })
  category!: ActivityCategory;

  @ApiProperty({ example: 25000 })
  @Max(100000000, { message: 'Beloppet (amount) är orimligt högt.' })
  @Min(0, { message: 'Beloppet (amount) kan inte vara negativt.' })
  @HasAtMostTwoDecimals({ message: 'Beloppet (amount) ska vara ett tal med högst två decimaler.' })
  @IsNumber({}, { message: 'Beloppet (amount) ska vara ett tal.' })
  amount!: number;

  @ApiProperty({ example: 'Kursavgift, ombudsutbildning' })
  @MaxLength(200, { message: 'Beskrivningen (description) får vara högst 200 tecken.' })
  @MinLength(1, { message: 'Skriv vad kostnaden gäller (description).' })
  @IsString({ message: 'Beskrivningen (description) ska vara text.' })
  @Trim()
  description!: string;
}
