import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { CreateSupportEntryRequest, SupportListQuery } from '@kunna/contracts';
import { IfNotNull, IfPresent, IsDateOnly, Trim, TrimToNull } from '../../common/validation';

export class CreateSupportEntryDto implements CreateSupportEntryRequest {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsUUID('all', { message: 'Id har fel format.' })
  @IfPresent()
  id?: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'Välj personen som fick stöd.' })
  personId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'Välj en enhet.' })
  unitId!: string;

  @ApiProperty({ example: '2026-02-03' })
  @IsDateOnly({ message: 'Datum måste vara ett datum (ÅÅÅÅ-MM-DD).' })
  date!: string;

  @ApiProperty({ example: 20 })
  @Max(600, { message: 'Högst 600 minuter.' })
  @Min(1, { message: 'Minst 1 minut.' })
  @IsInt({ message: 'Minuter anges som heltal.' })
  minutes!: number;

  @ApiProperty({ example: 'Logga in i journalsystemet' })
  @MaxLength(200, { message: 'Ämnet får ha högst 200 tecken.' })
  @IsNotEmpty({ message: 'Skriv vad stödet handlade om.' })
  @IsString({ message: 'Ämnet måste vara text.' })
  @Trim()
  topic!: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsUUID('all', { message: 'Välj en modul.' })
  @IfNotNull()
  moduleId?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Syns bara för personen och enhetens ombud' })
  @MaxLength(2000, { message: 'Anteckningen får ha högst 2000 tecken.' })
  @IsString({ message: 'Anteckningen måste vara text.' })
  @IfNotNull()
  @TrimToNull()
  notes?: string | null;
}

export class SupportListQueryDto implements SupportListQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsUUID('all', { message: 'Enheten (unitId) har fel format.' })
  @IfPresent()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsUUID('all', { message: 'Personen (personId) har fel format.' })
  @IfPresent()
  personId?: string;
}
