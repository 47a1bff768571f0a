import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoutes, CompetenceProfile, MyCompetenceGap, UnitCompetenceGap } from '@kunna/contracts';
import { type Caller, CallerParam, Permit } from '../../auth';
import { CompetenceProfileDto } from './profiles.dto';
import { ProfilesService } from './profiles.service';

const UUID_PIPE = new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 });

@ApiTags('insights')
@Controller()
export class ProfilesController {
  constructor(private readonly profiles: ProfilesService) {}

  @Permit('profiles.list')
  @Get(ApiRoutes.insights.competenceProfiles)
  list(@CallerParam() caller: Caller): Promise<CompetenceProfile[]> {
    return this.profiles.list(caller);
  }

  /** Create or replace under the client's id (idempotent); another organisation's id answers 404. */
  @Permit('profiles.save')
  @Put(ApiRoutes.insights.competenceProfile)
  save(@CallerParam() caller: Caller, @Param('profileId', UUID_PIPE) profileId: string, @Body() body: CompetenceProfileDto): Promise<CompetenceProfile> {
    return this.profiles.save(caller, profileId, body);
  }

  @Permit('profiles.remove')
  @Delete(ApiRoutes.insights.competenceProfile)
  @HttpCode(204)
  remove(@Param('profileId', UUID_PIPE) profileId: string): Promise<void> {
    return this.profiles.remove(profileId);
  }

  @Permit('profiles.unit', { unit: 'unitId' })
  @Get(ApiRoutes.insights.unitCompetenceGap)
  unit(@Param('unitId') unitId: string): Promise<UnitCompetenceGap> {
    return this.profiles.unit(unitId);
  }

  @Permit('profiles.mine')
  @Get(ApiRoutes.insights.myCompetenceGap)
  mine(@CallerParam() caller: Caller): Promise<MyCompetenceGap> {
    return this.profiles.mine(caller);
  }
}
