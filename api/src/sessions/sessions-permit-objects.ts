import { Injectable, OnModuleInit } from '@nestjs/common';
import type { PermissionRule } from '@kunna/contracts';
import { type Caller, PermitObjects } from '../auth';
import { forbidden, notFound } from '../common/http-errors';
import { mayEditSession, maySeeSession, SessionPosition } from './sessions-policy';
import { SessionsRepository } from './sessions.repository';

/**
 * The sessions and series that permissions name (libs/contracts/src/permissions.ts): another organisation's answer
 * 404, one the caller may see but not change 403. The guard hands the row it read to the handler (`@Permitted()`).
 */
@Injectable()
export class SessionsPermitObjects implements OnModuleInit {
  constructor(
    private readonly objects: PermitObjects,
    private readonly repository: SessionsRepository,
  ) {}

  onModuleInit(): void {
    this.objects.register('session', { resolve: (caller, id, rule) => this.check(caller, rule, () => this.repository.sessionRow(id)) });
    this.objects.register('series', { resolve: (caller, id, rule) => this.check(caller, rule, () => this.repository.seriesPosition(id)) });
  }

  private async check<T extends SessionPosition>(caller: Caller, rule: PermissionRule, read: () => Promise<T | null>): Promise<T> {
    const position = await read();
    if (!position || position.organisationId !== caller.organisationId) throw notFound();
    if (!maySeeSession(caller, position)) throw forbidden();
    if (rule.need === 'edit' && !mayEditSession(caller, position)) throw forbidden('Du får inte ändra det här tillfället.');
    return position;
  }
}
