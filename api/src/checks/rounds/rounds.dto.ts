import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsInt, IsNotEmpty, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { CancelAssignmentRequest, CheckAssignmentListQuery, CheckKind, CreateCheckAssignmentRequest, OpenRoundRequest } from '@kunna/contracts';
import { IfNotNull, IfPresent, Trim } from '../../common/validation';

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
