import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsEnum, IsIn, IsInt, IsNotEmpty, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import {
  ASSIGNABLE_ROLES,
  AssignableRole,
  AssignRoleRequest,
  CreatePersonRequest,
  EmploymentType,
  EndEmploymentRequest,
  Gender,
  IssueOneTimeCodeRequest,
  MovePersonRequest,
  OneTimeCodePurpose,
  PeopleQuery,
  UiLanguage,
  UpdatePersonRequest,
} from '@kunna/contracts';
import { IfNotNull, IfPresent, IsDateOnly, Trim, TrimToNull } from '../../common/validation';

// Decorators run from the property upwards: the type check sits nearest the property (see validation.ts).

const NAME_MAX = 100;
const EMPLOYEE_NUMBER_MAX = 40;
/** Employee numbers come from HR systems: letters, digits and - _ . / without spaces. */
const EMPLOYEE_NUMBER = /^[\p{L}\p{N}._/-]+$/u;
const LANGUAGES: UiLanguage[] = ['sv', 'en'];
const PURPOSES: OneTimeCodePurpose[] = ['first_sign_in', 'password_reset'];
export const PEOPLE_PAGE_MAX = 1000;

export class CreatePersonDto implements CreatePersonRequest {
  @ApiProperty()
  @MaxLength(NAME_MAX, { message: `Förnamn får ha högst ${NAME_MAX} tecken.` })
  @IsNotEmpty({ message: 'Fyll i förnamn.' })
  @IsString({ message: 'Förnamn måste vara text.' })
  @Trim()
  firstName!: string;

  @ApiProperty()
  @MaxLength(NAME_MAX, { message: `Efternamn får ha högst ${NAME_MAX} tecken.` })
  @IsNotEmpty({ message: 'Fyll i efternamn.' })
  @IsString({ message: 'Efternamn måste vara text.' })
  @Trim()
  lastName!: string;

  @ApiProperty({ description: 'Unikt i organisationen' })
  @Matches(EMPLOYEE_NUMBER, { message: 'Anställningsnumret får bara innehålla bokstäver, siffror och - _ . / (inga mellanslag).' })
  @MaxLength(EMPLOYEE_NUMBER_MAX, { message: `Anställningsnumret får ha högst ${EMPLOYEE_NUMBER_MAX} tecken.` })
  @IsNotEmpty({ message: 'Fyll i anställningsnummer.' })
  @IsString({ message: 'Anställningsnumret måste vara text.' })
  @Trim()
  employeeNumber!: string;

  @ApiPropertyOptional({ nullable: true, description: 'Valfri: många medarbetare har ingen e-post i tjänsten' })
  @IsEmail({}, { message: 'E-postadressen är inte giltig.' })
  @MaxLength(254, { message: 'E-postadressen får ha högst 254 tecken.' })
  @IsString({ message: 'E-postadressen måste vara text.' })
  @IfNotNull()
  @TrimToNull()
  email?: string | null;

  @ApiProperty({ description: 'Befattning, t.ex. undersköterska' })
  @MaxLength(NAME_MAX, { message: `Befattning får ha högst ${NAME_MAX} tecken.` })
  @IsNotEmpty({ message: 'Fyll i befattning.' })
  @IsString({ message: 'Befattning måste vara text.' })
  @Trim()
  roleTitle!: string;

  @ApiProperty({ enum: EmploymentType })
  @IsEnum(EmploymentType, { message: 'Välj anställningsform (tillsvidare, vikarie eller timavlönad).' })
  employmentType!: EmploymentType;

  @ApiProperty({ format: 'date' })
  @IsDateOnly({ message: 'Startdatum måste vara ett datum (ÅÅÅÅ-MM-DD).' })
  startDate!: string;

  @ApiPropertyOptional({ enum: Gender, nullable: true, description: 'Valfri, för redovisning till finansiärer' })
  @IsEnum(Gender, { message: 'Kön måste vara kvinna, man eller annat (eller lämnas tomt).' })
  @IfNotNull()
  gender?: Gender | null;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsIn(LANGUAGES, { message: 'Språk måste vara svenska (sv) eller engelska (en).' })
  @IfPresent()
  preferredLanguage?: UiLanguage;

  @ApiProperty({ format: 'uuid', description: 'Enheten personen börjar i' })
  @IsUUID('all', { message: 'Välj en enhet.' })
  unitId!: string;
}

export class UpdatePersonDto implements UpdatePersonRequest {
  @ApiPropertyOptional()
  @MaxLength(NAME_MAX, { message: `Förnamn får ha högst ${NAME_MAX} tecken.` })
  @IsNotEmpty({ message: 'Fyll i förnamn.' })
  @IsString({ message: 'Förnamn måste vara text.' })
  @IfPresent()
  @Trim()
  firstName?: string;

  @ApiPropertyOptional()
  @MaxLength(NAME_MAX, { message: `Efternamn får ha högst ${NAME_MAX} tecken.` })
  @IsNotEmpty({ message: 'Fyll i efternamn.' })
  @IsString({ message: 'Efternamn måste vara text.' })
  @IfPresent()
  @Trim()
  lastName?: string;

  @ApiPropertyOptional()
  @Matches(EMPLOYEE_NUMBER, { message: 'Anställningsnumret får bara innehålla bokstäver, siffror och - _ . / (inga mellanslag).' })
  @MaxLength(EMPLOYEE_NUMBER_MAX, { message: `Anställningsnumret får ha högst ${EMPLOYEE_NUMBER_MAX} tecken.` })
  @IsNotEmpty({ message: 'Fyll i anställningsnummer.' })
  @IsString({ message: 'Anställningsnumret måste vara text.' })
  @IfPresent()
  @Trim()
  employeeNumber?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsEmail({}, { message: 'E-postadressen är inte giltig.' })
  @MaxLength(254, { message: 'E-postadressen får ha högst 254 tecken.' })
  @IsString({ message: 'E-postadressen måste vara text.' })
  @IfNotNull()
  @TrimToNull()
  email?: string | null;

  @ApiPropertyOptional()
  @MaxLength(NAME_MAX, { message: `Befattning får ha högst ${NAME_MAX} tecken.` })
  @IsNotEmpty({ message: 'Fyll i befattning.' })
  @IsString({ message: 'Befattning måste vara text.' })
  @IfPresent()
  @Trim()
  roleTitle?: string;

  @ApiPropertyOptional({ enum: EmploymentType })
  @IsEnum(EmploymentType, { message: 'Välj anställningsform (tillsvidare, vikarie eller timavlönad).' })
  @IfPresent()
  employmentType?: EmploymentType;

  @ApiPropertyOptional({ format: 'date' })
  @IsDateOnly({ message: 'Startdatum måste vara ett datum (ÅÅÅÅ-MM-DD).' })
  @IfPresent()
  startDate?: string;

  @ApiPropertyOptional({ enum: Gender, nullable: true })
  @IsEnum(Gender, { message: 'Kön måste vara kvinna, man eller annat (eller lämnas tomt).' })
  @IfNotNull()
  gender?: Gender | null;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsIn(LANGUAGES, { message: 'Språk måste vara svenska (sv) eller engelska (en).' })
  @IfPresent()
  preferredLanguage?: UiLanguage;
}

export class MovePersonDto implements MovePersonRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'Välj enheten personen flyttar till.' })
  toUnitId!: string;

  @ApiProperty({ format: 'date', description: 'Första dagen i den nya enheten' })
  @IsDateOnly({ message: 'Datum för flytten måste vara ett datum (ÅÅÅÅ-MM-DD).' })
  date!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Behövs bara om personen finns i flera enheter' })
  @IsUUID('all', { message: 'Välj enheten personen flyttar från.' })
  @IfPresent()
  fromUnitId?: string;
}

export class EndEmploymentDto implements EndEmploymentRequest {
  @ApiProperty({ format: 'date', description: 'Sista anställningsdagen' })
  @IsDateOnly({ message: 'Slutdatum måste vara ett datum (ÅÅÅÅ-MM-DD).' })
  endDate!: string;
}

export class IssueOneTimeCodeDto implements IssueOneTimeCodeRequest {
  @ApiProperty({ enum: PURPOSES })
  @IsIn(PURPOSES, { message: 'Välj första inloggning (first_sign_in) eller nytt lösenord (password_reset).' })
  purpose!: OneTimeCodePurpose;
}

export class AssignRoleDto implements AssignRoleRequest {
  @ApiProperty({ enum: ASSIGNABLE_ROLES })
  @IsIn(ASSIGNABLE_ROLES, { message: 'Välj en roll som kan tilldelas.' })
  role!: AssignableRole;

  @ApiProperty({ format: 'uuid', description: 'Enhet, område, organisation eller nätverk, efter roll' })
  @IsUUID('all', { message: 'Välj var rollen gäller.' })
  scopeId!: string;

  @ApiPropertyOptional({ format: 'date', description: 'Standard: i dag' })
  @IsDateOnly({ message: 'Startdatum måste vara ett datum (ÅÅÅÅ-MM-DD).' })
  @IfPresent()
  startDate?: string;

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @IsDateOnly({ message: 'Slutdatum måste vara ett datum (ÅÅÅÅ-MM-DD).' })
  @IfNotNull()
  endDate?: string | null;
}

/** Query strings arrive as text: numbers and booleans are converted here and rejected when malformed. */
export class PeopleQueryDto implements PeopleQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsUUID('all', { message: 'Enheten (unitId) är inte giltig.' })
  @IfPresent()
  unitId?: string;

  @ApiPropertyOptional({ description: 'Del av namn eller anställningsnummer' })
  @MaxLength(100, { message: 'Sökningen får ha högst 100 tecken.' })
  @IsString({ message: 'Sökningen måste vara text.' })
  @IfPresent()
  @Trim()
  q?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsBoolean({ message: 'Visa avslutade (includeEnded) måste vara true eller false.' })
  @IfPresent()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  includeEnded?: boolean;

  @ApiPropertyOptional({ type: Number, maximum: PEOPLE_PAGE_MAX })
  @Max(PEOPLE_PAGE_MAX, { message: `Antal (limit) får vara högst ${PEOPLE_PAGE_MAX}.` })
  @Min(1, { message: 'Antal (limit) måste vara minst 1.' })
  @IsInt({ message: 'Antal (limit) måste vara ett heltal.' })
  @IfPresent()
  @Type(() => Number)
  limit?: number;

  @ApiPropertyOptional({ type: Number })
  @Min(0, { message: 'Början (offset) får inte vara negativ.' })
  @IsInt({ message: 'Början (offset) måste vara ett heltal.' })
  @IfPresent()
  @Type(() => Number)
  offset?: number;
}
