import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsIn,
  IsInt,
  IsNumber,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidationOptions,
} from 'class-validator';
import {
  ActivityCategory,
  CreateExternalCostRequest,
  CreatePlanEntryRequest,
  EmploymentType,
  HourlyRate,
  ParticipationGrouping,
  InsightParticipationQuery,
  TargetRequest,
  UpdatePlanEntryRequest,
  UpdateTargetRequest,
  ParticipantReportQuery,
  PeriodQuery,
} from '@kunna/contracts';
import { IfNotNull, IfPresent, IsDateOnly, Trim, TrimToNull } from '../../common/validation';

// Decorators run from the property upwards: the type check sits nearest the property.

export const NOTE_MAX = 500;

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

export class PeriodQueryDto implements PeriodQuery {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'Standard: tolv månader bakåt från i dag' })
  @IsDateOnly({ message: 'Från (from) måste vara ett datum (ÅÅÅÅ-MM-DD).' })
  @IfPresent()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Standard: i dag' })
  @IsDateOnly({ message: 'Till (to) måste vara ett datum (ÅÅÅÅ-MM-DD).' })
  @IfPresent()
  to?: string;
}

export class ReportQueryDto extends PeriodQueryDto implements ParticipantReportQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'] })
  @IsIn(['json', 'csv', 'xlsx'], { message: 'Format (format) ska vara json, csv eller xlsx.' })
  @IfPresent()
  format?: 'json' | 'csv' | 'xlsx';
}

export class ParticipationQueryDto extends PeriodQueryDto implements InsightParticipationQuery {
  @ApiPropertyOptional({ enum: ParticipationGrouping })
  @IsEnum(ParticipationGrouping, { message: 'Gruppering (groupBy) ska vara area, unit, role_title eller employment_type.' })
  @IfPresent()
  groupBy?: ParticipationGrouping;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsUUID('all', { message: 'Området (areaId) har fel format.' })
  @IfPresent()
  areaId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsUUID('all', { message: 'Enheten (unitId) har fel format.' })
  @IfPresent()
  unitId?: string;

  @ApiPropertyOptional()
  @MaxLength(100, { message: 'Befattningen (roleTitle) är för lång.' })
  @IsString({ message: 'Befattningen (roleTitle) ska vara text.' })
  @Trim()
  @IfPresent()
  roleTitle?: string;

  @ApiPropertyOptional({ enum: EmploymentType })
  @IsEnum(EmploymentType, { message: 'Anställningsformen (employmentType) ska vara permanent, substitute eller hourly.' })
  @IfPresent()
  employmentType?: EmploymentType;
}

export class CreatePlanEntryDto implements CreatePlanEntryRequest {
  @ApiProperty({ format: 'uuid', description: 'Skapas av klienten: ett nytt försök med samma id ändrar inget.' })
  @IsUUID('all', { message: 'Id (id) ska vara ett UUID.' })
  id!: string;

  @ApiProperty({ example: '2026-09' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Månaden (month) ska skrivas ÅÅÅÅ-MM.' })
  @IsString({ message: 'Månaden (month) ska skrivas ÅÅÅÅ-MM.' })
  month!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsUUID('all', { message: 'Programmet (programId) har fel format.' })
  @IfNotNull()
  programId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsUUID('all', { message: 'Serien (seriesId) har fel format.' })
  @IfNotNull()
  seriesId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsUUID('all', { message: 'Modulen (moduleId) har fel format.' })
  @IfNotNull()
  moduleId?: string;

  @ApiPropertyOptional()
  @MaxLength(NOTE_MAX, { message: `Anteckningen (note) får vara högst ${NOTE_MAX} tecken.` })
  @IsString({ message: 'Anteckningen (note) ska vara text.' })
  @TrimToNull()
  @IfNotNull()
  note?: string;
}

export class UpdatePlanEntryDto implements UpdatePlanEntryRequest {
  @ApiPropertyOptional({ example: '2026-10' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Månaden (month) ska skrivas ÅÅÅÅ-MM.' })
  @IsString({ message: 'Månaden (month) ska skrivas ÅÅÅÅ-MM.' })
  @IfPresent()
  month?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsUUID('all', { message: 'Programmet (programId) har fel format.' })
  @IfNotNull()
  programId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsUUID('all', { message: 'Serien (seriesId) har fel format.' })
  @IfNotNull()
  seriesId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsUUID('all', { message: 'Modulen (moduleId) har fel format.' })
  @IfNotNull()
  moduleId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @MaxLength(NOTE_MAX, { message: `Anteckningen (note) får vara högst ${NOTE_MAX} tecken.` })
  @IsString({ message: 'Anteckningen (note) ska vara text.' })
  @TrimToNull()
  @IfNotNull()
  note?: string | null;
}

class TargetFieldsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'Programmet (programId) har fel format.' })
  programId!: string;

  @ApiProperty({ enum: EmploymentType, isArray: true, example: ['permanent'] })
  @IsEnum(EmploymentType, { each: true, message: 'Anställningsformerna (employmentTypes) ska vara permanent, substitute eller hourly.' })
  @ArrayUnique({ message: 'Anställningsformerna (employmentTypes) har dubbletter.' })
  @ArrayMaxSize(3, { message: 'Anställningsformerna (employmentTypes) har för många värden.' })
  @ArrayMinSize(1, { message: 'Välj minst en anställningsform (employmentTypes).' })
  @IsArray({ message: 'Anställningsformerna (employmentTypes) ska vara en lista.' })
  employmentTypes!: EmploymentType[];

  @ApiProperty({ example: 90 })
  @Max(100, { message: 'Målet (targetPercent) kan vara högst 100 %.' })
  @Min(1, { message: 'Målet (targetPercent) måste vara minst 1 %.' })
  @IsInt({ message: 'Målet (targetPercent) ska vara ett heltal (procent).' })
  targetPercent!: number;

  @ApiProperty({ example: '2027-06-30' })
  @IsDateOnly({ message: 'Datumet (dueDate) måste vara ett datum (ÅÅÅÅ-MM-DD).' })
  dueDate!: string;

  @ApiPropertyOptional()
  @MaxLength(NOTE_MAX, { message: `Anteckningen (note) får vara högst ${NOTE_MAX} tecken.` })
  @IsString({ message: 'Anteckningen (note) ska vara text.' })
  @TrimToNull()
  @IfNotNull()
  note?: string;
}

export class CreateTargetDto extends TargetFieldsDto implements TargetRequest {
  @ApiProperty({ format: 'uuid', description: 'Skapas av klienten: ett nytt försök med samma id ändrar inget.' })
  @IsUUID('all', { message: 'Id (id) ska vara ett UUID.' })
  id!: string;
}

export class UpdateTargetDto implements UpdateTargetRequest {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsUUID('all', { message: 'Programmet (programId) har fel format.' })
  @IfPresent()
  programId?: string;

  @ApiPropertyOptional({ enum: EmploymentType, isArray: true })
  @IsEnum(EmploymentType, { each: true, message: 'Anställningsformerna (employmentTypes) ska vara permanent, substitute eller hourly.' })
  @ArrayUnique({ message: 'Anställningsformerna (employmentTypes) har dubbletter.' })
  @ArrayMaxSize(3, { message: 'Anställningsformerna (employmentTypes) har för många värden.' })
  @ArrayMinSize(1, { message: 'Välj minst en anställningsform (employmentTypes).' })
  @IsArray({ message: 'Anställningsformerna (employmentTypes) ska vara en lista.' })
  @IfPresent()
  employmentTypes?: EmploymentType[];

  @ApiPropertyOptional()
  @Max(100, { message: 'Målet (targetPercent) kan vara högst 100 %.' })
  @Min(1, { message: 'Målet (targetPercent) måste vara minst 1 %.' })
  @IsInt({ message: 'Målet (targetPercent) ska vara ett heltal (procent).' })
  @IfPresent()
  targetPercent?: number;

  @ApiPropertyOptional()
  @IsDateOnly({ message: 'Datumet (dueDate) måste vara ett datum (ÅÅÅÅ-MM-DD).' })
  @IfPresent()
  dueDate?: string;

  @ApiPropertyOptional({ nullable: true })
  @MaxLength(NOTE_MAX, { message: `Anteckningen (note) får vara högst ${NOTE_MAX} tecken.` })
  @IsString({ message: 'Anteckningen (note) ska vara text.' })
  @TrimToNull()
  @IfNotNull()
  note?: string;
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
