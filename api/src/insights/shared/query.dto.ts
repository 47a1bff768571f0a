import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsString, IsUUID, MaxLength } from 'class-validator';
import { EmploymentType, InsightParticipationQuery, ParticipationGrouping, PeriodQuery } from '@kunna/contracts';
import { IfPresent, IsDateOnly, Trim } from '../../common/validation';

// Decorators run from the property upwards: the type check sits nearest the property.

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
