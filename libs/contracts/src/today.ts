import type { CheckKind, PendingCheck } from './checks';
import type { ImportRunSummary } from './import';
import type { UnitRef } from './organisation';

/**
 * The start page's "what do I do now" (`GET today`): one section per role the caller holds, each narrowed to the
 * caller's scopes. Dates are the organisation's calendar dates (Europe/Stockholm).
 */
export interface TodayOverview {
  /** Today in the organisation's time zone, YYYY-MM-DD. */
  date: string;
  /** Everyone's own: checks waiting, next sessions, own progress. */
  mine: TodayMine;
  /** The caller is an ambassador somewhere. */
  ambassador: TodayAmbassador | null;
  /** The caller manages units or areas: what needs attention in each unit. */
  manager: TodayManager | null;
  /** HR: the organisation's key figures and the latest import. */
  organisation: TodayOrganisation | null;
  /** Administrator: the setup checklist. */
  setup: TodaySetup | null;
}

/** A session as the start page lists it (link into the attendance page with `id`). */
export interface TodaySession {
  id: string;
  title: string;
  unit: UnitRef;
  date: string;
  /** HH:MM */
  startTime: string;
  durationMinutes: number;
  place: string;
  invitedCount: number;
  /** Marks present or partial (walk-ins included). */
  attendedCount: number;
}

export interface TodayMine {
  /** Open rounds of the caller's units that they have not finished ("Svara nu" → `/m/<code>`). */
  pendingChecks: PendingCheck[];
  /** The next sessions the caller is invited to, from today (at most three). */
  nextSessions: TodaySession[];
  progress: TodayProgress;
}

/** The caller's own progress since `from` (1 January of this year). */
export interface TodayProgress {
  from: string;
  /** Held sessions the caller attended (the sessions feature's attended rule). */
  sessionsAttended: number;
  /** Participation hours (sessions and individual support received), two decimals. */
  hours: number;
  /** Check answers the caller submitted since `from`. */
  checksAnswered: number;
}

export interface TodayAmbassador {
  /** The caller's sessions of today: led by them or in their units ("Ta närvaro"). */
  today: TodaySession[];
  /** The next sessions after today in the caller's ambassador units or led by them (at most five, two weeks ahead). */
  upcoming: TodaySession[];
  /** Check rounds open today in the caller's ambassador units. */
  openRounds: TodayOpenRound[];
  /** Per ambassador unit: people to catch up and follow-ups due. */
  units: TodayAmbassadorUnit[];
  /** Individual support the caller gave in the last 30 days (at most three, newest first). */
  recentSupport: TodaySupport[];
}

export interface TodayOpenRound {
  roundId: string;
  assignmentId: string;
  title: string;
  unit: UnitRef;
  kind: CheckKind;
  code: string;
  closesOn: string | null;
  answered: number;
  invited: number;
}

export interface TodayAmbassadorUnit {
  unit: UnitRef;
  /** Distinct people who missed a session of an assigned program and have not attended the module since. */
  catchUpPeople: number;
  /** Modules whose repeat is due within two weeks or overdue. */
  followUpsDue: number;
}

export interface TodaySupport {
  id: string;
  date: string;
  minutes: number;
  topic: string;
}

export interface TodayManager {
  units: TodayUnitAttention[];
}

/** What needs a manager's attention in one unit (every count links into Insikt or the catch-up page). */
export interface TodayUnitAttention {
  unit: UnitRef;
  areaId: string;
  /** Started within the last year without an onboarding module attended within 30 days (Insikt's rule). */
  newWithoutIntroduction: number;
  /** Targets behind their straight line or missed. */
  targetsBehind: number;
  /** Distinct people who missed a module of an assigned program (the catch-up rule). */
  missedModule: number;
  pairing: TodayPairing;
}

/** Share of the unit's checks' invited people who answered both before and after (checks with an after round). */
export interface TodayPairing {
  /** Percent 0–100, one decimal; null when withheld or when no check of the unit has an after round yet. */
  percent: number | null;
  /** Below `LOW_PAIRING_PERCENT`. */
  low: boolean;
  /** Refused by the privacy gate (too few people, or a difference of too few from an earlier figure). */
  withheld: boolean;
}

/** Below this pairing rate the start page flags the unit. */
export const LOW_PAIRING_PERCENT = 60;

export interface TodayOrganisation {
  /** People with a membership of a unit of the organisation today. */
  staff: number;
  units: number;
  /** Figures from 1 January of this year up to today. */
  from: string;
  /** Distinct people with participation minutes; null when the privacy gate withholds it. */
  participants: number | null;
  /** Participants ÷ staff in percent, one decimal; null when withheld or no staff. */
  participantPercent: number | null;
  /** Participation hours; null when withheld. */
  hours: number | null;
  withheld: boolean;
  /** Held sessions (not cancelled, up to today, with at least one participating mark). */
  heldSessions: number;
  /** People with an active ambassador appointment today. */
  activeAmbassadors: number;
  latestImport: ImportRunSummary | null;
}

export type SetupItemKey = 'units' | 'staff' | 'ambassadors' | 'module' | 'instrument' | 'sso';

export interface SetupItem {
  key: SetupItemKey;
  done: boolean;
  /** How many there are (null for single sign-on). */
  count: number | null;
}

export interface TodaySetup {
  items: SetupItem[];
}
