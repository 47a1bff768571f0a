import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ChangePasswordRequest, RedeemCodeRequest, SignInRequest } from '@kunna/contracts';

export class SignInDto implements SignInRequest {
  @ApiProperty({ description: 'E-post eller anställningsnummer' })
  @IsString()
  @IsNotEmpty({ message: 'Fyll i e-post eller anställningsnummer.' })
  @MaxLength(254)
  identifier!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'Fyll i lösenord.' })
  // Checked for length only to bound the work; the real rule is applied when a password is set.
  @MaxLength(1024)
  password!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'Välj en organisation i listan.' })
  organisationId?: string;
}

export class RedeemCodeDto implements RedeemCodeRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'Fyll i koden.' })
  @MaxLength(40)
  code!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(1024)
  newPassword!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @MaxLength(1024)
  currentPassword!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(1024)
  newPassword!: string;
}
