import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min, ValidateIf } from 'class-validator';
import { PERSONAL_DATA_RETENTION_MAX_MONTHS, PERSONAL_DATA_RETENTION_MIN_MONTHS, PersonalDataRetention } from '@kunna/contracts';

export class PersonalDataRetentionDto implements PersonalDataRetention {
  @ApiPropertyOptional({ nullable: true, minimum: PERSONAL_DATA_RETENTION_MIN_MONTHS, maximum: PERSONAL_DATA_RETENTION_MAX_MONTHS })
  @Max(PERSONAL_DATA_RETENTION_MAX_MONTHS, { message: `Lagringstiden får vara högst ${PERSONAL_DATA_RETENTION_MAX_MONTHS} månader.` })
  @Min(PERSONAL_DATA_RETENTION_MIN_MONTHS, { message: `Lagringstiden måste vara minst ${PERSONAL_DATA_RETENTION_MIN_MONTHS} månad.` })
  @IsInt({ message: 'Lagringstiden måste vara ett helt antal månader.' })
  // Required: null (kept until disposed of under the archive decision) must be said, not implied by leaving it out.
  @ValidateIf((_object: object, value: unknown) => value !== null)
  retentionMonths!: number | null;
}
