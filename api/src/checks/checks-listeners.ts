import { Injectable } from '@nestjs/common';
import { OnDomainEvent } from '../common/domain-events';
import { SessionsStatusChanged } from '../sessions';
import { ChecksService } from './checks.service';

/** What the checks feature does when other features announce something (in the announcing request's transaction). */
@Injectable()
export class ChecksListeners {
  constructor(private readonly checks: ChecksService) {}

  /** The follow-up check of a cancelled session is not opened; restoring the session schedules it again. */
  @OnDomainEvent(SessionsStatusChanged)
  async sessionsStatusChanged(event: SessionsStatusChanged): Promise<void> {
    await this.checks.sessionsStatusChanged(event.sessionIds, event.cancelled);
  }
}
