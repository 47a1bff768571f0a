import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsNotEmpty, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { AreaKind, CreateAreaRequest, CreateUnitRequest, UpdateAreaRequest, UpdateUnitRequest } from '@kunna/contracts';
import { IfNotNull, IfPresent, Trim, TrimToNull } from '../../common/validation';

// Decorators run from the property upwards: the type check sits nearest the property (see validation.ts).

const NAME_MAX = 120;
const CODE_MAX = 40;
/** Unit codes are matched by imports: letters, digits and - _ . / without spaces. */
const UNIT_CODE = /^[\p{L}\p{N}._/-]+$/u;

export class CreateAreaDto implements CreateAreaRequest {
  @ApiProperty({ description: 'Namn på förvaltningen eller verksamhetsområdet' })
  @MaxLength(NAME_MAX, { message: `Namn får ha högst ${NAME_MAX} tecken.` })
  @IsNotEmpty({ message: 'Fyll i namn.' })
  @IsString({ message: 'Namn måste vara text.' })
  @Trim()
  name!: string;

  @ApiProperty({ enum: AreaKind })
  @IsEnum(AreaKind, { message: 'Välj typ av verksamhet.' })
  kind!: AreaKind;
}

export class UpdateAreaDto implements UpdateAreaRequest {
  @ApiPropertyOptional()
  @MaxLength(NAME_MAX, { message: `Namn får ha högst ${NAME_MAX} tecken.` })
  @IsNotEmpty({ message: 'Fyll i namn.' })
  @IsString({ message: 'Namn måste vara text.' })
  @IfPresent()
  @Trim()
  name?: string;

  @ApiPropertyOptional({ enum: AreaKind })
  @IsEnum(AreaKind, { message: 'Välj typ av verksamhet.' })
  @IfPresent()
  kind?: AreaKind;
}

export class CreateUnitDto implements CreateUnitRequest {
  @ApiProperty({ format: 'uuid', description: 'Området enheten hör till' })
  @IsUUID('all', { message: 'Välj ett område.' })
  areaId!: string;

  @ApiProperty({ description: 'Enhetens namn' })
  @MaxLength(NAME_MAX, { message: `Namn får ha högst ${NAME_MAX} tecken.` })
  @IsNotEmpty({ message: 'Fyll i enhetens namn.' })
  @IsString({ message: 'Namn måste vara text.' })
  @Trim()
  name!: string;

  @ApiPropertyOptional({ nullable: true, description: 'Enhetskod, unik i organisationen (t.ex. från HR-systemet)' })
  @Matches(UNIT_CODE, { message: 'Enhetskoden får bara innehålla bokstäver, siffror och - _ . / (inga mellanslag).' })
  @MaxLength(CODE_MAX, { message: `Enhetskoden får ha högst ${CODE_MAX} tecken.` })
  @IsString({ message: 'Enhetskoden måste vara text.' })
  @IfNotNull()
  @TrimToNull()
  code?: string | null;
}

export class UpdateUnitDto implements UpdateUnitRequest {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsUUID('all', { message: 'Välj ett område.' })
  @IfPresent()
  areaId?: string;

  @ApiPropertyOptional()
  @MaxLength(NAME_MAX, { message: `Namn får ha högst ${NAME_MAX} tecken.` })
  @IsNotEmpty({ message: 'Fyll i enhetens namn.' })
  @IsString({ message: 'Namn måste vara text.' })
  @IfPresent()
  @Trim()
  name?: string;

  @ApiPropertyOptional({ nullable: true })
  @Matches(UNIT_CODE, { message: 'Enhetskoden får bara innehålla bokstäver, siffror och - _ . / (inga mellanslag).' })
  @MaxLength(CODE_MAX, { message: `Enhetskoden får ha högst ${CODE_MAX} tecken.` })
  @IsString({ message: 'Enhetskoden måste vara text.' })
  @IfNotNull()
  @TrimToNull()
  code?: string | null;
}
