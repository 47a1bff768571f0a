import { Injectable } from '@nestjs/common';
import { OnDomainEvent } from '../common/domain-events';
import { AttendanceRecorded } from '../sessions';
import { AmbassadorsService } from './ambassadors.service';

/** What the ambassadors feature does when other features announce something (in the announcing request's transaction). */
@Injectable()
export class AmbassadorsListeners {
  constructor(private readonly ambassadors: AmbassadorsService) {}

  /** Trainees who have now attended every step of an ambassador training program are qualified by it. */
  @OnDomainEvent(AttendanceRecorded)
  async attendanceRecorded(event: AttendanceRecorded): Promise<void> {
    for (const completion of event.programCompletions) await this.ambassadors.qualifyFromProgram(event.organisationId, completion);
  }
}
