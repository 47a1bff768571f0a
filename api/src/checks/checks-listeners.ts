import { Injectable } from '@nestjs/common';
import { OnDomainEvent } from '../common/domain-events';
import { SessionsStatusChanged } from '../sessions';
import { RoundsService } from './rounds/rounds.service';

/** What the checks feature does when other features announce something (in the announcing request's transaction). */
@Injectable()
export class ChecksListeners {
  constructor(private readonly rounds: RoundsService) {}

  /** The follow-up check of a cancelled session is not opened; restoring the session schedules it again. */
  @OnDomainEvent(SessionsStatusChanged)
  async sessionsStatusChanged(event: SessionsStatusChanged): Promise<void> {
    await this.rounds.sessionsStatusChanged(event.sessionIds, event.cancelled);
  }
}
