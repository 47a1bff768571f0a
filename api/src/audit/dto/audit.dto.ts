import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { AUDIT_RETENTION_MAX_DAYS, AUDIT_RETENTION_MIN_DAYS, AuditLogQuery, AuditRetention } from '@kunna/contracts';
import { IfPresent, IsDateOnly } from '../../common/validation';

export class AuditLogQueryDto implements AuditLogQuery {
  @ApiPropertyOptional({ format: 'date' })
  @IsDateOnly({ message: 'Från-datum måste vara ett datum (ÅÅÅÅ-MM-DD).' })
  @IfPresent()
  from?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsDateOnly({ message: 'Till-datum måste vara ett datum (ÅÅÅÅ-MM-DD).' })
  @IfPresent()
  to?: string;

  @ApiPropertyOptional()
  @Matches(/^[a-z_]+(\.[a-z_]+)*$/, { message: 'Okänd händelsetyp.' })
  @MaxLength(80, { message: 'Okänd händelsetyp.' })
  @IsString({ message: 'Händelsetyp måste vara text.' })
  @IfPresent()
  action?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsUUID('all', { message: 'Person måste vara ett id.' })
  @IfPresent()
  personId?: string;

  @ApiPropertyOptional()
  @Matches(/^[1-9][0-9]{0,17}$/, { message: 'Ogiltig sida.' })
  @IsString({ message: 'Ogiltig sida.' })
  @IfPresent()
  before?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200 })
  @Max(200, { message: 'Högst 200 per sida.' })
  @Min(1, { message: 'Minst 1 per sida.' })
  @IsInt({ message: 'Antal per sida måste vara ett heltal.' })
  @Type(() => Number)
  @IfPresent()
  limit?: number;
}

export class AuditRetentionDto implements AuditRetention {
  @ApiPropertyOptional({ nullable: true, minimum: AUDIT_RETENTION_MIN_DAYS, maximum: AUDIT_RETENTION_MAX_DAYS })
  @Max(AUDIT_RETENTION_MAX_DAYS, { message: `Lagringstiden får vara högst ${AUDIT_RETENTION_MAX_DAYS} dagar.` })
  @Min(AUDIT_RETENTION_MIN_DAYS, { message: `Lagringstiden måste vara minst ${AUDIT_RETENTION_MIN_DAYS} dagar.` })
  @IsInt({ message: 'Lagringstiden måste vara ett helt antal dagar.' })
  // Required: null (keep until removed under an archive decision) must be said, not implied by leaving it out.
  @ValidateIf((_object: object, value: unknown) => value !== null)
  retentionDays!: number | null;
}
