import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ChangePasswordRequest, RedeemCodeRequest, SetLanguageRequest, SignInRequest, STAFF_LANGUAGES, StaffLanguage } from '@kunna/contracts';

// With `stopAtFirstError` class-validator reports the first failing decorator from the bottom up: the
// bottom one is checked first, so "missing" comes before "wrong type" before "too long".

export class SignInDto implements SignInRequest {
  @ApiProperty({ description: 'E-post eller anställningsnummer' })
  @MaxLength(254, { message: 'E-post eller anställningsnummer är för långt.' })
  @IsString({ message: 'Fyll i e-post eller anställningsnummer.' })
  @IsNotEmpty({ message: 'Fyll i e-post eller anställningsnummer.' })
  identifier!: string;

  @ApiProperty()
  // Checked for length only to bound the work; the real rule is applied when a password is set.
  @MaxLength(1024, { message: 'Lösenordet är för långt.' })
  @IsString({ message: 'Fyll i lösenord.' })
  @IsNotEmpty({ message: 'Fyll i lösenord.' })
  password!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'Välj en organisation i listan.' })
  organisationId?: string;
}

export class RedeemCodeDto implements RedeemCodeRequest {
  @ApiProperty()
  @MaxLength(40, { message: 'Koden är för lång.' })
  @IsString({ message: 'Fyll i koden.' })
  @IsNotEmpty({ message: 'Fyll i koden.' })
  code!: string;

  @ApiProperty()
  // The length rule itself (10–128 characters) is checked by the service, with its own message.
  @MaxLength(1024, { message: 'Lösenordet får ha högst 128 tecken.' })
  @IsString({ message: 'Fyll i ett nytt lösenord.' })
  newPassword!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @MaxLength(1024, { message: 'Nuvarande lösenord stämmer inte.' })
  @IsString({ message: 'Fyll i nuvarande lösenord.' })
  currentPassword!: string;

  @ApiProperty()
  @MaxLength(1024, { message: 'Lösenordet får ha högst 128 tecken.' })
  @IsString({ message: 'Fyll i ett nytt lösenord.' })
  newPassword!: string;
}

export class SetLanguageDto implements SetLanguageRequest {
  @ApiProperty({ enum: STAFF_LANGUAGES })
  @IsIn(STAFF_LANGUAGES, { message: 'Välj ett av språken i listan.' })
  preferredLanguage!: StaffLanguage;
}
