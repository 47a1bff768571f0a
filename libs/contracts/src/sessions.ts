import type { ModuleRef } from './library';
import type { PersonRef, UnitRef } from './organisation';

// --- Sessions (tillfällen) at the workplace ---

/**
 * What kind of activity the hours count as. The cost-effectiveness figures the funders asked for break
 * participant hours down by exactly these categories.
 */
export enum ActivityCategory {
  WorkplaceLearning = 'workplace_learning',
  AmbassadorTraining = 'ambassador_training',
  WebCourseFollowUp = 'web_course_follow_up',
  IndividualSupport = 'individual_support',
  TryOut = 'try_out',
  ManagementProject = 'management_project',
}
export const ACTIVITY_CATEGORIES = Object.values(ActivityCategory);

/** Which shift an occurrence is meant for, so everyone on a unit can attend one. */
export enum SessionShift {
  Day = 'day',
  Evening = 'evening',
  Night = 'night',
  Weekend = 'weekend',
  /** At the handover between two shifts. */
  Handover = 'handover',
}

export enum SessionStatus {
  Scheduled = 'scheduled',
  Cancelled = 'cancelled',
}

/** Who is invited: the unit's team on the session date, or a selection of people. */
export enum SessionAudience {
  UnitTeam = 'unit_team',
  Selection = 'selection',
}

export enum AttendanceStatus {
  Present = 'present',
  Absent = 'absent',
  Excused = 'excused',
  /** Present part of the time: `minutes` says how long. */
  Partial = 'partial',
}

export enum ConflictKind {
  /** A facilitator has another session at an overlapping time. */
  FacilitatorDoubleBooked = 'facilitator_double_booked',
  /** Another session uses the same place at an overlapping time. */
  PlaceDoubleBooked = 'place_double_booked',
  /** The facilitator is an ambassador without an appointment for the unit on the session date. */
  OutsideAppointment = 'outside_appointment',
  /** The facilitator is not qualified to deliver the module on the session date (a warning). */
  FacilitatorNotQualified = 'facilitator_not_qualified',
}

export interface SessionConflict {
  kind: ConflictKind;
  /** The facilitator concerned (not for place conflicts). */
  person: PersonRef | null;
  /** The other session (double bookings). */
  otherSession: { id: string; title: string; unit: UnitRef; date: string; startTime: string } | null;
  message: string;
}

export interface SessionSummary {
  id: string;
  unit: UnitRef;
  module: ModuleRef;
  moduleVersionId: string;
  moduleVersionNumber: number;
  title: string;
  /** Local date and time in Sweden (Europe/Stockholm). */
  date: string;
  /** HH:MM */
  startTime: string;
  durationMinutes: number;
  /** ISO timestamps of the start and end. */
  startsAt: string;
  endsAt: string;
  place: string;
  capacity: number | null;
  activityCategory: ActivityCategory;
  shift: SessionShift | null;
  audience: SessionAudience;
  status: SessionStatus;
  cancelReason: string | null;
  seriesId: string | null;
  seriesPosition: number | null;
  programId: string | null;
  facilitators: PersonRef[];
  /** People invited (following membership on the session date). */
  invitedCount: number;
  /** Marks present or partial (walk-ins included). */
  attendedCount: number;
  /** People with any mark. */
  markedCount: number;
  /** Increases with every change: calendar feeds use it as SEQUENCE. */
  revision: number;
}

export interface SessionDetail extends SessionSummary {
  note: string | null;
  /** Why a facilitator not qualified for the module leads the session; null when every facilitator is qualified. */
  facilitatorReason: string | null;
  /** Explicitly selected people (audience `selection`). */
  invitedPersonIds: string[];
  conflicts: SessionConflict[];
  /** May the caller change the session and mark attendance? */
  canEdit: boolean;
}

export interface SessionListQuery {
  unitId?: string;
  /** Inclusive date range (YYYY-MM-DD). */
  from?: string;
  to?: string;
  /** "true" to include cancelled sessions. */
  includeCancelled?: string;
}

interface SessionFields {
  unitId: string;
  date: string;
  /** HH:MM, local time. */
  startTime: string;
  durationMinutes: number;
  place: string;
  facilitatorIds: string[];
  capacity?: number | null;
  activityCategory: ActivityCategory;
  shift?: SessionShift | null;
  audience: SessionAudience;
  /** For audience `selection`. */
  invitedPersonIds?: string[];
  note?: string | null;
  /**
   * Required (not blank) when a facilitator is not qualified for the module on the date (conflict
   * `facilitator_not_qualified`, categories where the facilitator teaches); ignored and not kept otherwise.
   */
  facilitatorReason?: string | null;
}

export interface CreateSessionRequest extends SessionFields {
  /** Client-generated id: sending the same request again returns the session it made. */
  id?: string;
  /** The module to deliver: its latest published version is used and kept by the session for good. */
  moduleId?: string;
  /** Or a specific published version. */
  moduleVersionId?: string;
}

export interface UpdateSessionRequest {
  date?: string;
  startTime?: string;
  durationMinutes?: number;
  place?: string;
  facilitatorIds?: string[];
  capacity?: number | null;
  shift?: SessionShift | null;
  audience?: SessionAudience;
  invitedPersonIds?: string[];
  note?: string | null;
  /**
   * Required when the change (facilitators or date) brings in a facilitator not qualified for the module who was not
   * covered by the reason already recorded; replaces the recorded reason when given. Cleared when all are qualified.
   */
  facilitatorReason?: string | null;
  /** Cancel (true) with a reason; false restores a cancelled session. */
  cancelled?: boolean;
  cancelReason?: string | null;
}

/** Checks a planned session for conflicts before it is saved. */
export interface SessionConflictCheckRequest {
  unitId: string;
  moduleId?: string;
  moduleVersionId?: string;
  date: string;
  startTime: string;
  durationMinutes: number;
  place: string;
  facilitatorIds: string[];
  /** Decides whether the facilitators' qualification for the module is checked. */
  activityCategory?: ActivityCategory;
  /** A session being edited: not a conflict with itself. */
  sessionId?: string;
}

// --- Series ---

export interface SeriesOccurrenceVariant {
  /** HH:MM */
  startTime: string;
  shift: SessionShift | null;
  /** Days after the series date (0 = same day; e.g. 5 for the Saturday of a Monday series). */
  dayOffset?: number;
}

export interface CreateSeriesRequest extends Omit<SessionFields, 'date' | 'startTime'> {
  /** Client-generated id of the series: a retry returns the series it made. */
  id?: string;
  /** The first date (its weekday repeats). */
  firstDate: string;
  /** HH:MM: the start of every occurrence, unless `variants` are given. */
  startTime: string;
  /** 1 = every week, 2 = every other week... */
  intervalWeeks: number;
  /** Number of dates (each date gets one session per variant). */
  count: number;
  /** Follow a program: date n delivers the program's step n (the series' count defaults to its steps). */
  programId?: string;
  /** Without a program: one module for every date. */
  moduleId?: string;
  /** Shift variants: the same session repeated on each date at these times (day, evening, night, weekend). */
  variants?: SeriesOccurrenceVariant[];
}

export enum SeriesEditScope {
  /** Only the occurrence at `position`. */
  One = 'one',
  /** The occurrence at `position` and every later one. */
  Following = 'following',
}

export interface UpdateSeriesRequest {
  /** 1-based date position in the series. */
  position: number;
  scope: SeriesEditScope;
  /** Move by a number of days (e.g. 7 = one week later). */
  shiftDays?: number;
  /** New start time (HH:MM) for the affected occurrences. */
  startTime?: string;
  place?: string;
  facilitatorIds?: string[];
  /** As for a single session: required when a move or new facilitators bring in one not qualified for a module. */
  facilitatorReason?: string | null;
  cancelled?: boolean;
  cancelReason?: string | null;
}

export interface SessionSeries {
  id: string;
  unit: UnitRef;
  programId: string | null;
  programTitle: string | null;
  intervalWeeks: number;
  count: number;
  sessions: SessionSummary[];
}

// --- Attendance (närvaro) ---

export interface AttendanceMarkInput {
  /** Client-generated id of this mark (UUID): the same id again is a replay and changes nothing. */
  id: string;
  /** An invited person or someone of the organisation found by name or employee number. */
  personId?: string;
  /** A walk-in without a record: the name as written. */
  walkInName?: string;
  status: AttendanceStatus;
  /** For `partial`: minutes present (1..duration). */
  minutes?: number | null;
  /** When the mark was made on the device (ISO): decides between two marks of the same person. */
  recordedAt: string;
}

export interface AttendanceBatchRequest {
  marks: AttendanceMarkInput[];
}

export enum MarkOutcome {
  /** The mark is now the person's mark. */
  Applied = 'applied',
  /** A mark made later on another device (or the same one) is kept instead. */
  Superseded = 'superseded',
  /** This mark id was received before: nothing changed. */
  Replayed = 'replayed',
}

export interface AttendanceBatchResult {
  results: Array<{ id: string; outcome: MarkOutcome }>;
  attendance: SessionAttendance;
}

export interface AttendanceRow {
  /** null for a walk-in recorded by name only. */
  person: (PersonRef & { employeeNumber: string }) | null;
  walkInName: string | null;
  /** Not on the invitation list (a substitute, someone from another unit). */
  walkIn: boolean;
  status: AttendanceStatus | null;
  minutes: number | null;
  markId: string | null;
  recordedAt: string | null;
  recordedBy: PersonRef | null;
}

export interface SessionAttendance {
  sessionId: string;
  durationMinutes: number;
  rows: AttendanceRow[];
}

/** Clearing a mark: when it was cleared on the device (like a mark's `recordedAt`). */
export interface ClearMarkQuery {
  clearedAt?: string;
}

/** Search for a walk-in: people of the organisation by name or employee number (`WALK_IN_QUERY_MIN_LENGTH` characters or more). */
export interface WalkInQuery {
  q: string;
}

/**
 * A person found by the walk-in search: name and current units only. The search spans the organisation, so it
 * shows no employee number or anything else a colleague of another unit need not see.
 */
export interface WalkInCandidate extends PersonRef {
  unitNames: string[];
}

/** Characters a walk-in search needs (a name's first letters, or an employee number). */
export const WALK_IN_QUERY_MIN_LENGTH = 3;

// --- Catch-up and follow-up ---

export interface CatchUpEntry {
  person: PersonRef;
  /** The session the person missed (absent, excused or not marked). */
  missed: { sessionId: string; module: ModuleRef; date: string; programId: string | null; programTitle: string | null };
}

export interface FollowUpProposal {
  module: ModuleRef;
  lastSessionId: string;
  lastDate: string;
  repeatIntervalWeeks: number;
  /** The date the follow-up is due. */
  dueDate: string;
  /** People who attended the last session. */
  attendedCount: number;
}

export interface CatchUpOverview {
  unit: UnitRef;
  missed: CatchUpEntry[];
  /** Modules missed by at least one person, with the people: one catch-up session each. */
  proposals: Array<{ module: ModuleRef; personIds: string[]; programId: string | null }>;
  followUps: FollowUpProposal[];
}

// --- Individual support (enskilt stöd) ---

export interface SupportEntry {
  id: string;
  person: PersonRef;
  unit: UnitRef;
  ambassador: PersonRef;
  date: string;
  minutes: number;
  topic: string;
  module: ModuleRef | null;
  /** Visible only to the person and the unit's ambassadors; null for everyone else. */
  notes: string | null;
  /** True when notes exist but are hidden from the caller. */
  notesHidden: boolean;
}

export interface CreateSupportEntryRequest {
  /** Client-generated id: a retry changes nothing. */
  id?: string;
  personId: string;
  unitId: string;
  date: string;
  minutes: number;
  topic: string;
  moduleId?: string | null;
  notes?: string | null;
}

export interface SupportListQuery {
  unitId?: string;
  personId?: string;
}

// --- Participation hours ---

export interface CategoryHours {
  category: ActivityCategory;
  minutes: number;
  hours: number;
}

export interface PersonParticipation {
  person: PersonRef;
  totalMinutes: number;
  totalHours: number;
  sessionCount: number;
  byCategory: CategoryHours[];
}

export interface ParticipationQuery {
  /** People with a membership in the unit during the period (default: every unit the caller sees). */
  unitId?: string;
  from?: string;
  to?: string;
}

export interface ParticipationReport {
  people: PersonParticipation[];
  byCategory: CategoryHours[];
  totalMinutes: number;
  /** Hours of walk-ins recorded by name only (not attributable to a person record). */
  unnamedWalkInMinutes: number;
}

/** Today's (or a day's) sessions for the signed-in ambassador: facilitated by them or in their units. */
export interface MySessionsQuery {
  date?: string;
}
