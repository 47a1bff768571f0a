/*
 * Module library, programs and the train-the-trainer structure (ambassadors).
 *
 * A module is a short learning unit for a workplace session. It is edited as a draft and published as a
 * numbered version; a published version never changes, and sessions refer to the version they used.
 * A module is shared by the network (every organisation may use it) or local to one organisation; an
 * organisation may adapt a shared module into its own copy, which keeps a link to its source.
 */

import type { PersonRef, UnitRef } from './organisation';

/** Who owns a module or program: the whole network (shared) or one organisation (local). */
export enum Ownership {
  Network = 'network',
  Organisation = 'organisation',
}

/** The four dimensions of competence (SIS): kunskap, färdigheter, förmåga, vilja. */
export enum CompetenceDimension {
  Knowledge = 'knowledge',
  Skills = 'skills',
  Ability = 'ability',
  Will = 'will',
}

export enum ModuleTargetGroup {
  Staff = 'staff',
  Ambassadors = 'ambassadors',
  Managers = 'managers',
}

export enum ModuleFormat {
  WorkplaceSession = 'workplace_session',
  WebCourse = 'web_course',
  IndividualSupport = 'individual_support',
  TechnologyTryout = 'technology_tryout',
}

export enum ModuleVersionStatus {
  Draft = 'draft',
  Published = 'published',
}

export enum KnowledgeItemKind {
  /** Exactly one correct option. */
  Single = 'single',
  /** One or more correct options; all must be chosen. */
  Multiple = 'multiple',
}

/** Limits shared by the API's validation and the web forms. */
export const LIBRARY_LIMITS = {
  titleMax: 120,
  summaryMax: 1000,
  goalsMax: 12,
  goalMax: 300,
  durationMinutesMin: 5,
  durationMinutesMax: 480,
  glossaryMax: 60,
  termMax: 80,
  explanationMax: 600,
  guideMax: 40000,
  exercisesMax: 10,
  exerciseTextMax: 4000,
  tasksMax: 12,
  taskMax: 500,
  linksMax: 20,
  urlMax: 2000,
  knowledgeItemsMax: 30,
  questionMax: 500,
  optionsMin: 2,
  optionsMax: 8,
  optionMax: 300,
  itemIdPattern: '^[A-Za-z0-9_-]{1,64}$',
  repeatWeeksMin: 1,
  repeatWeeksMax: 104,
  changeNoteMax: 500,
  /** A proposal's note and a decline's reason. */
  proposalTextMax: 1000,
  attachmentMaxBytes: 10 * 1024 * 1024,
  attachmentsMax: 20,
  programStepsMax: 40,
  stepDaysMax: 365,
  completeWithinDaysMax: 730,
} as const;

/** Attachment types accepted, checked by the file's content (magic bytes), not by its name. */
export enum AttachmentType {
  Pdf = 'application/pdf',
  Png = 'image/png',
  Jpeg = 'image/jpeg',
  Docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  Xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  Pptx = 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
}

// --- DigComp 2.2 reference data ---

export interface DigCompCompetence {
  /** "1.1" … "5.4". */
  code: string;
  areaCode: string;
  nameSv: string;
  nameEn: string;
}

export interface DigCompArea {
  /** "1" … "5". */
  code: string;
  nameSv: string;
  nameEn: string;
  competences: DigCompCompetence[];
}

// --- Module content ---

/** A workplace word with a plain-language explanation (many colleagues have Swedish as a second language). */
export interface GlossaryEntry {
  term: string;
  explanation: string;
  /**
   * The same in lätt svenska (easy Swedish), for the starter library's words; set by the server when a module is
   * read (null where none is written), never stored with the module.
   */
  explanationEasy?: string | null;
}

/** An exercise built on a real case from care work. */
export interface ModuleExercise {
  title: string;
  /** The case, in plain text. */
  scenario: string;
  /** What the group does or discusses, step by step. */
  tasks: string[];
}

/** http(s) links only. */
export interface ModuleLink {
  title: string;
  url: string;
}

export interface KnowledgeOption {
  id: string;
  text: string;
}

/**
 * An objective knowledge-check item belonging to a module version. Ids are stable across versions of a
 * module (a new draft keeps them), so before/after checks can compare the same item.
 */
export interface KnowledgeItem {
  id: string;
  kind: KnowledgeItemKind;
  question: string;
  options: KnowledgeOption[];
  correctOptionIds: string[];
  /** Shown after answering: why the answer is right, in plain language. */
  explanation: string;
}

/** On input, a new item may leave out its id: the API gives it one. */
export interface KnowledgeItemInput extends Omit<KnowledgeItem, 'id'> {
  id?: string;
}

export interface ModuleContentBase {
  title: string;
  summary: string;
  learningGoals: string[];
  competenceDimensions: CompetenceDimension[];
  /** DigComp 2.2 competence codes such as "4.2"; may be empty. */
  digCompCodes: string[];
  targetGroups: ModuleTargetGroup[];
  format: ModuleFormat;
  durationMinutes: number;
  glossary: GlossaryEntry[];
  /** Markdown: headings, paragraphs, lists, bold/italic, code and http(s)/mailto links. HTML is shown as text. */
  facilitatorGuide: string;
  exercises: ModuleExercise[];
  links: ModuleLink[];
  /** Recommended repeat or follow-up interval in weeks; null for none. */
  repeatIntervalWeeks: number | null;
}

/** The body of "create module" and "save draft". */
export interface ModuleContentInput extends ModuleContentBase {
  knowledgeItems: KnowledgeItemInput[];
}

export interface ModuleAttachment {
  id: string;
  title: string;
  fileName: string;
  contentType: AttachmentType;
  byteSize: number;
}

export interface ModuleVersionRef {
  id: string;
  versionNumber: number;
  status: ModuleVersionStatus;
  publishedAt: string | null;
  changeNote: string | null;
}

/** One version's full content. A published version never changes. */
export interface ModuleVersion extends ModuleContentBase, ModuleVersionRef {
  moduleId: string;
  /** The facilitator guide rendered to safe HTML on the server (no scripts, no raw HTML). */
  facilitatorGuideHtml: string;
  /**
   * With correct answers and explanations for those who lead or edit sessions (ombud, chefer, HR,
   * administratörer, samordnare); null for other staff, who answer the items in competence checks.
   */
  knowledgeItems: KnowledgeItem[] | null;
  knowledgeItemCount: number;
  attachments: ModuleAttachment[];
  /** For an adapted module: the source version this version is based on. */
  sourceVersion: { moduleId: string; versionId: string; versionNumber: number } | null;
  createdAt: string;
  updatedAt: string;
}

/** For an organisation's adapted copy: its source and whether the source has a newer published version. */
export interface ModuleSourceStatus {
  moduleId: string;
  title: string;
  /** The source version the copy's latest version builds on. */
  basedOnVersionNumber: number | null;
  latestVersionNumber: number | null;
  newerVersionAvailable: boolean;
}

export interface ModuleSummary {
  id: string;
  ownership: Ownership;
  /** Null for network (shared) modules. */
  organisationId: string | null;
  title: string;
  summary: string;
  format: ModuleFormat;
  durationMinutes: number;
  targetGroups: ModuleTargetGroup[];
  competenceDimensions: CompetenceDimension[];
  digCompCodes: string[];
  repeatIntervalWeeks: number | null;
  latestPublished: { versionId: string; versionNumber: number; publishedAt: string } | null;
  /** Only editors learn that a draft exists. */
  hasDraft: boolean;
  archived: boolean;
  /** The caller may edit, publish and archive it. */
  canEdit: boolean;
  /** The caller may make an own copy for their organisation (network modules, HR and administrators). */
  canAdapt: boolean;
  source: ModuleSourceStatus | null;
  /** A shared module that an organisation proposed and the coordinator accepted: who proposed it. */
  proposedBy: { organisationId: string; organisationName: string } | null;
}

export interface ModuleDetail {
  module: ModuleSummary;
  /** The latest published version; null before the first publication. */
  published: ModuleVersion | null;
  /** Editors only. */
  draft: ModuleVersion | null;
  /** Published versions, newest first. */
  versions: ModuleVersionRef[];
  /** The caller's organisation's own copies of this (network) module. */
  ownAdaptations: Array<{ id: string; title: string }>;
  /** An organisation's own module: its latest proposal to the network, for its editors; null otherwise. */
  proposal: ModuleProposal | null;
}

export enum ModuleProposalStatus {
  Pending = 'pending',
  Accepted = 'accepted',
  Declined = 'declined',
}

/** An organisation's own module proposed for the network's shared library (decided by the network coordinator). */
export interface ModuleProposal {
  id: string;
  status: ModuleProposalStatus;
  /** The proposing organisation's module and the published version proposed. */
  moduleId: string;
  versionId: string;
  versionNumber: number;
  title: string;
  organisationId: string;
  organisationName: string;
  note: string | null;
  proposedByName: string | null;
  proposedAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  declineReason: string | null;
  /** The shared copy made on acceptance. */
  sharedModuleId: string | null;
}

export interface ProposeModuleRequest {
  /** Why the module suits the network (optional). */
  note?: string | null;
}

export interface DeclineProposalRequest {
  reason: string;
}

export interface ModuleListQuery {
  q?: string;
  ownership?: Ownership;
  digCompCode?: string;
  targetGroup?: ModuleTargetGroup;
  format?: ModuleFormat;
  /** Builds this competence dimension. */
  dimension?: CompetenceDimension;
  /** Expected duration of at most this many minutes (a query string number). */
  maxMinutes?: string;
  /** "true" to include archived modules. */
  includeArchived?: string;
}

export interface CreateModuleRequest {
  ownership: Ownership;
  content: ModuleContentInput;
}

export interface UpdateModuleRequest {
  archived?: boolean;
}

export interface PublishModuleRequest {
  /** What changed, shown in the version history. */
  changeNote?: string | null;
}

export interface AdaptModuleRequest {
  /** Title of the organisation's copy; defaults to the source's title. */
  title?: string;
}

export interface StarterLibraryResult {
  modulesCreated: number;
  modulesExisting: number;
  programsCreated: number;
  programsExisting: number;
}

// --- Programs ---

export enum ProgramKind {
  /** A series of themed workplace sessions, e.g. five sessions a year. */
  ThemedSeries = 'themed_series',
  /** Introduction for new employees. */
  Onboarding = 'onboarding',
  /** The train-the-trainer program: completing it qualifies ambassadors for the modules it names. */
  AmbassadorTraining = 'ambassador_training',
  Other = 'other',
}

/** What "complete within N days" counts from. */
export enum ProgramDeadlineBase {
  EmploymentStart = 'employment_start',
  AssignmentStart = 'assignment_start',
}

export interface ProgramStepInput {
  moduleId: string;
  /** Spacing: days after the previous step (0 for the first step or for the same day). */
  daysAfterPrevious: number;
  note?: string | null;
}

export interface ProgramStep {
  position: number;
  moduleId: string;
  moduleTitle: string;
  durationMinutes: number | null;
  daysAfterPrevious: number;
  /** Days from the program's start: the sum of the spacing so far. */
  dayOffset: number;
  note: string | null;
}

export interface ProgramSummary {
  id: string;
  ownership: Ownership;
  organisationId: string | null;
  title: string;
  summary: string;
  kind: ProgramKind;
  completeWithinDays: number | null;
  deadlineBase: ProgramDeadlineBase;
  stepCount: number;
  totalMinutes: number;
  archived: boolean;
  canEdit: boolean;
}

export interface ProgramListQuery {
  kind?: ProgramKind;
  /** "true" to include archived programs. */
  includeArchived?: string;
}

export interface ProgramAssignmentListQuery {
  /** "true" to include ended assignments. */
  includeEnded?: string;
}

export interface ModuleRef {
  id: string;
  title: string;
}

export interface ProgramDetail extends ProgramSummary {
  steps: ProgramStep[];
  /** Ambassador training: the modules an ambassador is qualified to deliver after completing it. */
  qualifiesFor: ModuleRef[];
}

export interface CreateProgramRequest {
  ownership: Ownership;
  title: string;
  summary: string;
  kind: ProgramKind;
  completeWithinDays?: number | null;
  deadlineBase?: ProgramDeadlineBase;
  steps: ProgramStepInput[];
  qualifiesModuleIds?: string[];
}

export interface UpdateProgramRequest {
  title?: string;
  summary?: string;
  kind?: ProgramKind;
  completeWithinDays?: number | null;
  deadlineBase?: ProgramDeadlineBase;
  steps?: ProgramStepInput[];
  qualifiesModuleIds?: string[];
  archived?: boolean;
}

export enum ProgramAssignmentTarget {
  Organisation = 'organisation',
  Area = 'area',
  Unit = 'unit',
  /** Everyone holding a role (ombud or enhetschef) in the organisation. */
  Role = 'role',
  /** Everyone with a job title, e.g. "undersköterska". */
  RoleTitle = 'role_title',
}

export interface ProgramAssignment {
  id: string;
  programId: string;
  programTitle: string;
  targetType: ProgramAssignmentTarget;
  /** Unit or area id; null for organisation, role and role title. */
  targetId: string | null;
  /** Unit, area or organisation name, role or job title. */
  targetName: string;
  startDate: string;
  endDate: string | null;
  note: string | null;
  active: boolean;
}

export interface CreateProgramAssignmentRequest {
  targetType: ProgramAssignmentTarget;
  unitId?: string;
  areaId?: string;
  role?: 'ambassador' | 'manager';
  roleTitle?: string;
  startDate: string;
  endDate?: string | null;
  note?: string | null;
}

// --- Ambassadors (train-the-trainer) ---

export enum AllocationKind {
  HoursPerMonth = 'hours_per_month',
  Percent = 'percent',
}

export interface AmbassadorAppointment {
  id: string;
  person: PersonRef;
  units: UnitRef[];
  allocationKind: AllocationKind;
  allocationValue: number;
  startDate: string;
  endDate: string | null;
  note: string | null;
  /** In force today. */
  active: boolean;
}

export interface AppointmentListQuery {
  unitId?: string;
  personId?: string;
  includeEnded?: string;
}

export interface CreateAppointmentRequest {
  personId: string;
  unitIds: string[];
  allocationKind: AllocationKind;
  allocationValue: number;
  startDate: string;
  endDate?: string | null;
  note?: string | null;
}

export interface UpdateAppointmentRequest {
  allocationKind?: AllocationKind;
  allocationValue?: number;
  endDate?: string | null;
  note?: string | null;
}

export enum QualificationSource {
  /** Completed the ambassador training program (recorded from attendance). */
  Program = 'program',
  /** Qualified explicitly by HR or an administrator of the ambassador's organisation. */
  Explicit = 'explicit',
}

export enum QualificationStatus {
  Valid = 'valid',
  Upcoming = 'upcoming',
  Expired = 'expired',
  Revoked = 'revoked',
}

export interface AmbassadorQualification {
  id: string;
  person: PersonRef;
  module: ModuleRef;
  source: QualificationSource;
  programId: string | null;
  validFrom: string;
  validUntil: string | null;
  status: QualificationStatus;
  /** The qualification this one renews. */
  renewsId: string | null;
  revokedAt: string | null;
  revokeReason: string | null;
  note: string | null;
}

export interface QualificationListQuery {
  unitId?: string;
  personId?: string;
  moduleId?: string;
  includeInactive?: string;
}

export interface CreateQualificationRequest {
  personId: string;
  moduleId: string;
  validFrom?: string;
  validUntil?: string | null;
  note?: string | null;
}

export interface RenewQualificationRequest {
  validUntil: string | null;
  note?: string | null;
}

export interface RevokeQualificationRequest {
  reason: string;
}

export enum CoverageFlag {
  /** No active ambassador. */
  NoAmbassador = 'no_ambassador',
  /** Every active ambassador leaves within 60 days and no successor is appointed. */
  AmbassadorsLeaving = 'ambassadors_leaving',
}

/** Days ahead that a leaving ambassador is flagged. */
export const COVERAGE_LEAVING_DAYS = 60;

export interface CoverageAmbassador {
  person: PersonRef;
  appointmentId: string;
  /** The earlier of the appointment's end and the employment's end; null when open-ended. */
  leavesOn: string | null;
}

export interface UnitCoverage {
  unit: UnitRef;
  areaId: string;
  areaName: string;
  /** People with a current membership in the unit (the same count as the unit page). */
  staffCount: number;
  activeAmbassadors: CoverageAmbassador[];
  /** Staff per active ambassador, one decimal; null without ambassadors. */
  staffPerAmbassador: number | null;
  flags: CoverageFlag[];
}

/**
 * The units of a coverage answer together (same caller and unitId): each person once, so someone who works in two
 * units, or is ambassador for two, counts once, as the organisation tree counts staff (api/src/people/staff.sql.ts).
 */
export interface CoverageTotals {
  staffCount: number;
  activeAmbassadors: number;
  /** staffCount per active ambassador, one decimal; null without ambassadors. */
  staffPerAmbassador: number | null;
}

/** For network coordinators: counts per organisation, never people. */
export interface NetworkCoverage {
  organisationId: string;
  organisationName: string;
  unitCount: number;
  unitsWithoutAmbassador: number;
  activeAmbassadors: number;
  staffCount: number;
}

/**
 * The cascade across a network, per organisation, for its coordinator: counts only, no person is named. The rules of
 * `AmbassadorReach`, summed per organisation over the people ever appointed ambassador there, with each session
 * counted once however many ambassadors led it, and its leaders never counted as reached.
 */
export interface NetworkReach {
  organisationId: string;
  organisationName: string;
  /** People appointed ambassador in the organisation (now, before or from a later date). */
  ambassadors: number;
  /** Of them, those who attended an ambassador training led by someone else. */
  trainedAmbassadors: number;
  /** Distinct people who led the ambassador training those ambassadors attended. */
  trainers: number;
  /** Ended, not cancelled sessions that one of the ambassadors led. */
  sessionsDelivered: number;
  hoursDelivered: number;
  /** Distinct modules of those sessions. */
  modulesDelivered: number;
  /** Distinct people with a record who attended one of those sessions without leading it. */
  colleaguesReached: number;
  participantHours: number;
  sessionsPlanned: number;
  hoursPlanned: number;
}

/** The signed-in person's own appointments and qualifications: what they may deliver. */
export interface MyAmbassadorOverview {
  appointments: AmbassadorAppointment[];
  qualifications: AmbassadorQualification[];
}

// --- Reach, cascade and workload (from sessions and attendance) ---

export interface ModuleReach {
  module: ModuleRef;
  sessionsDelivered: number;
  hoursDelivered: number;
  colleaguesReached: number;
}

/**
 * How far the training spread from one ambassador: who trained them, the sessions and hours they delivered
 * and the distinct colleagues who attended (per module too). A session counts once it has ended and was not
 * cancelled; attended means present, or partial for at least half the session.
 */
export interface AmbassadorReach {
  person: PersonRef;
  units: UnitRef[];
  /** Facilitators of the ambassador-training sessions this ambassador attended. */
  trainedBy: PersonRef[];
  sessionsDelivered: number;
  /** Hours of the sessions led (one decimal). */
  hoursDelivered: number;
  /** Distinct colleagues (with a record in Kunna) who attended a delivered session. */
  colleaguesReached: number;
  /** Hours the colleagues spent in those sessions. */
  participantHours: number;
  sessionsPlanned: number;
  hoursPlanned: number;
  perModule: ModuleReach[];
}

/** Coverage: one unit, or every unit the caller's grants reach. */
export interface CoverageQuery {
  unitId?: string;
}

export interface ReachQuery {
  unitId?: string;
}

/** An ambassador's month: hours allocated by their appointments against hours delivered, of support and planned. */
export interface AmbassadorWorkload {
  /** The first appointment in force in the month (an ambassador may hold more than one). */
  appointmentId: string;
  person: PersonRef;
  units: UnitRef[];
  /** YYYY-MM */
  month: string;
  allocationKind: AllocationKind;
  allocationValue: number;
  /** In proportion to the days of the month the appointments cover; a percentage of a 40-hour week. */
  allocatedHours: number;
  deliveredHours: number;
  /** Individual support the ambassador logged. */
  supportHours: number;
  plannedHours: number;
  /** Allocated minus delivered, support and planned: negative when over the allocation. */
  remainingHours: number;
}

export interface WorkloadQuery {
  unitId?: string;
  /** YYYY-MM; the current month when left out. */
  month?: string;
}
