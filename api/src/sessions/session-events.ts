/**
 * Domain events of the sessions feature (published with DomainEvents, api/src/common/domain-events.ts): other features
 * act on them in the same transaction, and the sessions feature does not know who listens.
 */

/** Sessions were cancelled (`cancelled`) or restored. Empty `sessionIds` are not published. */
export class SessionsStatusChanged {
  static readonly eventName = 'sessions.statusChanged';

  constructor(
    readonly sessionIds: string[],
    readonly cancelled: boolean,
  ) {}
}

/** A trainee who has now attended every step of an ambassador training program. */
export interface ProgramCompletion {
  personId: string;
  programId: string;
  /** The day of the last step. */
  completedOn: string;
  /** The modules the program qualifies for (library_program_qualification). */
  qualifiesModuleIds: string[];
}

/** A batch of attendance marks changed a session's attendance (at least one mark applied). */
export class AttendanceRecorded {
  static readonly eventName = 'sessions.attendanceRecorded';

  constructor(
    readonly organisationId: string,
    readonly sessionId: string,
    /** For ambassador training that follows a program: the marked trainees who have now completed it (else empty). */
    readonly programCompletions: ProgramCompletion[],
  ) {}
}
