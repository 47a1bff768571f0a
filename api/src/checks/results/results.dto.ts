import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import { ResultsQuery, SupportSignalsQuery } from '@kunna/contracts';
import { IfPresent } from '../../common/validation';

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
