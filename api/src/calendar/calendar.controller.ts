import { Controller, Delete, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoutes, CalendarFeedCreated, CalendarFeedStatus } from '@kunna/contracts';
import { Permit, Public } from '../auth/access.decorator';
import { CallerParam } from '../auth/caller.decorator';
import type { Caller } from '../auth/caller';
import { CalendarService } from './calendar.service';

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Permit('calendar.myFeed')
  @Get(ApiRoutes.calendar.myFeed)
  myFeed(@CallerParam() caller: Caller): Promise<CalendarFeedStatus> {
    return this.calendar.status({ personId: caller.personId });
  }

  @Permit('calendar.createMyFeed')
  @Post(ApiRoutes.calendar.myFeed)
  createMyFeed(@CallerParam() caller: Caller): Promise<CalendarFeedCreated> {
    return this.calendar.create(caller.organisationId, { personId: caller.personId }, caller.personId);
  }

  @Permit('calendar.revokeMyFeed')
  @Delete(ApiRoutes.calendar.myFeed)
  @HttpCode(204)
  revokeMyFeed(@CallerParam() caller: Caller): Promise<void> {
    return this.calendar.revoke({ personId: caller.personId });
  }

  @Permit('calendar.unitFeed', { unit: 'unitId' })
  @Get(ApiRoutes.calendar.unitFeed)
  unitFeed(@Param('unitId') unitId: string): Promise<CalendarFeedStatus> {
    return this.calendar.status({ unitId });
  }

  @Permit('calendar.createUnitFeed', { unit: 'unitId' })
  @Post(ApiRoutes.calendar.unitFeed)
  createUnitFeed(@CallerParam() caller: Caller, @Param('unitId') unitId: string): Promise<CalendarFeedCreated> {
    return this.calendar.create(caller.organisationId, { unitId }, caller.personId);
  }

  @Permit('calendar.revokeUnitFeed', { unit: 'unitId' })
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
