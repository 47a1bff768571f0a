import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsArray, IsNotEmpty, IsNumber, IsString, Max, MaxLength, Min } from 'class-validator';
import { CheckItemInput, CreateCoreItemRequest, CreateInstrumentRequest, InstrumentDraft } from '@kunna/contracts';
import { IfNotNull, Trim, TrimToNull } from '../../common/validation';

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
