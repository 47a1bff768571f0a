import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { LeaveKioskRequest } from '@kunna/contracts';

export class LeaveKioskDto implements LeaveKioskRequest {
  @ApiProperty({ description: 'Lösenordet för den som startade surfplatteläget' })
  // Checked for length only to bound the work.
  @MaxLength(1024, { message: 'Lösenordet är för långt.' })
  @IsString({ message: 'Fyll i ditt lösenord.' })
  @IsNotEmpty({ message: 'Fyll i ditt lösenord.' })
  password!: string;
}
