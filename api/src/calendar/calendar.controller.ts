import { Controller, Delete, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoutes, CalendarFeedCreated, CalendarFeedStatus, Role } from '@kunna/contracts';
import { Access, type Caller, CallerParam, inParam, Public, SELF } from '../auth';
import { CalendarService } from './calendar.service';

/** Everyone may subscribe to their own sessions; a unit's managers and ambassadors manage the unit's feed. */
const UNIT_FEED_ROLES = [Role.Manager, Role.Ambassador];

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Access({ roles: [Role.Staff], target: SELF })
  @Get(ApiRoutes.calendar.myFeed)
  myFeed(@CallerParam() caller: Caller): Promise<CalendarFeedStatus> {
    return this.calendar.status({ personId: caller.personId });
  }

  @Access({ roles: [Role.Staff], target: SELF })
  @Post(ApiRoutes.calendar.myFeed)
  createMyFeed(@CallerParam() caller: Caller): Promise<CalendarFeedCreated> {
    return this.calendar.create(caller.organisationId, { personId: caller.personId }, caller.personId);
  }

  @Access({ roles: [Role.Staff], target: SELF })
  @Delete(ApiRoutes.calendar.myFeed)
  @HttpCode(204)
  revokeMyFeed(@CallerParam() caller: Caller): Promise<void> {
    return this.calendar.revoke({ personId: caller.personId });
  }

  @Access({ roles: UNIT_FEED_ROLES, target: inParam('unit', 'unitId') })
  @Get(ApiRoutes.calendar.unitFeed)
  unitFeed(@Param('unitId') unitId: string): Promise<CalendarFeedStatus> {
    return this.calendar.status({ unitId });
  }

  @Access({ roles: UNIT_FEED_ROLES, target: inParam('unit', 'unitId') })
  @Post(ApiRoutes.calendar.unitFeed)
  createUnitFeed(@CallerParam() caller: Caller, @Param('unitId') unitId: string): Promise<CalendarFeedCreated> {
    return this.calendar.create(caller.organisationId, { unitId }, caller.personId);
  }

  @Access({ roles: UNIT_FEED_ROLES, target: inParam('unit', 'unitId') })
  @Delete(ApiRoutes.calendar.unitFeed)
  @HttpCode(204)
  revokeUnitFeed(@Param('unitId') unitId: string): Promise<void> {
    return this.calendar.revoke({ unitId });
  }

  /** The feed itself, for calendar clients that cannot sign in: the unguessable token is the credential. */
  @Public()
  @Get(ApiRoutes.calendar.feed)
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  feed(@Param('token') token: string): Promise<string> {
    return this.calendar.feed(token);
  }
}
