import { Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
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
  async feed(@Param('token') token: string, @Res({ passthrough: true }) response: Response): Promise<string> {
    const calendar = await this.calendar.feed(token);
    // Only on success (`@Header` would also label an unknown token's 404 JSON as a calendar); every /api answer is
    // already `Cache-Control: no-store`.
    response.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    return calendar;
  }
}
