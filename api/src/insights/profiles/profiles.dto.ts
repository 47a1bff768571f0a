import { ApiProperty } from '@nestjs/swagger';
import { IsArray, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { CompetenceProfileRequest, CompetenceTarget } from '@kunna/contracts';
import { IfNotNull, Trim } from '../../common/validation';

export class CompetenceProfileDto implements CompetenceProfileRequest {
  @ApiProperty({ example: 'undersköterska' })
  @MaxLength(100, { message: 'Befattningen (roleTitle) får vara högst 100 tecken.' })
  @MinLength(1, { message: 'Ange befattningen (roleTitle).' })
  @IsString({ message: 'Befattningen (roleTitle) ska vara text.' })
  @Trim()
  roleTitle!: string;

  @ApiProperty({ format: 'uuid', nullable: true, description: 'Null: hela organisationen.' })
  @IsUUID('all', { message: 'Området (areaId) har fel format.' })
  @IfNotNull()
  areaId!: string | null;

  // Each target is read by parseTargets (profile-gaps.ts), which names the element's field in its problems.
  @ApiProperty({
    example: [
      { competence: 'skills', level: 3 },
      { competence: 'digcomp:2.1', level: 2 },
    ],
  })
  @IsArray({ message: 'Målnivåerna (targets) ska vara en lista.' })
  targets!: CompetenceTarget[];
}
