import type { PersonRef, UnitRef } from './organisation';
import type { EmploymentType } from './people';
import type { ActivityCategory } from './sessions';

// --- Insight: team progress, year plan and targets, costs, participation (api/src/insights) ---

/** Market courses cost 440–760 SEK per teaching hour (the cluster evaluation's reference; the projects 725–820). */
export const MARKET_TEACHING_HOUR_RANGE = { min: 440, max: 760 } as const;

/** Days from the start of employment within which a new employee should have begun an onboarding program. */
export const ONBOARDING_WITHIN_DAYS = 30;

/** A report period: inclusive dates (YYYY-MM-DD). */
export interface InsightPeriod {
  from: string;
  to: string;
}

export interface ProgramProgress {
  programId: string;
  title: string;
  stepsDone: number;
  stepsTotal: number;
  /** The day the last step was first attended (all steps done), else null. */
  completedOn: string | null;
  /** When the program should be complete for this person (from the program's deadline rule), or null. */
  dueDate: string | null;
  /** Not complete and the due date has passed. */
  overdue: boolean;
}

export interface TeamMember {
  person: PersonRef;
  roleTitle: string;
  employmentType: EmploymentType;
  startDate: string;
  /** Held (past, not cancelled) sessions in the period the person was invited to. */
  invited: number;
  /** Of those, attended (present, or partial for at least half). */
  attended: number;
  /** Participation hours in the period (sessions, walk-ins and individual support). */
  hours: number;
  programs: ProgramProgress[];
  /** Missed sessions whose module the person has not attended since: titles, oldest first. */
  catchUps: Array<{ sessionId: string; date: string; title: string }>;
}

export interface NewEmployeeOnboarding {
  person: PersonRef;
  startDate: string;
  /** start date + ONBOARDING_WITHIN_DAYS */
  deadline: string;
  /** An onboarding program is assigned to the person (through unit, area, role title, …). */
  assigned: boolean;
  /** The deadline has passed without attending any onboarding step. */
  overdue: boolean;
}

export interface TeamAmbassadorWorkload {
  person: PersonRef;
  /** Sessions led in the period (held, not cancelled). */
  sessionsLed: number;
  /** Hours of sessions led plus individual support given in the period. */
  hoursLed: number;
  leavesOn: string | null;
}

export interface UpcomingSession {
  id: string;
  title: string;
  date: string;
  startTime: string;
  durationMinutes: number;
  invited: number;
}

export interface TeamDashboard {
  unit: UnitRef;
  period: InsightPeriod;
  /** Permanent staff. */
  staff: TeamMember[];
  /** Substitutes and hourly staff, shown separately. */
  substitutes: TeamMember[];
  newEmployees: NewEmployeeOnboarding[];
  ambassadors: TeamAmbassadorWorkload[];
  /** Current staff per active ambassador; null without an ambassador. */
  staffPerAmbassador: number | null;
  upcoming: UpcomingSession[];
  totals: { people: number; invited: number; attended: number; hours: number };
}

// --- Year plan and targets ---

export interface PlanEntry {
  id: string;
  /** First day of the month (YYYY-MM-01). */
  month: string;
  program: { id: string; title: string } | null;
  seriesId: string | null;
  module: { id: string; title: string } | null;
  note: string | null;
}

export interface CreatePlanEntryRequest {
  /** Client-generated UUID: a retry with the same id changes nothing. */
  id: string;
  /** YYYY-MM */
  month: string;
  programId?: string;
  seriesId?: string;
  moduleId?: string;
  note?: string;
}

/** PATCH body: the fields given replace the entry's (null clears); at least one of program, series, module, note remains. */
export interface UpdatePlanEntryRequest {
  month?: string;
  programId?: string | null;
  seriesId?: string | null;
  moduleId?: string | null;
  note?: string | null;
}

export interface TargetRequest {
  /** Client-generated UUID (create only). */
  id: string;
  programId: string;
  employmentTypes: EmploymentType[];
  targetPercent: number;
  dueDate: string;
  note?: string;
}

export type UpdateTargetRequest = Partial<Omit<TargetRequest, 'id'>>;

export enum TargetStatus {
  Met = 'met',
  OnTrack = 'on_track',
  Behind = 'behind',
  /** The due date passed without reaching the target. */
  Missed = 'missed',
}

export interface TargetBehindPerson {
  person: PersonRef;
  employmentType: EmploymentType;
  stepsDone: number;
  stepsTotal: number;
  /** Titles of the modules still to attend. */
  missingModules: string[];
}

export interface TargetProgress {
  id: string;
  program: { id: string; title: string };
  employmentTypes: EmploymentType[];
  targetPercent: number;
  dueDate: string;
  note: string | null;
  /** Current members of the unit with the listed employment types. */
  population: number;
  /** Of them, those who completed the program (by the due date). */
  completed: number;
  /** completed / population in percent, one decimal; null for an empty population. */
  percent: number | null;
  /** How many more must complete to reach the target. */
  remaining: number;
  status: TargetStatus;
  behind: TargetBehindPerson[];
}

export interface PlanMonth {
  month: string;
  entries: PlanEntry[];
  /** Sessions scheduled in the unit that month (not cancelled). */
  scheduledSessions: number;
}

export interface YearPlan {
  unit: UnitRef;
  /** The coming 12 months, starting with the current one. */
  months: PlanMonth[];
  targets: TargetProgress[];
}

// --- Costs and funder reporting ---

export interface HourlyRate {
  validFrom: string;
  /** SEK per hour of staff time spent in training. */
  participantRate: number;
  /** SEK per hour of an ambassador's teaching (sessions led, individual support). */
  facilitatorRate: number;
}

export interface ExternalCost {
  id: string;
  periodStart: string;
  periodEnd: string;
  category: ActivityCategory;
  amount: number;
  description: string;
}

export interface CostSettings {
  rates: HourlyRate[];
  externalCosts: ExternalCost[];
}

export interface CreateExternalCostRequest {
  id: string;
  periodStart: string;
  periodEnd: string;
  category: ActivityCategory;
  amount: number;
  description: string;
}

export interface CategoryCost {
  category: ActivityCategory;
  participantHours: number;
  teachingHours: number;
  staffTimeCost: number;
  facilitatorCost: number;
  externalCost: number;
  totalCost: number;
}

/** What an organisation-wide answer kept between reads (api/src/snapshots) carries besides its figures. */
export interface KeptFigures {
  /**
   * When the figures were computed (ISO time), for an organisation-wide view kept between reads: the page says
   * "uppdaterat 12:03". Absent when they were computed for this request.
   */
  asOf?: string;
}

export interface CostReport extends KeptFigures {
  period: InsightPeriod;
  categories: CategoryCost[];
  /** Distinct people (and walk-ins by name) with participation in the period. */
  participants: number;
  participantHours: number;
  /** Hours of teaching delivered: held sessions' durations plus individual support. */
  teachingHours: number;
  totalCost: number;
  costPerParticipant: number | null;
  costPerTeachingHour: number | null;
  /** Days in the period without an hourly rate in force (their hours are not priced). */
  unpricedDays: number;
  market: { min: number; max: number };
}

export interface ParticipantReportRow {
  employeeNumber: string;
  name: string;
  gender: string | null;
  hours: number;
  firstDate: string;
  lastDate: string;
}

export interface ParticipantReport {
  period: InsightPeriod;
  rows: ParticipantReportRow[];
  participants: number;
  hours: number;
  /** Walk-ins without a person record: counted in hours elsewhere, not listed here. */
  walkInsWithoutRecord: number;
}

// --- Participation across the organisation and the network ---

export enum ParticipationGrouping {
  Area = 'area',
  Unit = 'unit',
  RoleTitle = 'role_title',
  EmploymentType = 'employment_type',
}

/** A period of dates (YYYY-MM-DD); by default the twelve months up to today. */
export interface PeriodQuery {
  from?: string;
  to?: string;
}

/** The funders' participant report: JSON by default, or a CSV or Excel download. */
export interface ParticipantReportQuery extends PeriodQuery {
  format?: 'json' | 'csv' | 'xlsx';
}

export interface InsightParticipationQuery {
  from?: string;
  to?: string;
  groupBy?: ParticipationGrouping;
  areaId?: string;
  unitId?: string;
  roleTitle?: string;
  employmentType?: EmploymentType;
}

export interface ParticipationFigures {
  /** People in the group (current members in scope). */
  people: number;
  /** Figures are null when the group is below the minimum group size (or could be derived by subtraction). */
  participants: number | null;
  participationPercent: number | null;
  hours: number | null;
  hoursPerPerson: number | null;
  suppressed: boolean;
}

export interface ParticipationGroup extends ParticipationFigures {
  key: string;
  label: string;
  /** For area and unit groups: the id to drill down with. */
  drillId: string | null;
}

export interface ParticipationBreakdown extends KeptFigures {
  period: InsightPeriod;
  groupBy: ParticipationGrouping;
  minimumGroupSize: number;
  total: ParticipationFigures;
  groups: ParticipationGroup[];
}

export interface NetworkParticipationRow extends ParticipationFigures {
  organisation: { id: string; name: string };
  sessionsHeld: number;
  activeAmbassadors: number;
}

export interface NetworkParticipation {
  period: InsightPeriod;
  organisations: NetworkParticipationRow[];
}

// --- Network comparison through the common core and the shared modules ---

export interface CoreItemFigures {
  coreItemId: string;
  /** Distinct people with a before and an after answer to the item (null when suppressed). */
  people: number | null;
  meanBefore: number | null;
  meanAfter: number | null;
  meanChange: number | null;
  suppressed: boolean;
}

export interface NetworkCoreRow {
  organisation: { id: string; name: string };
  minimumGroupSize: number;
  items: CoreItemFigures[];
  /** The train-the-trainer cascade in the period: ambassadors who led delivered sessions, colleagues they reached. */
  cascade: { ambassadorsLeading: number; colleaguesReached: number };
}

export interface SharedModuleUse {
  module: { id: string; title: string };
  /** Organisations that held a session of the module (or of their adaptation of it) in the period. */
  organisations: number;
  sessionsHeld: number;
  /** Distinct people with participation minutes in those sessions. */
  participants: number;
}

export interface NetworkComparison {
  period: InsightPeriod;
  coreItems: Array<{ id: string; textSv: string; textEn: string | null; dimension: string | null }>;
  organisations: NetworkCoreRow[];
  sharedModules: SharedModuleUse[];
}
