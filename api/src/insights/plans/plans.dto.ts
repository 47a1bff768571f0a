import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsEnum, IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { CreatePlanEntryRequest, EmploymentType, TargetRequest, UpdatePlanEntryRequest, UpdateTargetRequest } from '@kunna/contracts';
import { IfNotNull, IfPresent, IsDateOnly, TrimToNull } from '../../common/validation';

// Decorators run from the property upwards: the type check sits nearest the property.

const NOTE_MAX = 500;

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
