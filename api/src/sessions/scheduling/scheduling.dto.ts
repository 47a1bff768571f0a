import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  ActivityCategory,
  CreateSessionRequest,
  MySessionsQuery,
  SessionAudience,
  SessionConflictCheckRequest,
  SessionListQuery,
  SessionShift,
  UpdateSessionRequest,
} from '@kunna/contracts';
import { IfNotNull, IfPresent, IsDateOnly, Trim, TrimToNull } from '../../common/validation';

// Decorators run from the property upwards: the type check sits nearest the property.

export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
export const PLACE_MAX = 200;
export const NOTE_MAX = 1000;
export const FACILITATOR_REASON_MAX = 1000;

/**
 * Why a facilitator without the module's qualification leads (`what`: the session or the sessions): required then,
 * not kept otherwise (conflicts.service.ts). Registered in the order stacked decorators would register them.
 */
export function FacilitatorReason(what: 'tillfället' | 'tillfällena') {
  return applyDecorators(
    TrimToNull(),
    IfNotNull(),
    IsString({ message: 'Skälet (facilitatorReason) måste vara text.' }),
    MaxLength(FACILITATOR_REASON_MAX, { message: `Skälet får ha högst ${FACILITATOR_REASON_MAX} tecken.` }),
    ApiPropertyOptional({ nullable: true, description: `Varför en ledare utan behörighet för modulen leder ${what}: krävs då, sparas inte annars` }),
  );
}
export const FACILITATORS_MAX = 10;
export const INVITED_MAX = 500;
export const DURATION_MIN = 5;
export const DURATION_MAX = 600;

export class SessionListQueryDto implements SessionListQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsUUID('all', { message: 'Enheten (unitId) har fel format.' })
  @IfPresent()
  unitId?: string;

  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsDateOnly({ message: 'Från (from) måste vara ett datum (ÅÅÅÅ-MM-DD).' })
  @IfPresent()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsDateOnly({ message: 'Till (to) måste vara ett datum (ÅÅÅÅ-MM-DD).' })
  @IfPresent()
  to?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsIn(['true', 'false'], { message: 'Visa inställda (includeCancelled) måste vara true eller false.' })
  @IfPresent()
  includeCancelled?: string;
}

export class MySessionsQueryDto implements MySessionsQuery {
  @ApiPropertyOptional({ example: '2026-01-15', description: 'Standard: i dag' })
  @IsDateOnly({ message: 'Datum (date) måste vara ett datum (ÅÅÅÅ-MM-DD).' })
  @IfPresent()
  date?: string;
}

/** Fields shared by a single session and a series. */
export class SessionFieldsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'Välj en enhet.' })
  unitId!: string;

  @ApiProperty({ example: 45 })
  @Max(DURATION_MAX, { message: `Ett tillfälle kan vara högst ${DURATION_MAX} minuter.` })
  @Min(DURATION_MIN, { message: `Ett tillfälle är minst ${DURATION_MIN} minuter.` })
  @IsInt({ message: 'Längden anges i hela minuter.' })
  durationMinutes!: number;

  @ApiProperty({ example: 'Personalrummet, APT' })
  @MaxLength(PLACE_MAX, { message: `Platsen får ha högst ${PLACE_MAX} tecken.` })
  @IsNotEmpty({ message: 'Skriv var tillfället hålls.' })
  @IsString({ message: 'Platsen måste vara text.' })
  @Trim()
  place!: string;

  @ApiProperty({ type: [String], description: 'Den eller de som leder tillfället' })
  @IsUUID('all', { each: true, message: 'Välj ledare.' })
  @ArrayUnique({ message: 'Samma ledare är vald två gånger.' })
  @ArrayMaxSize(FACILITATORS_MAX, { message: `Högst ${FACILITATORS_MAX} ledare.` })
  @ArrayMinSize(1, { message: 'Välj minst en som leder tillfället.' })
  @IsArray({ message: 'Ledare (facilitatorIds) måste vara en lista.' })
  facilitatorIds!: string[];

  @ApiPropertyOptional({ nullable: true, example: 12 })
  @Max(500, { message: 'Högst 500 platser.' })
  @Min(1, { message: 'Antal platser måste vara minst 1.' })
  @IsInt({ message: 'Antal platser måste vara ett heltal.' })
  @IfNotNull()
  capacity?: number | null;

  @ApiProperty({ enum: ActivityCategory })
  @IsEnum(ActivityCategory, { message: 'Välj en aktivitetstyp.' })
  activityCategory!: ActivityCategory;

  @ApiPropertyOptional({ enum: SessionShift, nullable: true })
  @IsEnum(SessionShift, { message: 'Välj ett arbetspass (day, evening, night, weekend eller handover).' })
  @IfNotNull()
  shift?: SessionShift | null;

  @ApiProperty({ enum: SessionAudience })
  @IsEnum(SessionAudience, { message: 'Välj vilka som bjuds in (unit_team eller selection).' })
  audience!: SessionAudience;

  @ApiPropertyOptional({ type: [String] })
  @IsUUID('all', { each: true, message: 'Välj personer.' })
  @ArrayUnique({ message: 'Samma person är vald två gånger.' })
  @ArrayMaxSize(INVITED_MAX, { message: `Högst ${INVITED_MAX} inbjudna.` })
  @IsArray({ message: 'Inbjudna (invitedPersonIds) måste vara en lista.' })
  @IfPresent()
  invitedPersonIds?: string[];

  @ApiPropertyOptional({ nullable: true })
  @MaxLength(NOTE_MAX, { message: `Anteckningen får ha högst ${NOTE_MAX} tecken.` })
  @IsString({ message: 'Anteckningen måste vara text.' })
  @IfNotNull()
  @TrimToNull()
  note?: string | null;

  @FacilitatorReason('tillfället')
  facilitatorReason?: string | null;
}

export class CreateSessionDto extends SessionFieldsDto implements CreateSessionRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Klientens id: samma förfrågan igen ger samma tillfälle' })
  @IsUUID('all', { message: 'Id har fel format.' })
  @IfPresent()
  id?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsUUID('all', { message: 'Välj en modul.' })
  @IfPresent()
  moduleId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsUUID('all', { message: 'Välj en version av modulen.' })
  @IfPresent()
  moduleVersionId?: string;

  @ApiProperty({ example: '2026-02-03' })
  @IsDateOnly({ message: 'Datum måste vara ett datum (ÅÅÅÅ-MM-DD).' })
  date!: string;

  @ApiProperty({ example: '14:00' })
  @Matches(TIME_OF_DAY, { message: 'Starttid anges som TT:MM, till exempel 14:00.' })
  @IsString({ message: 'Starttid anges som TT:MM, till exempel 14:00.' })
  startTime!: string;
}

export class UpdateSessionDto implements UpdateSessionRequest {
  @ApiPropertyOptional({ example: '2026-02-10' })
  @IsDateOnly({ message: 'Datum måste vara ett datum (ÅÅÅÅ-MM-DD).' })
  @IfPresent()
  date?: string;

  @ApiPropertyOptional({ example: '14:00' })
  @Matches(TIME_OF_DAY, { message: 'Starttid anges som TT:MM, till exempel 14:00.' })
  @IsString({ message: 'Starttid anges som TT:MM, till exempel 14:00.' })
  @IfPresent()
  startTime?: string;

  @ApiPropertyOptional()
  @Max(DURATION_MAX, { message: `Ett tillfälle kan vara högst ${DURATION_MAX} minuter.` })
  @Min(DURATION_MIN, { message: `Ett tillfälle är minst ${DURATION_MIN} minuter.` })
  @IsInt({ message: 'Längden anges i hela minuter.' })
  @IfPresent()
  durationMinutes?: number;

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

  @ApiPropertyOptional({ nullable: true })
  @Max(500, { message: 'Högst 500 platser.' })
  @Min(1, { message: 'Antal platser måste vara minst 1.' })
  @IsInt({ message: 'Antal platser måste vara ett heltal.' })
  @IfNotNull()
  capacity?: number | null;

  @ApiPropertyOptional({ enum: SessionShift, nullable: true })
  @IsEnum(SessionShift, { message: 'Välj ett arbetspass (day, evening, night, weekend eller handover).' })
  @IfNotNull()
  shift?: SessionShift | null;

  @ApiPropertyOptional({ enum: SessionAudience })
  @IsEnum(SessionAudience, { message: 'Välj vilka som bjuds in (unit_team eller selection).' })
  @IfPresent()
  audience?: SessionAudience;

  @ApiPropertyOptional({ type: [String] })
  @IsUUID('all', { each: true, message: 'Välj personer.' })
  @ArrayUnique({ message: 'Samma person är vald två gånger.' })
  @ArrayMaxSize(INVITED_MAX, { message: `Högst ${INVITED_MAX} inbjudna.` })
  @IsArray({ message: 'Inbjudna (invitedPersonIds) måste vara en lista.' })
  @IfPresent()
  invitedPersonIds?: string[];

  @ApiPropertyOptional({ nullable: true })
  @MaxLength(NOTE_MAX, { message: `Anteckningen får ha högst ${NOTE_MAX} tecken.` })
  @IsString({ message: 'Anteckningen måste vara text.' })
  @IfNotNull()
  @TrimToNull()
  note?: string | null;

  @FacilitatorReason('tillfället')
  facilitatorReason?: string | null;

  @ApiPropertyOptional({ description: 'true ställer in tillfället, false återställer det' })
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

export class ConflictCheckDto implements SessionConflictCheckRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'Välj en enhet.' })
  unitId!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsUUID('all', { message: 'Välj en modul.' })
  @IfPresent()
  moduleId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsUUID('all', { message: 'Välj en version av modulen.' })
  @IfPresent()
  moduleVersionId?: string;

  @ApiProperty({ example: '2026-02-03' })
  @IsDateOnly({ message: 'Datum måste vara ett datum (ÅÅÅÅ-MM-DD).' })
  date!: string;

  @ApiProperty({ example: '14:00' })
  @Matches(TIME_OF_DAY, { message: 'Starttid anges som TT:MM, till exempel 14:00.' })
  @IsString({ message: 'Starttid anges som TT:MM, till exempel 14:00.' })
  startTime!: string;

  @ApiProperty()
  @Max(DURATION_MAX, { message: `Ett tillfälle kan vara högst ${DURATION_MAX} minuter.` })
  @Min(DURATION_MIN, { message: `Ett tillfälle är minst ${DURATION_MIN} minuter.` })
  @IsInt({ message: 'Längden anges i hela minuter.' })
  durationMinutes!: number;

  @ApiProperty()
  @MaxLength(PLACE_MAX, { message: `Platsen får ha högst ${PLACE_MAX} tecken.` })
  @IsString({ message: 'Platsen måste vara text.' })
  @Trim()
  place!: string;

  @ApiProperty({ type: [String] })
  @IsUUID('all', { each: true, message: 'Välj ledare.' })
  @ArrayMaxSize(FACILITATORS_MAX, { message: `Högst ${FACILITATORS_MAX} ledare.` })
  @IsArray({ message: 'Ledare (facilitatorIds) måste vara en lista.' })
  facilitatorIds!: string[];

  @ApiPropertyOptional({ enum: ActivityCategory })
  @IsEnum(ActivityCategory, { message: 'Välj en aktivitetstyp.' })
  @IfPresent()
  activityCategory?: ActivityCategory;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsUUID('all', { message: 'Tillfället (sessionId) har fel format.' })
  @IfPresent()
  sessionId?: string;
}
