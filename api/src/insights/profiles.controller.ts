import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoutes, CompetenceProfile, MyCompetenceGap, Role, UnitCompetenceGap } from '@kunna/contracts';
import { Access, type Caller, CallerParam, inParam, OWN_ORGANISATION, SELF } from '../auth';
import { CompetenceProfileDto } from './dto/profiles.dto';
import { PROFILE_ROLES, TEAM_ROLES } from './insights-policy';
import { ProfilesService } from './profiles.service';

const UUID_PIPE = new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 });

@ApiTags('insights')
@Controller()
export class ProfilesController {
  constructor(private readonly profiles: ProfilesService) {}

  @Access({ roles: PROFILE_ROLES, target: OWN_ORGANISATION })
  @Get(ApiRoutes.insights.competenceProfiles)
  list(@CallerParam() caller: Caller): Promise<CompetenceProfile[]> {
    return this.profiles.list(caller);
  }

  /** Create or replace under the client's id (idempotent); another organisation's id answers 404. */
  @Access({ roles: PROFILE_ROLES, target: OWN_ORGANISATION })
  @Put(ApiRoutes.insights.competenceProfile)
  save(@CallerParam() caller: Caller, @Param('profileId', UUID_PIPE) profileId: string, @Body() body: CompetenceProfileDto): Promise<CompetenceProfile> {
    return this.profiles.save(caller, profileId, body);
  }

  @Access({ roles: PROFILE_ROLES, target: OWN_ORGANISATION })
  @Delete(ApiRoutes.insights.competenceProfile)
  @HttpCode(204)
  remove(@Param('profileId', UUID_PIPE) profileId: string): Promise<void> {
    return this.profiles.remove(profileId);
  }

  @Access({ roles: TEAM_ROLES, target: inParam('unit', 'unitId') })
  @Get(ApiRoutes.insights.unitCompetenceGap)
  unit(@Param('unitId') unitId: string): Promise<UnitCompetenceGap> {
    return this.profiles.unit(unitId);
  }

  @Access({ roles: [Role.Staff], target: SELF })
  @Get(ApiRoutes.insights.myCompetenceGap)
  mine(@CallerParam() caller: Caller): Promise<MyCompetenceGap> {
    return this.profiles.mine(caller);
  }
}
