import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  AttendanceBatchRequest,
  AttendanceMarkInput,
  AttendanceStatus,
  ClearMarkQuery,
  ParticipationQuery,
  WALK_IN_QUERY_MIN_LENGTH,
  WalkInQuery,
} from '@kunna/contracts';
import { IfNotNull, IfPresent, IsDateOnly, Trim } from '../../common/validation';
import { DURATION_MAX } from '../scheduling/scheduling.dto';

export const MARKS_MAX = 500;

export class AttendanceMarkDto implements AttendanceMarkInput {
  @ApiProperty({ format: 'uuid', description: 'Klientens id för markeringen' })
  @IsUUID('all', { message: 'Markeringens id måste vara ett UUID.' })
  id!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsUUID('all', { message: 'Personen (personId) har fel format.' })
  @IfPresent()
  personId?: string;

  @ApiPropertyOptional({ description: 'Namn på en drop-in-deltagare som inte finns i systemet' })
  @MaxLength(120, { message: 'Namnet får ha högst 120 tecken.' })
  @IsNotEmpty({ message: 'Skriv namnet.' })
  @IsString({ message: 'Namnet måste vara text.' })
  @Trim()
  @IfPresent()
  walkInName?: string;

  @ApiProperty({ enum: AttendanceStatus })
  @IsEnum(AttendanceStatus, { message: 'Välj närvarande, frånvarande, ledig (excused) eller delvis (partial).' })
  status!: AttendanceStatus;

  @ApiPropertyOptional({ nullable: true, description: 'Minuter närvarande, för delvis' })
  @Max(DURATION_MAX, { message: 'För många minuter.' })
  @Min(1, { message: 'Minst 1 minut.' })
  @IsInt({ message: 'Minuter anges som heltal.' })
  @IfNotNull()
  minutes?: number | null;

  @ApiProperty({ example: '2026-02-03T14:05:00.000Z' })
  @IsISO8601({ strict: true }, { message: 'Tidpunkten (recordedAt) måste vara en ISO-tidpunkt.' })
  @IsString({ message: 'Tidpunkten (recordedAt) måste vara en ISO-tidpunkt.' })
  recordedAt!: string;
}

export class AttendanceBatchDto implements AttendanceBatchRequest {
  @ApiProperty({ type: [AttendanceMarkDto] })
  @ValidateNested({ each: true })
  @Type(() => AttendanceMarkDto)
  @IsObject({ each: true, message: 'Varje markering måste vara ett objekt.' })
  @ArrayMaxSize(MARKS_MAX, { message: `Högst ${MARKS_MAX} markeringar åt gången.` })
  @IsArray({ message: 'Markeringar (marks) måste vara en lista.' })
  marks!: AttendanceMarkDto[];
}

export class ClearMarkQueryDto implements ClearMarkQuery {
  @ApiPropertyOptional({ example: '2026-02-03T14:07:00.000Z', description: 'När markeringen rensades på enheten (som recordedAt)' })
  @IsISO8601({ strict: true }, { message: 'Tidpunkten (clearedAt) måste vara en ISO-tidpunkt.' })
  @IsString({ message: 'Tidpunkten (clearedAt) måste vara en ISO-tidpunkt.' })
  @IfPresent()
  clearedAt?: string;
}

export class WalkInQueryDto implements WalkInQuery {
  @ApiProperty({ description: 'Namn eller anställningsnummer, minst 3 tecken' })
  @MaxLength(80, { message: 'Sökningen får ha högst 80 tecken.' })
  // One or two letters would list most of the organisation.
  @MinLength(WALK_IN_QUERY_MIN_LENGTH, { message: `Skriv minst ${WALK_IN_QUERY_MIN_LENGTH} tecken.` })
  @IsNotEmpty({ message: 'Skriv ett namn eller anställningsnummer.' })
  @IsString({ message: 'Sökningen måste vara text.' })
  @Trim()
  q!: string;
}

export class ParticipationQueryDto implements ParticipationQuery {
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
}
