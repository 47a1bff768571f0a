import { Injectable, OnModuleInit } from '@nestjs/common';
import type { PermissionRule } from '@kunna/contracts';
import { type Caller, PermitObjects } from '../auth';
import { forbidden, notFound } from '../common/http-errors';
import { mayEditSession, maySeeSession, SessionPosition } from './sessions-policy';
import { SchedulingRepository } from './scheduling/scheduling.repository';
import { SeriesRepository } from './series/series.repository';

/**
 * The sessions and series that permissions name (libs/contracts/src/permissions.ts): another organisation's answer
 * 404, one the caller may see but not change 403. The guard hands the row it read to the handler (`@Permitted()`).
 */
@Injectable()
export class SessionsPermitObjects implements OnModuleInit {
  constructor(
    private readonly objects: PermitObjects,
    private readonly sessions: SchedulingRepository,
    private readonly series: SeriesRepository,
  ) {}

  onModuleInit(): void {
    this.objects.register('session', { resolve: (caller, id, rule) => this.check(caller, rule, () => this.sessions.sessionRow(id)) });
    this.objects.register('series', { resolve: (caller, id, rule) => this.check(caller, rule, () => this.series.seriesPosition(id)) });
  }

  private async check<T extends SessionPosition>(caller: Caller, rule: PermissionRule, read: () => Promise<T | null>): Promise<T> {
    const position = await read();
    if (!position || position.organisationId !== caller.organisationId) throw notFound();
    if (!maySeeSession(caller, position)) throw forbidden();
    if (rule.need === 'edit' && !mayEditSession(caller, position)) throw forbidden('Du får inte ändra det här tillfället.');
    return position;
  }
}
