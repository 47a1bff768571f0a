import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsIn,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  AllocationKind,
  AppointmentListQuery,
  CreateAppointmentRequest,
  CreateQualificationRequest,
  QualificationListQuery,
  RenewQualificationRequest,
  RevokeQualificationRequest,
  UpdateAppointmentRequest,
  CoverageQuery,
  WorkloadQuery,
} from '@kunna/contracts';
import { IfNotNull, IfPresent, IsDateOnly, IsDecimal, Trim, TrimToNull } from '../../common/validation';

// Decorators run from the property upwards: the type check sits nearest the property.

const NOTE_MAX = 500;
export const UNITS_MAX = 20;

export class CreateAppointmentDto implements CreateAppointmentRequest {
  @ApiProperty({ format: 'uuid', description: 'Den som blir ombud' })
  @IsUUID('all', { message: 'Välj en person.' })
  personId!: string;

  @ApiProperty({ type: [String], description: 'Enheterna ombudet ska stödja' })
  @IsUUID('all', { each: true, message: 'Välj enheter.' })
  @ArrayUnique({ message: 'Samma enhet är vald två gånger.' })
  @ArrayMaxSize(UNITS_MAX, { message: `Högst ${UNITS_MAX} enheter.` })
  @ArrayMinSize(1, { message: 'Välj minst en enhet.' })
  @IsArray({ message: 'Enheter (unitIds) måste vara en lista.' })
  unitIds!: string[];

  @ApiProperty({ enum: AllocationKind, description: 'Timmar per månad eller procent av en heltid' })
  @IsEnum(AllocationKind, { message: 'Välj tid som timmar per månad (hours_per_month) eller procent (percent).' })
  allocationKind!: AllocationKind;

  @ApiProperty({ example: 8 })
  @Min(0.25, { message: 'Avsatt tid måste vara mer än noll.' })
  @IsDecimal(2, { message: 'Avsatt tid måste vara ett tal med högst två decimaler.' })
  allocationValue!: number;

  @ApiProperty({ example: '2026-01-15' })
  @IsDateOnly({ message: 'Startdatum måste vara ett datum (ÅÅÅÅ-MM-DD).' })
  startDate!: string;

  @ApiPropertyOptional({ nullable: true, description: 'Lämna tomt för tills vidare (eller till anställningens slut)' })
  @IsDateOnly({ message: 'Slutdatum måste vara ett datum (ÅÅÅÅ-MM-DD).' })
  @IfNotNull()
  endDate?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @MaxLength(NOTE_MAX, { message: `Anteckningen får ha högst ${NOTE_MAX} tecken.` })
  @IsString({ message: 'Anteckningen måste vara text.' })
  @IfNotNull()
  @TrimToNull()
  note?: string | null;
}

export class UpdateAppointmentDto implements UpdateAppointmentRequest {
  @ApiPropertyOptional({ enum: AllocationKind })
  @IsEnum(AllocationKind, { message: 'Välj tid som timmar per månad (hours_per_month) eller procent (percent).' })
  @IfPresent()
  allocationKind?: AllocationKind;

  @ApiPropertyOptional()
  @Min(0.25, { message: 'Avsatt tid måste vara mer än noll.' })
  @IsDecimal(2, { message: 'Avsatt tid måste vara ett tal med högst två decimaler.' })
  @IfPresent()
  allocationValue?: number;

  @ApiPropertyOptional({ nullable: true, description: 'null: tills vidare' })
  @IsDateOnly({ message: 'Slutdatum måste vara ett datum (ÅÅÅÅ-MM-DD).' })
  @IfNotNull()
  endDate?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @MaxLength(NOTE_MAX, { message: `Anteckningen får ha högst ${NOTE_MAX} tecken.` })
  @IsString({ message: 'Anteckningen måste vara text.' })
  @IfNotNull()
  @TrimToNull()
  note?: string | null;
}

export class AppointmentListQueryDto implements AppointmentListQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsUUID('all', { message: 'Enhet (unitId) måste vara ett giltigt id.' })
  @IfPresent()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsUUID('all', { message: 'Person (personId) måste vara ett giltigt id.' })
  @IfPresent()
  personId?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsIn(['true', 'false'], { message: 'Visa avslutade (includeEnded) måste vara true eller false.' })
  @IfPresent()
  includeEnded?: string;
}

/** Coverage: one unit, or every unit the caller's grants reach. */
export class CoverageQueryDto implements CoverageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsUUID('all', { message: 'Enhet (unitId) måste vara ett giltigt id.' })
  @IfPresent()
  unitId?: string;
}

/** Workload: a month (YYYY-MM, default the current one), one unit or every unit the caller's grants reach. */
export class WorkloadQueryDto extends CoverageQueryDto implements WorkloadQuery {
  @ApiPropertyOptional({ example: '2026-03' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Månad (month) anges som ÅÅÅÅ-MM, t.ex. 2026-03.' })
  @IsString({ message: 'Månad (month) anges som text, ÅÅÅÅ-MM.' })
  @IfPresent()
  month?: string;
}

export class QualificationListQueryDto implements QualificationListQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsUUID('all', { message: 'Enhet (unitId) måste vara ett giltigt id.' })
  @IfPresent()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsUUID('all', { message: 'Person (personId) måste vara ett giltigt id.' })
  @IfPresent()
  personId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsUUID('all', { message: 'Modul (moduleId) måste vara ett giltigt id.' })
  @IfPresent()
  moduleId?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: även utgångna och återkallade' })
  @IsIn(['true', 'false'], { message: 'Visa inaktuella (includeInactive) måste vara true eller false.' })
  @IfPresent()
  includeInactive?: string;
}

export class CreateQualificationDto implements CreateQualificationRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'Välj en person.' })
  personId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'Välj en modul.' })
  moduleId!: string;

  @ApiPropertyOptional({ description: 'Standard: i dag' })
  @IsDateOnly({ message: 'Gäller från måste vara ett datum (ÅÅÅÅ-MM-DD).' })
  @IfPresent()
  validFrom?: string;

  @ApiPropertyOptional({ nullable: true, description: 'null: tills vidare' })
  @IsDateOnly({ message: 'Gäller till måste vara ett datum (ÅÅÅÅ-MM-DD).' })
  @IfNotNull()
  validUntil?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @MaxLength(NOTE_MAX, { message: `Anteckningen får ha högst ${NOTE_MAX} tecken.` })
  @IsString({ message: 'Anteckningen måste vara text.' })
  @IfNotNull()
  @TrimToNull()
  note?: string | null;
}

export class RenewQualificationDto implements RenewQualificationRequest {
  @ApiProperty({ nullable: true, description: 'Nytt slutdatum; null: tills vidare' })
  @IsDateOnly({ message: 'Gäller till måste vara ett datum (ÅÅÅÅ-MM-DD), eller null för tills vidare.' })
  @ValidateIf((_object: object, value: unknown) => value !== null)
  validUntil!: string | null;

  @ApiPropertyOptional({ nullable: true })
  @MaxLength(NOTE_MAX, { message: `Anteckningen får ha högst ${NOTE_MAX} tecken.` })
  @IsString({ message: 'Anteckningen måste vara text.' })
  @IfNotNull()
  @TrimToNull()
  note?: string | null;
}

export class RevokeQualificationDto implements RevokeQualificationRequest {
  @ApiProperty({ description: 'Varför behörigheten återkallas' })
  @MaxLength(NOTE_MAX, { message: `Orsaken får ha högst ${NOTE_MAX} tecken.` })
  @IsNotEmpty({ message: 'Skriv varför behörigheten återkallas.' })
  @IsString({ message: 'Orsaken måste vara text.' })
  @Trim()
  reason!: string;
}
