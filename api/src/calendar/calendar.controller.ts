import { Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiRoutes, CalendarFeedCreated, CalendarFeedStatus } from '@kunna/contracts';
import { type Caller, CallerParam, Permit, Public } from '../auth';
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
  async feed(@Param('token') token: string, @Res({ passthrough: true }) response: Response): Promise<string> {
    const calendar = await this.calendar.feed(token);
    // Only on success (`@Header` would also label an unknown token's 404 JSON as a calendar); every /api answer is
    // already `Cache-Control: no-store`.
    response.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    return calendar;
  }
}
