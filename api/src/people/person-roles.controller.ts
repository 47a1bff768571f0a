import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoutes, Role, RoleGrant } from '@kunna/contracts';
import { Access, type Caller, CallerParam, inParam } from '../auth';
import { AssignRoleDto } from './dto/people.dto';
import { PersonRolesService } from './person-roles.service';

/**
 * Administrators assign every role of their organisation; HR ambassadors and managers; managers ambassadors in their
 * units; network coordinators the coordinator role of their network (person-policy.ts, `mayManageGrant`).
 */
const GRANTING_ROLES = [Role.Manager, Role.Hr, Role.OrgAdmin, Role.NetworkCoordinator];

@ApiTags('people')
@Controller()
export class PersonRolesController {
  constructor(private readonly roles: PersonRolesService) {}

  @Access({ roles: GRANTING_ROLES, target: inParam('person', 'personId') })
  @Post(ApiRoutes.people.roles)
  assign(@CallerParam() caller: Caller, @Param('personId') personId: string, @Body() body: AssignRoleDto): Promise<RoleGrant> {
    return this.roles.assign(caller, personId, body);
  }

  @Access({ roles: GRANTING_ROLES, target: inParam('person', 'personId') })
  @Delete(ApiRoutes.people.role)
  @HttpCode(204)
  revoke(@CallerParam() caller: Caller, @Param('personId') personId: string, @Param('roleId') roleId: string): Promise<void> {
    return this.roles.revoke(caller, personId, roleId);
  }
}
