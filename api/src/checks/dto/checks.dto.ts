import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsArray, IsBoolean, IsEnum, IsIn, IsInt, IsNotEmpty, IsNumber, IsObject, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import {
  CancelAssignmentRequest,
  CheckAnswerValue,
  CheckItemInput,
  CheckKind,
  CreateCheckAssignmentRequest,
  CreateCoreItemRequest,
  CreateInstrumentRequest,
  InstrumentDraft,
  OpenRoundRequest,
  ResultsQuery,
  SaveAnswerRequest,
  SaveObservationRequest,
  StartKioskResponseRequest,
  CheckAssignmentListQuery,
  SupportSignalsQuery,
} from '@kunna/contracts';
import { IfNotNull, IfPresent, Trim, TrimToNull } from '../../common/validation';

// Items are checked field by field by `parseItems` (instrument-items.ts), which names each field in its problems.

export class CreateCoreItemDto implements CreateCoreItemRequest {
  @ApiProperty() @Allow() kind!: CreateCoreItemRequest['kind'];
  @ApiProperty() @Allow() textSv!: string;
  @ApiPropertyOptional() @Allow() textEn!: string | null;
  @ApiPropertyOptional() @Allow() dimension!: CreateCoreItemRequest['dimension'];
  @ApiPropertyOptional() @Allow() digCompCode!: string | null;
  @ApiPropertyOptional() @Allow() thenOf!: string | null;
  @ApiPropertyOptional() @Allow() form!: CreateCoreItemRequest['form'];
  @ApiPropertyOptional() @Allow() multiple!: boolean;
  @ApiPropertyOptional() @Allow() options!: CreateCoreItemRequest['options'];
  @ApiPropertyOptional() @Allow() explanationSv!: string | null;
  @ApiPropertyOptional() @Allow() explanationEn!: string | null;
}

export class CreateInstrumentDto implements CreateInstrumentRequest {
  @ApiProperty({ example: 'Digital signering' })
  @MaxLength(200, { message: 'Högst 200 tecken.' })
  @IsNotEmpty({ message: 'Ge mätningen ett namn.' })
  @IsString({ message: 'Ge mätningen ett namn.' })
  @Trim()
  title!: string;
}

export class InstrumentDraftDto implements InstrumentDraft {
  @ApiProperty()
  @MaxLength(200, { message: 'Högst 200 tecken.' })
  @IsNotEmpty({ message: 'Ge mätningen ett namn.' })
  @IsString({ message: 'Ge mätningen ett namn.' })
  @Trim()
  title!: string;

  @ApiPropertyOptional({ nullable: true })
  @MaxLength(2000, { message: 'Högst 2000 tecken.' })
  @IsString({ message: 'Ska vara text.' })
  @IfNotNull()
  @TrimToNull()
  descriptionSv!: string | null;

  @ApiProperty({ example: 2, description: 'Medelvärde under detta (1–4) ger en stödsignal till ombudet' })
  @Max(4, { message: 'Ange ett värde mellan 1 och 4.' })
  @Min(1, { message: 'Ange ett värde mellan 1 och 4.' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }, { message: 'Ange ett värde mellan 1 och 4.' })
  supportThreshold!: number;

  @ApiProperty({ type: 'array', items: { type: 'object' } })
  @IsArray({ message: 'Frågorna ska vara en lista.' })
  items!: CheckItemInput[];
}

export class CreateAssignmentDto implements CreateCheckAssignmentRequest {
  @ApiProperty({ format: 'uuid', description: 'Skapas av klienten så att ett nytt försök ger samma tilldelning' })
  @IsUUID('all', { message: 'Ska vara ett uuid.' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'Välj en enhet.' })
  unitId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'Välj en mätning.' })
  instrumentVersionId!: string;

  @ApiProperty({ example: 'Tillfälle: digital signering' })
  @MaxLength(200, { message: 'Högst 200 tecken.' })
  @IsNotEmpty({ message: 'Ge mätningen en rubrik.' })
  @IsString({ message: 'Ge mätningen en rubrik.' })
  @Trim()
  title!: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'Tillfället mätningen hör till' })
  @IsUUID('all', { message: 'Ska vara ett uuid.' })
  @IfNotNull()
  sessionId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsUUID('all', { message: 'Ska vara ett uuid.' })
  @IfNotNull()
  programId?: string | null;

  @ApiPropertyOptional({ example: 10, description: 'Uppföljning så många veckor efter efter-mätningen' })
  @Max(52, { message: 'Ange 1–52 veckor.' })
  @Min(1, { message: 'Ange 1–52 veckor.' })
  @IsInt({ message: 'Ange 1–52 veckor.' })
  @IfPresent()
  followUpWeeks?: number;
}

export class AssignmentListQueryDto implements CheckAssignmentListQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsUUID('all', { message: 'Ska vara ett uuid.' })
  @IfPresent()
  unitId?: string;
}

export class CancelAssignmentDto implements CancelAssignmentRequest {
  @ApiProperty({ example: 'Tillfället blev inte av.' })
  @MaxLength(500, { message: 'Högst 500 tecken.' })
  @IsNotEmpty({ message: 'Skriv varför mätningen avbryts.' })
  @IsString({ message: 'Skriv varför mätningen avbryts.' })
  @Trim()
  reason!: string;
}

export class OpenRoundDto implements OpenRoundRequest {
  @ApiProperty({ enum: CheckKind })
  @IsEnum(CheckKind, { message: 'Välj före, efter eller uppföljning.' })
  kind!: CheckKind;
}

export class SaveAnswerDto implements SaveAnswerRequest {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  @IsObject({ message: 'Svaret har fel form.' })
  @IfNotNull()
  value?: CheckAnswerValue | null;

  @ApiPropertyOptional()
  @IsBoolean({ message: 'Ska vara sant eller falskt.' })
  @IfPresent()
  declined?: boolean;
}

export class StartKioskDto implements StartKioskResponseRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'Ska vara ett uuid.' })
  responseId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'Välj ditt namn.' })
  personId!: string;
}

export class SaveObservationDto implements SaveObservationRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'Välj en person.' })
  personId!: string;

  @ApiProperty()
  @IsNotEmpty({ message: 'Välj en fråga.' })
  @IsString({ message: 'Välj en fråga.' })
  itemKey!: string;

  @ApiProperty({ minimum: 1, maximum: 4 })
  @Max(4, { message: 'Välj ett av de fyra stegen.' })
  @Min(1, { message: 'Välj ett av de fyra stegen.' })
  @IsInt({ message: 'Välj ett av de fyra stegen.' })
  rating!: number;
}

export class ResultsQueryDto implements ResultsQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'Välj en mätning.' })
  instrumentId!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsUUID('all', { message: 'Ska vara ett uuid.' })
  @IfPresent()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsUUID('all', { message: 'Ska vara ett uuid.' })
  @IfPresent()
  areaId?: string;

  @ApiPropertyOptional()
  @MaxLength(100, { message: 'Högst 100 tecken.' })
  @IsString({ message: 'Ska vara text.' })
  @IfPresent()
  roleTitle?: string;

  @ApiPropertyOptional({ enum: ['permanent', 'substitute', 'hourly'] })
  @IsIn(['permanent', 'substitute', 'hourly'], { message: 'Välj tillsvidare, vikarie eller timanställd.' })
  @IfPresent()
  employmentType?: 'permanent' | 'substitute' | 'hourly';
}

export class SupportSignalsQueryDto implements SupportSignalsQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'Välj en enhet.' })
  unitId!: string;
}
