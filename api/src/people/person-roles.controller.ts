import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoutes, RoleGrant } from '@kunna/contracts';
import { type Caller, CallerParam, Permit } from '../auth';
import { AssignRoleDto } from './dto/people.dto';
import { PersonRolesService } from './person-roles.service';

@ApiTags('people')
@Controller()
export class PersonRolesController {
  constructor(private readonly roles: PersonRolesService) {}

  @Permit('personRoles.assign', { person: 'personId' })
  @Post(ApiRoutes.people.roles)
  assign(@CallerParam() caller: Caller, @Param('personId') personId: string, @Body() body: AssignRoleDto): Promise<RoleGrant> {
    return this.roles.assign(caller, personId, body);
  }

  @Permit('personRoles.revoke', { person: 'personId' })
  @Delete(ApiRoutes.people.role)
  @HttpCode(204)
  revoke(@CallerParam() caller: Caller, @Param('personId') personId: string, @Param('roleId') roleId: string): Promise<void> {
    return this.roles.revoke(caller, personId, roleId);
  }
}
