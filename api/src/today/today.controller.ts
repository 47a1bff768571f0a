import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoutes, TodayOverview } from '@kunna/contracts';
import { type Caller, CallerParam, Permit } from '../auth';
import { TodayService } from './today.service';

@ApiTags('today')
@Controller()
export class TodayController {
  constructor(private readonly today: TodayService) {}

  /** Everyone signed in: the sections of the roles they hold, each narrowed by the service to their own scopes. */
  @Permit('today.overview')
  @Get(ApiRoutes.today)
  overview(@CallerParam() caller: Caller): Promise<TodayOverview> {
    return this.today.overview(caller);
  }
}
