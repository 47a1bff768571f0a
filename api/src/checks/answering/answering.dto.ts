import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsNotEmpty, IsObject, IsString, IsUUID, Max, Min } from 'class-validator';
import { CheckAnswerValue, SaveAnswerRequest, SaveObservationRequest, StartKioskResponseRequest } from '@kunna/contracts';
import { IfNotNull, IfPresent } from '../../common/validation';

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
