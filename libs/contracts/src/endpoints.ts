/**
 * Every API endpoint, declared once: method, path, request body (and query) type, the success response and the error
 * statuses it may answer. The API adds the responses to its OpenAPI document from this table
 * (api/src/openapi/response-contract.ts), e2e/api/response-contract.e2e-spec.ts fails on any registered route missing
 * here, and the web's typed client (web/src/app/core/api-client.ts) takes its types from it.
 *
 * Adding a route: add its entry under a stable name (`feature.method`), name its response type in `ResponseTypes` (and
 * its body in `RequestTypes`), then `npm run contracts:schemas` to regenerate api/src/openapi/response-schemas.json.
 */
import { ApiRoutes } from './api-routes';
import type { HealthStatus } from './api-routes';
import type { AuditLogPage, AuditLogQuery, AuditRetention } from './audit';
import type { AuthConfig, ChangePasswordRequest, CurrentUser, RedeemCodeRequest, SessionInfo, SetLanguageRequest, SignInRequest } from './auth';
import type { CalendarFeedCreated, CalendarFeedStatus, NotificationList, OutboxMessage, OutboxMessageSummary, OutboxQuery } from './calendar';
import type {
  AnswerLanguageQuery,
  CheckAssignmentListQuery,
  SupportSignalsQuery,
  CancelAssignmentRequest,
  CreateTranslationRequest,
  InstrumentTranslations,
  ItemAudio,
  ItemTranslation,
  LanguageRates,
  LanguageRatesQuery,
  TranslationSettingsRequest,
  UpdateTranslationRequest,
  CheckAssignment,
  CheckCodePreview,
  CheckForm,
  CheckResults,
  CoreItem,
  CreateCheckAssignmentRequest,
  CreateCoreItemRequest,
  CreateInstrumentRequest,
  InstrumentDetail,
  InstrumentDraft,
  InstrumentSummary,
  InstrumentVersion,
  KioskAnswerFinished,
  KioskCredential,
  KioskForm,
  KioskRoster,
  LeaveKioskRequest,
  MyChecks,
  ObservationSaved,
  OpenRoundRequest,
  ResultsQuery,
  SaveAnswerRequest,
  SaveObservationRequest,
  SavedAnswer,
  StartKioskResponseRequest,
  SupportSignal,
} from './checks';
import type { CompetenceBreakdown, CompetenceTrend, UnitCompetence } from './competence-insight';
import type { CompetenceProfile, CompetenceProfileRequest, MyCompetenceGap, UnitCompetenceGap } from './competence-profiles';
import type { ApiError } from './errors';
import type { ImportPreview, ImportRejection, ImportResult, ImportRunSummary } from './import';
import type {
  CostReport,
  CostSettings,
  CreateExternalCostRequest,
  CreatePlanEntryRequest,
  ExternalCost,
  HourlyRate,
  InsightParticipationQuery,
  NetworkComparison,
  ParticipantReportQuery,
  PeriodQuery,
  NetworkParticipation,
  ParticipantReport,
  ParticipationBreakdown,
  PlanEntry,
  TargetProgress,
  TargetRequest,
  TeamDashboard,
  UpdatePlanEntryRequest,
  UpdateTargetRequest,
  YearPlan,
} from './insights';
import type {
  AdaptModuleRequest,
  AmbassadorAppointment,
  AmbassadorQualification,
  AmbassadorReach,
  AmbassadorWorkload,
  AppointmentListQuery,
  CoverageQuery,
  CoverageTotals,
  CreateAppointmentRequest,
  CreateModuleRequest,
  CreateProgramAssignmentRequest,
  CreateProgramRequest,
  CreateQualificationRequest,
  DeclineProposalRequest,
  DigCompArea,
  ModuleAttachment,
  ModuleContentInput,
  ModuleDetail,
  ModuleListQuery,
  ModuleProposal,
  ModuleSummary,
  ModuleVersion,
  MyAmbassadorOverview,
  NetworkCoverage,
  NetworkReach,
  ProgramAssignment,
  ProgramAssignmentListQuery,
  ProgramDetail,
  ProgramListQuery,
  ProgramSummary,
  ProposeModuleRequest,
  PublishModuleRequest,
  QualificationListQuery,
  ReachQuery,
  RenewQualificationRequest,
  RevokeQualificationRequest,
  StarterLibraryResult,
  UnitCoverage,
  UpdateAppointmentRequest,
  UpdateModuleRequest,
  UpdateProgramRequest,
  WorkloadQuery,
} from './library';
import type {
  AreaNode,
  CreateAreaRequest,
  CreateUnitRequest,
  NetworkOrganisation,
  OrganisationSummary,
  OrganisationTree,
  UnitDetail,
  UnitSummary,
  UpdateAreaRequest,
  UpdateUnitRequest,
} from './organisation';
import type {
  AssignRoleRequest,
  CreatePersonRequest,
  EndEmploymentRequest,
  IssueOneTimeCodeRequest,
  MovePersonRequest,
  OneTimeCredential,
  PeopleQuery,
  PersonDetail,
  PersonSummary,
  UpdatePersonRequest,
} from './people';
import type { MyPersonalData, PersonalDataRetention, PseudonymiseResult } from './personal-data';
import type { RoleGrant } from './roles';
import type {
  AttendanceBatchRequest,
  AttendanceBatchResult,
  CatchUpOverview,
  ClearMarkQuery,
  ParticipationQuery,
  WalkInQuery,
  CreateSeriesRequest,
  CreateSessionRequest,
  CreateSupportEntryRequest,
  MySessionsQuery,
  ParticipationReport,
  SessionAttendance,
  SessionConflict,
  SessionConflictCheckRequest,
  SessionDetail,
  SessionListQuery,
  SessionSeries,
  SessionSummary,
  SupportEntry,
  SupportListQuery,
  UpdateSeriesRequest,
  UpdateSessionRequest,
  WalkInCandidate,
} from './sessions';
import type { TodayOverview } from './today';

/**
 * The JSON bodies the API answers, by the name the endpoint table uses. JSON Schemas are generated from this interface
 * (scripts/contract-schemas.mts), so a name always describes exactly the type it maps to.
 */
export interface ResponseTypes {
  AmbassadorAppointment: AmbassadorAppointment;
  AmbassadorQualification: AmbassadorQualification;
  AmbassadorReach: AmbassadorReach;
  AmbassadorWorkload: AmbassadorWorkload;
  ApiError: ApiError;
  AreaNode: AreaNode;
  AttendanceBatchResult: AttendanceBatchResult;
  AuditLogPage: AuditLogPage;
  AuditRetention: AuditRetention;
  AuthConfig: AuthConfig;
  CalendarFeedCreated: CalendarFeedCreated;
  CalendarFeedStatus: CalendarFeedStatus;
  CatchUpOverview: CatchUpOverview;
  CheckAssignment: CheckAssignment;
  CheckCodePreview: CheckCodePreview;
  CheckForm: CheckForm;
  CheckResults: CheckResults;
  CompetenceBreakdown: CompetenceBreakdown;
  CompetenceProfile: CompetenceProfile;
  CompetenceTrend: CompetenceTrend;
  CoreItem: CoreItem;
  CostReport: CostReport;
  CostSettings: CostSettings;
  CoverageTotals: CoverageTotals;
  CurrentUser: CurrentUser;
  DigCompArea: DigCompArea;
  ExternalCost: ExternalCost;
  HealthStatus: HealthStatus;
  HourlyRate: HourlyRate;
  ImportRejection: ImportRejection;
  ImportPreview: ImportPreview;
  ImportResult: ImportResult;
  ImportRunSummary: ImportRunSummary;
  InstrumentDetail: InstrumentDetail;
  InstrumentTranslations: InstrumentTranslations;
  ItemAudio: ItemAudio;
  ItemTranslation: ItemTranslation;
  InstrumentSummary: InstrumentSummary;
  InstrumentVersion: InstrumentVersion;
  KioskAnswerFinished: KioskAnswerFinished;
  KioskCredential: KioskCredential;
  KioskForm: KioskForm;
  KioskRoster: KioskRoster;
  LanguageRates: LanguageRates;
  ModuleAttachment: ModuleAttachment;
  ModuleDetail: ModuleDetail;
  ModuleProposal: ModuleProposal;
  ModuleSummary: ModuleSummary;
  ModuleVersion: ModuleVersion;
  MyAmbassadorOverview: MyAmbassadorOverview;
  MyChecks: MyChecks;
  MyCompetenceGap: MyCompetenceGap;
  MyPersonalData: MyPersonalData;
  NetworkComparison: NetworkComparison;
  NetworkCoverage: NetworkCoverage;
  NetworkOrganisation: NetworkOrganisation;
  NetworkParticipation: NetworkParticipation;
  NetworkReach: NetworkReach;
  NotificationList: NotificationList;
  ObservationSaved: ObservationSaved;
  OneTimeCredential: OneTimeCredential;
  OrganisationSummary: OrganisationSummary;
  OrganisationTree: OrganisationTree;
  OutboxMessage: OutboxMessage;
  OutboxMessageSummary: OutboxMessageSummary;
  ParticipantReport: ParticipantReport;
  ParticipationBreakdown: ParticipationBreakdown;
  ParticipationReport: ParticipationReport;
  PersonDetail: PersonDetail;
  PersonSummary: PersonSummary;
  PersonalDataRetention: PersonalDataRetention;
  PlanEntry: PlanEntry;
  ProgramAssignment: ProgramAssignment;
  ProgramDetail: ProgramDetail;
  ProgramSummary: ProgramSummary;
  PseudonymiseResult: PseudonymiseResult;
  RoleGrant: RoleGrant;
  SavedAnswer: SavedAnswer;
  SessionAttendance: SessionAttendance;
  SessionConflict: SessionConflict;
  SessionDetail: SessionDetail;
  SessionInfo: SessionInfo;
  SessionSeries: SessionSeries;
  SessionSummary: SessionSummary;
  StarterLibraryResult: StarterLibraryResult;
  SupportEntry: SupportEntry;
  SupportSignal: SupportSignal;
  TargetProgress: TargetProgress;
  TeamDashboard: TeamDashboard;
  TodayOverview: TodayOverview;
  UnitCompetence: UnitCompetence;
  UnitCompetenceGap: UnitCompetenceGap;
  UnitCoverage: UnitCoverage;
  UnitDetail: UnitDetail;
  UnitSummary: UnitSummary;
  WalkInCandidate: WalkInCandidate;
  YearPlan: YearPlan;
}

/** The request bodies and queries the endpoint table names. */
export interface RequestTypes {
  AdaptModuleRequest: AdaptModuleRequest;
  AnswerLanguageQuery: AnswerLanguageQuery;
  AppointmentListQuery: AppointmentListQuery;
  AssignRoleRequest: AssignRoleRequest;
  AttendanceBatchRequest: AttendanceBatchRequest;
  AuditLogQuery: AuditLogQuery;
  AuditRetention: AuditRetention;
  CancelAssignmentRequest: CancelAssignmentRequest;
  ChangePasswordRequest: ChangePasswordRequest;
  CheckAssignmentListQuery: CheckAssignmentListQuery;
  ClearMarkQuery: ClearMarkQuery;
  CompetenceProfileRequest: CompetenceProfileRequest;
  CoverageQuery: CoverageQuery;
  CreateAppointmentRequest: CreateAppointmentRequest;
  CreateAreaRequest: CreateAreaRequest;
  CreateCheckAssignmentRequest: CreateCheckAssignmentRequest;
  CreateCoreItemRequest: CreateCoreItemRequest;
  CreateExternalCostRequest: CreateExternalCostRequest;
  CreateInstrumentRequest: CreateInstrumentRequest;
  CreateModuleRequest: CreateModuleRequest;
  CreatePersonRequest: CreatePersonRequest;
  CreatePlanEntryRequest: CreatePlanEntryRequest;
  CreateProgramAssignmentRequest: CreateProgramAssignmentRequest;
  CreateProgramRequest: CreateProgramRequest;
  CreateQualificationRequest: CreateQualificationRequest;
  CreateSeriesRequest: CreateSeriesRequest;
  CreateSessionRequest: CreateSessionRequest;
  CreateSupportEntryRequest: CreateSupportEntryRequest;
  CreateTranslationRequest: CreateTranslationRequest;
  CreateUnitRequest: CreateUnitRequest;
  DeclineProposalRequest: DeclineProposalRequest;
  EndEmploymentRequest: EndEmploymentRequest;
  HourlyRate: HourlyRate;
  InsightParticipationQuery: InsightParticipationQuery;
  InstrumentDraft: InstrumentDraft;
  IssueOneTimeCodeRequest: IssueOneTimeCodeRequest;
  LanguageRatesQuery: LanguageRatesQuery;
  LeaveKioskRequest: LeaveKioskRequest;
  ModuleContentInput: ModuleContentInput;
  ModuleListQuery: ModuleListQuery;
  MovePersonRequest: MovePersonRequest;
  MySessionsQuery: MySessionsQuery;
  OpenRoundRequest: OpenRoundRequest;
  OutboxQuery: OutboxQuery;
  ParticipantReportQuery: ParticipantReportQuery;
  ParticipationQuery: ParticipationQuery;
  PeopleQuery: PeopleQuery;
  PeriodQuery: PeriodQuery;
  PersonalDataRetention: PersonalDataRetention;
  ProgramAssignmentListQuery: ProgramAssignmentListQuery;
  ProgramListQuery: ProgramListQuery;
  ProposeModuleRequest: ProposeModuleRequest;
  PublishModuleRequest: PublishModuleRequest;
  QualificationListQuery: QualificationListQuery;
  ReachQuery: ReachQuery;
  RedeemCodeRequest: RedeemCodeRequest;
  RenewQualificationRequest: RenewQualificationRequest;
  ResultsQuery: ResultsQuery;
  RevokeQualificationRequest: RevokeQualificationRequest;
  SaveAnswerRequest: SaveAnswerRequest;
  SaveObservationRequest: SaveObservationRequest;
  SessionConflictCheckRequest: SessionConflictCheckRequest;
  SessionListQuery: SessionListQuery;
  SetLanguageRequest: SetLanguageRequest;
  SignInRequest: SignInRequest;
  StartKioskResponseRequest: StartKioskResponseRequest;
  SupportListQuery: SupportListQuery;
  SupportSignalsQuery: SupportSignalsQuery;
  TargetRequest: TargetRequest;
  TranslationSettingsRequest: TranslationSettingsRequest;
  UpdateAppointmentRequest: UpdateAppointmentRequest;
  UpdateAreaRequest: UpdateAreaRequest;
  UpdateModuleRequest: UpdateModuleRequest;
  UpdatePersonRequest: UpdatePersonRequest;
  UpdatePlanEntryRequest: UpdatePlanEntryRequest;
  UpdateProgramRequest: UpdateProgramRequest;
  UpdateSeriesRequest: UpdateSeriesRequest;
  UpdateSessionRequest: UpdateSessionRequest;
  UpdateTargetRequest: UpdateTargetRequest;
  UpdateTranslationRequest: UpdateTranslationRequest;
  UpdateUnitRequest: UpdateUnitRequest;
  WalkInQuery: WalkInQuery;
  WorkloadQuery: WorkloadQuery;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Error statuses an endpoint declares; every error body is an `ApiError`. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503;

export interface EndpointResponse {
  /** The success status: 200, 201 (POST without `@HttpCode`), 204 (no body) or 302 (a redirect, no body). */
  readonly status: 200 | 201 | 204 | 302;
  /** The JSON body's type (a key of `ResponseTypes`); absent when the answer has no JSON body. */
  readonly body?: keyof ResponseTypes;
  /** The body is a list of `body`. */
  readonly array?: true;
  /** Other media types the success answer may have instead of JSON (downloads, the calendar feed). */
  readonly media?: readonly string[];
}

export interface Endpoint {
  readonly method: HttpMethod;
  /** A path from `ApiRoutes`, under /api. */
  readonly path: string;
  /** The JSON body's type (a key of `RequestTypes`), or `multipart` for a file upload. */
  readonly request?: keyof RequestTypes | 'multipart';
  /** The query's type (a key of `RequestTypes`): the web's typed client sends a query only where the table names one. */
  readonly query?: keyof RequestTypes;
  readonly response: EndpointResponse;
  /**
   * 400 (validation, malformed id), 401 (no session), 403 (role, CSRF), 404 (not found or not in scope), 409 (the
   * current state forbids it), 413 (upload too large), 429 (locked out for a while). Every route may also answer 503
   * when the database is busy or down (not listed).
   */
  readonly errors: readonly ErrorStatus[];
  /** Error statuses whose body is more than an `ApiError` (a key of `ResponseTypes`). */
  readonly errorBodies?: Partial<Record<ErrorStatus, keyof ResponseTypes>>;
}

export const Endpoints = {
  // api/src/ambassadors/ambassadors.controller.ts
  'ambassadors.appointments': {
    method: 'GET',
    path: ApiRoutes.ambassadors.appointments,
    query: 'AppointmentListQuery',
    response: { status: 200, body: 'AmbassadorAppointment', array: true },
    errors: [400, 401, 403],
  },
  'ambassadors.appoint': {
    method: 'POST',
    path: ApiRoutes.ambassadors.appointments,
    request: 'CreateAppointmentRequest',
    response: { status: 201, body: 'AmbassadorAppointment' },
    errors: [400, 401, 403, 409],
  },
  'ambassadors.appointment': {
    method: 'GET',
    path: ApiRoutes.ambassadors.appointment,
    response: { status: 200, body: 'AmbassadorAppointment' },
    errors: [400, 401, 403, 404],
  },
  'ambassadors.updateAppointment': {
    method: 'PATCH',
    path: ApiRoutes.ambassadors.appointment,
    request: 'UpdateAppointmentRequest',
    response: { status: 200, body: 'AmbassadorAppointment' },
    errors: [400, 401, 403, 404, 409],
  },
  'ambassadors.qualifications': {
    method: 'GET',
    path: ApiRoutes.ambassadors.qualifications,
    query: 'QualificationListQuery',
    response: { status: 200, body: 'AmbassadorQualification', array: true },
    errors: [400, 401, 403],
  },
  'ambassadors.qualify': {
    method: 'POST',
    path: ApiRoutes.ambassadors.qualifications,
    request: 'CreateQualificationRequest',
    response: { status: 201, body: 'AmbassadorQualification' },
    errors: [400, 401, 403, 409],
  },
  'ambassadors.renew': {
    method: 'POST',
    path: ApiRoutes.ambassadors.renewQualification,
    request: 'RenewQualificationRequest',
    response: { status: 201, body: 'AmbassadorQualification' },
    errors: [400, 401, 403, 404, 409],
  },
  'ambassadors.revoke': {
    method: 'POST',
    path: ApiRoutes.ambassadors.revokeQualification,
    request: 'RevokeQualificationRequest',
    response: { status: 200, body: 'AmbassadorQualification' },
    errors: [400, 401, 403, 404, 409],
  },
  'ambassadors.coverage': {
    method: 'GET',
    path: ApiRoutes.ambassadors.coverage,
    query: 'CoverageQuery',
    response: { status: 200, body: 'UnitCoverage', array: true },
    errors: [400, 401, 403],
  },
  'ambassadors.coverageTotals': {
    method: 'GET',
    path: ApiRoutes.ambassadors.coverageTotals,
    query: 'CoverageQuery',
    response: { status: 200, body: 'CoverageTotals' },
    errors: [400, 401, 403],
  },
  'ambassadors.reach': {
    method: 'GET',
    path: ApiRoutes.ambassadors.reach,
    query: 'ReachQuery',
    response: { status: 200, body: 'AmbassadorReach', array: true },
    errors: [400, 401, 403],
  },
  'ambassadors.workload': {
    method: 'GET',
    path: ApiRoutes.ambassadors.workload,
    query: 'WorkloadQuery',
    response: { status: 200, body: 'AmbassadorWorkload', array: true },
    errors: [400, 401, 403],
  },
  'ambassadors.networkCoverage': {
    method: 'GET',
    path: ApiRoutes.ambassadors.networkCoverage,
    response: { status: 200, body: 'NetworkCoverage', array: true },
    errors: [401, 403],
  },
  'ambassadors.networkReach': {
    method: 'GET',
    path: ApiRoutes.ambassadors.networkReach,
    response: { status: 200, body: 'NetworkReach', array: true },
    errors: [401, 403],
  },
  'ambassadors.mine': { method: 'GET', path: ApiRoutes.ambassadors.me, response: { status: 200, body: 'MyAmbassadorOverview' }, errors: [401, 403] },
  // api/src/audit/audit-log.controller.ts
  'auditLog.search': {
    method: 'GET',
    path: ApiRoutes.audit.log,
    query: 'AuditLogQuery',
    response: { status: 200, body: 'AuditLogPage' },
    errors: [400, 401, 403],
  },
  'auditLog.retention': { method: 'GET', path: ApiRoutes.audit.retention, response: { status: 200, body: 'AuditRetention' }, errors: [401, 403] },
  'auditLog.setRetention': {
    method: 'PUT',
    path: ApiRoutes.audit.retention,
    request: 'AuditRetention',
    response: { status: 200, body: 'AuditRetention' },
    errors: [400, 401, 403],
  },
  // api/src/auth/auth.controller.ts
  'auth.organisations': { method: 'GET', path: ApiRoutes.auth.organisations, response: { status: 200, body: 'OrganisationSummary', array: true }, errors: [] },
  'auth.signIn': {
    method: 'POST',
    path: ApiRoutes.auth.signIn,
    request: 'SignInRequest',
    response: { status: 200, body: 'CurrentUser' },
    errors: [400, 401, 429],
  },
  'auth.redeem': {
    method: 'POST',
    path: ApiRoutes.auth.redeem,
    request: 'RedeemCodeRequest',
    response: { status: 200, body: 'CurrentUser' },
    errors: [400, 401, 429],
  },
  'auth.signOut': { method: 'POST', path: ApiRoutes.auth.signOut, response: { status: 204 }, errors: [401, 403] },
  'auth.me': { method: 'GET', path: ApiRoutes.auth.me, response: { status: 200, body: 'CurrentUser' }, errors: [401, 403] },
  'auth.changePassword': {
    method: 'PUT',
    path: ApiRoutes.auth.password,
    request: 'ChangePasswordRequest',
    response: { status: 204 },
    errors: [400, 401, 403, 429],
  },
  'auth.setLanguage': {
    method: 'PUT',
    path: ApiRoutes.auth.language,
    request: 'SetLanguageRequest',
    response: { status: 200, body: 'CurrentUser' },
    errors: [400, 401, 403],
  },
  'auth.sessions': { method: 'GET', path: ApiRoutes.auth.sessions, response: { status: 200, body: 'SessionInfo', array: true }, errors: [401, 403] },
  'auth.endSession': { method: 'DELETE', path: ApiRoutes.auth.session, response: { status: 204 }, errors: [400, 401, 403, 404] },
  // api/src/auth/oidc.controller.ts
  'oidc.authConfig': { method: 'GET', path: ApiRoutes.auth.config, response: { status: 200, body: 'AuthConfig' }, errors: [] },
  'oidc.start': { method: 'GET', path: ApiRoutes.auth.oidcStart, response: { status: 302 }, errors: [404] },
  'oidc.callback': { method: 'GET', path: ApiRoutes.auth.oidcCallback, response: { status: 302 }, errors: [404] },
  // api/src/calendar/calendar.controller.ts
  'calendar.myFeed': { method: 'GET', path: ApiRoutes.calendar.myFeed, response: { status: 200, body: 'CalendarFeedStatus' }, errors: [401, 403] },
  'calendar.createMyFeed': { method: 'POST', path: ApiRoutes.calendar.myFeed, response: { status: 201, body: 'CalendarFeedCreated' }, errors: [401, 403] },
  'calendar.revokeMyFeed': { method: 'DELETE', path: ApiRoutes.calendar.myFeed, response: { status: 204 }, errors: [401, 403] },
  'calendar.unitFeed': {
    method: 'GET',
    path: ApiRoutes.calendar.unitFeed,
    response: { status: 200, body: 'CalendarFeedStatus' },
    errors: [400, 401, 403, 404],
  },
  'calendar.createUnitFeed': {
    method: 'POST',
    path: ApiRoutes.calendar.unitFeed,
    response: { status: 201, body: 'CalendarFeedCreated' },
    errors: [400, 401, 403, 404],
  },
  'calendar.revokeUnitFeed': { method: 'DELETE', path: ApiRoutes.calendar.unitFeed, response: { status: 204 }, errors: [400, 401, 403, 404] },
  'calendar.feed': { method: 'GET', path: ApiRoutes.calendar.feed, response: { status: 200, media: ['text/calendar'] }, errors: [400, 404] },
  // api/src/checks/{instruments,rounds,answering,results}/*.controller.ts
  'checks.coreItems': { method: 'GET', path: ApiRoutes.checks.coreItems, response: { status: 200, body: 'CoreItem', array: true }, errors: [401, 403] },
  'checks.createCoreItem': {
    method: 'POST',
    path: ApiRoutes.checks.coreItems,
    request: 'CreateCoreItemRequest',
    response: { status: 201, body: 'CoreItem' },
    errors: [400, 401, 403, 409],
  },
  'checks.retireCoreItem': { method: 'POST', path: ApiRoutes.checks.retireCoreItem, response: { status: 204 }, errors: [400, 401, 403, 404, 409] },
  'checks.instruments': {
    method: 'GET',
    path: ApiRoutes.checks.instruments,
    response: { status: 200, body: 'InstrumentSummary', array: true },
    errors: [401, 403],
  },
  'checks.createInstrument': {
    method: 'POST',
    path: ApiRoutes.checks.instruments,
    request: 'CreateInstrumentRequest',
    response: { status: 201, body: 'InstrumentDetail' },
    errors: [400, 401, 403, 409],
  },
  'checks.instrument': { method: 'GET', path: ApiRoutes.checks.instrument, response: { status: 200, body: 'InstrumentDetail' }, errors: [400, 401, 403, 404] },
  'checks.saveDraft': {
    method: 'PUT',
    path: ApiRoutes.checks.instrumentDraft,
    request: 'InstrumentDraft',
    response: { status: 200, body: 'InstrumentDetail' },
    errors: [400, 401, 403, 404, 409],
  },
  'checks.publish': {
    method: 'POST',
    path: ApiRoutes.checks.instrumentPublish,
    response: { status: 201, body: 'InstrumentVersion' },
    errors: [400, 401, 403, 404, 409],
  },
  'checks.version': {
    method: 'GET',
    path: ApiRoutes.checks.instrumentVersion,
    response: { status: 200, body: 'InstrumentVersion' },
    errors: [400, 401, 403, 404],
  },
  'checks.assignments': {
    method: 'GET',
    path: ApiRoutes.checks.assignments,
    query: 'CheckAssignmentListQuery',
    response: { status: 200, body: 'CheckAssignment', array: true },
    errors: [400, 401, 403],
  },
  'checks.createAssignment': {
    method: 'POST',
    path: ApiRoutes.checks.assignments,
    request: 'CreateCheckAssignmentRequest',
    response: { status: 201, body: 'CheckAssignment' },
    errors: [400, 401, 403, 409],
  },
  'checks.assignment': { method: 'GET', path: ApiRoutes.checks.assignment, response: { status: 200, body: 'CheckAssignment' }, errors: [400, 401, 403, 404] },
  'checks.openRound': {
    method: 'POST',
    path: ApiRoutes.checks.rounds,
    request: 'OpenRoundRequest',
    response: { status: 201, body: 'CheckAssignment' },
    errors: [400, 401, 403, 404, 409],
  },
  'checks.cancelAssignment': {
    method: 'POST',
    path: ApiRoutes.checks.cancelAssignment,
    request: 'CancelAssignmentRequest',
    response: { status: 200, body: 'CheckAssignment' },
    errors: [400, 401, 403, 404, 409],
  },
  'checks.roster': { method: 'GET', path: ApiRoutes.checks.kioskRoster, response: { status: 200, body: 'KioskRoster' }, errors: [400, 401, 403, 404] },
  'checks.startKiosk': {
    method: 'POST',
    path: ApiRoutes.checks.kioskResponses,
    request: 'StartKioskResponseRequest',
    query: 'AnswerLanguageQuery',
    response: { status: 201, body: 'KioskForm' },
    errors: [400, 401, 403, 404, 409],
  },
  'checks.saveKioskAnswer': {
    method: 'PUT',
    path: ApiRoutes.checks.kioskItem,
    request: 'SaveAnswerRequest',
    response: { status: 200, body: 'SavedAnswer' },
    errors: [400, 401, 403, 404, 409],
  },
  'checks.setKioskLanguage': {
    method: 'PUT',
    path: ApiRoutes.checks.kioskLanguage,
    request: 'SetLanguageRequest',
    response: { status: 204 },
    errors: [400, 401, 403, 404, 409],
  },
  'checks.submitKiosk': {
    method: 'POST',
    path: ApiRoutes.checks.kioskSubmit,
    response: { status: 200, body: 'KioskAnswerFinished' },
    errors: [400, 401, 403, 404, 409],
  },
  'checks.declineKiosk': {
    method: 'POST',
    path: ApiRoutes.checks.kioskDecline,
    response: { status: 200, body: 'KioskAnswerFinished' },
    errors: [400, 401, 403, 404, 409],
  },
  'checks.observe': {
    method: 'PUT',
    path: ApiRoutes.checks.observations,
    request: 'SaveObservationRequest',
    response: { status: 200, body: 'ObservationSaved' },
    errors: [400, 401, 403, 404, 409],
  },
  'checks.codePreview': { method: 'GET', path: ApiRoutes.checks.codePreview, response: { status: 200, body: 'CheckCodePreview' }, errors: [400, 404] },
  'checks.openForm': {
    method: 'POST',
    path: ApiRoutes.checks.answer,
    query: 'AnswerLanguageQuery',
    response: { status: 200, body: 'CheckForm' },
    errors: [400, 401, 403, 404, 409],
  },
  'checks.saveOwnAnswer': {
    method: 'PUT',
    path: ApiRoutes.checks.answerItem,
    request: 'SaveAnswerRequest',
    response: { status: 200, body: 'SavedAnswer' },
    errors: [400, 401, 403, 404, 409],
  },
  'checks.submitOwn': { method: 'POST', path: ApiRoutes.checks.answerSubmit, response: { status: 200, body: 'CheckForm' }, errors: [400, 401, 403, 404, 409] },
  'checks.declineOwn': {
    method: 'POST',
    path: ApiRoutes.checks.answerDecline,
    response: { status: 200, body: 'CheckForm' },
    errors: [400, 401, 403, 404, 409],
  },
  'checks.mine': { method: 'GET', path: ApiRoutes.checks.mine, response: { status: 200, body: 'MyChecks' }, errors: [401, 403] },
  'checks.supportSignals': {
    method: 'GET',
    path: ApiRoutes.checks.supportSignals,
    query: 'SupportSignalsQuery',
    response: { status: 200, body: 'SupportSignal', array: true },
    errors: [400, 401, 403],
  },
  'checks.results': {
    method: 'GET',
    path: ApiRoutes.checks.results,
    query: 'ResultsQuery',
    response: { status: 200, body: 'CheckResults' },
    errors: [400, 401, 403],
  },
  // api/src/checks/translations/translations.controller.ts
  'translations.list': {
    method: 'GET',
    path: ApiRoutes.checks.instrumentTranslations,
    response: { status: 200, body: 'InstrumentTranslations' },
    errors: [400, 401, 403, 404],
  },
  'translations.create': {
    method: 'POST',
    path: ApiRoutes.checks.instrumentTranslations,
    request: 'CreateTranslationRequest',
    response: { status: 201, body: 'ItemTranslation' },
    errors: [400, 401, 403, 404, 409],
  },
  'translations.settings': {
    method: 'PUT',
    path: ApiRoutes.checks.instrumentTranslationSettings,
    request: 'TranslationSettingsRequest',
    response: { status: 200, body: 'InstrumentTranslations' },
    errors: [400, 401, 403, 404],
  },
  'translations.shared': {
    method: 'GET',
    path: ApiRoutes.checks.coreItemTranslations,
    response: { status: 200, body: 'ItemTranslation', array: true },
    errors: [400, 401, 403, 404],
  },
  'translations.createShared': {
    method: 'POST',
    path: ApiRoutes.checks.coreItemTranslations,
    request: 'CreateTranslationRequest',
    response: { status: 201, body: 'ItemTranslation' },
    errors: [400, 401, 403, 404, 409],
  },
  'translations.update': {
    method: 'PUT',
    path: ApiRoutes.checks.translation,
    request: 'UpdateTranslationRequest',
    response: { status: 200, body: 'ItemTranslation' },
    errors: [400, 401, 403, 404, 409],
  },
  'translations.review': {
    method: 'POST',
    path: ApiRoutes.checks.translationReview,
    response: { status: 200, body: 'ItemTranslation' },
    errors: [400, 401, 403, 404, 409],
  },
  'translations.remove': { method: 'DELETE', path: ApiRoutes.checks.translation, response: { status: 204 }, errors: [400, 401, 403, 404] },
  'translations.uploadAudio': {
    method: 'PUT',
    path: ApiRoutes.checks.itemAudio,
    request: 'multipart',
    response: { status: 200, body: 'ItemAudio' },
    errors: [400, 401, 403, 404, 409, 413],
  },
  'translations.audio': {
    method: 'GET',
    path: ApiRoutes.checks.itemAudio,
    response: { status: 200, media: ['audio/mpeg', 'audio/ogg', 'audio/wav', 'audio/mp4', 'audio/webm'] },
    errors: [400, 401, 403, 404],
  },
  'translations.kioskAudio': {
    method: 'GET',
    path: ApiRoutes.checks.kioskAudio,
    response: { status: 200, media: ['audio/mpeg', 'audio/ogg', 'audio/wav', 'audio/mp4', 'audio/webm'] },
    errors: [400, 401, 403, 404],
  },
  'translations.removeAudio': { method: 'DELETE', path: ApiRoutes.checks.itemAudio, response: { status: 204 }, errors: [400, 401, 403, 404] },
  'translations.languageRates': {
    method: 'GET',
    path: ApiRoutes.checks.languageRates,
    query: 'LanguageRatesQuery',
    response: { status: 200, body: 'LanguageRates' },
    errors: [400, 401, 403, 404],
  },
  // api/src/health/health.controller.ts
  'health.health': { method: 'GET', path: ApiRoutes.health, response: { status: 200, body: 'HealthStatus' }, errors: [] },
  // api/src/imports/imports.controller.ts
  'imports.list': { method: 'GET', path: ApiRoutes.imports.list, response: { status: 200, body: 'ImportRunSummary', array: true }, errors: [401, 403] },
  'imports.preview': {
    method: 'POST',
    path: ApiRoutes.imports.preview,
    request: 'multipart',
    response: { status: 200, body: 'ImportPreview' },
    errors: [400, 401, 403, 413],
  },
  'imports.dryRun': {
    method: 'POST',
    path: ApiRoutes.imports.dryRun,
    request: 'multipart',
    response: { status: 200, body: 'ImportResult' },
    errors: [400, 401, 403, 413],
  },
  'imports.run': {
    method: 'POST',
    path: ApiRoutes.imports.list,
    request: 'multipart',
    response: { status: 201, body: 'ImportResult' },
    errors: [400, 401, 403, 413, 422],
    errorBodies: { 422: 'ImportRejection' },
  },
  // api/src/insights/competence/competence.controller.ts
  'competence.breakdown': {
    method: 'GET',
    path: ApiRoutes.insights.competence,
    query: 'InsightParticipationQuery',
    response: { status: 200, body: 'CompetenceBreakdown' },
    errors: [400, 401, 403],
  },
  'competence.trend': {
    method: 'GET',
    path: ApiRoutes.insights.competenceTrend,
    query: 'InsightParticipationQuery',
    response: { status: 200, body: 'CompetenceTrend' },
    errors: [400, 401, 403],
  },
  'competence.unit': {
    method: 'GET',
    path: ApiRoutes.insights.unitCompetence,
    query: 'PeriodQuery',
    response: { status: 200, body: 'UnitCompetence' },
    errors: [400, 401, 403, 404],
  },
  // api/src/insights/team/team.controller.ts
  'insights.team': {
    method: 'GET',
    path: ApiRoutes.insights.team,
    query: 'PeriodQuery',
    response: { status: 200, body: 'TeamDashboard' },
    errors: [400, 401, 403, 404],
  },
  // api/src/insights/plans/plans.controller.ts
  'insights.plan': { method: 'GET', path: ApiRoutes.insights.plan, response: { status: 200, body: 'YearPlan' }, errors: [400, 401, 403, 404] },
  'insights.addPlanEntry': {
    method: 'POST',
    path: ApiRoutes.insights.planEntries,
    request: 'CreatePlanEntryRequest',
    response: { status: 201, body: 'PlanEntry' },
    errors: [400, 401, 403, 404, 409],
  },
  'insights.updatePlanEntry': {
    method: 'PATCH',
    path: ApiRoutes.insights.planEntry,
    request: 'UpdatePlanEntryRequest',
    response: { status: 200, body: 'PlanEntry' },
    errors: [400, 401, 403, 404, 409],
  },
  'insights.deletePlanEntry': { method: 'DELETE', path: ApiRoutes.insights.planEntry, response: { status: 204 }, errors: [400, 401, 403, 404, 409] },
  'insights.createTarget': {
    method: 'POST',
    path: ApiRoutes.insights.targets,
    request: 'TargetRequest',
    response: { status: 201, body: 'TargetProgress' },
    errors: [400, 401, 403, 404, 409],
  },
  'insights.updateTarget': {
    method: 'PATCH',
    path: ApiRoutes.insights.target,
    request: 'UpdateTargetRequest',
    response: { status: 200, body: 'TargetProgress' },
    errors: [400, 401, 403, 404, 409],
  },
  'insights.deleteTarget': { method: 'DELETE', path: ApiRoutes.insights.target, response: { status: 204 }, errors: [400, 401, 403, 404, 409] },
  // api/src/insights/costs/costs.controller.ts
  'insights.costSettings': { method: 'GET', path: ApiRoutes.insights.costSettings, response: { status: 200, body: 'CostSettings' }, errors: [401, 403] },
  'insights.setRate': {
    method: 'PUT',
    path: ApiRoutes.insights.hourlyRates,
    request: 'HourlyRate',
    response: { status: 200, body: 'HourlyRate', array: true },
    errors: [400, 401, 403, 409],
  },
  'insights.addExternalCost': {
    method: 'POST',
    path: ApiRoutes.insights.externalCosts,
    request: 'CreateExternalCostRequest',
    response: { status: 201, body: 'ExternalCost' },
    errors: [400, 401, 403, 409],
  },
  'insights.deleteExternalCost': { method: 'DELETE', path: ApiRoutes.insights.externalCost, response: { status: 204 }, errors: [400, 401, 403, 404, 409] },
  'insights.costs': {
    method: 'GET',
    path: ApiRoutes.insights.costs,
    query: 'PeriodQuery',
    response: { status: 200, body: 'CostReport' },
    errors: [400, 401, 403],
  },
  'insights.participantReport': {
    method: 'GET',
    path: ApiRoutes.insights.participantReport,
    query: 'ParticipantReportQuery',
    response: { status: 200, body: 'ParticipantReport', media: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] },
    errors: [400, 401, 403],
  },
  'insights.participation': {
    method: 'GET',
    path: ApiRoutes.insights.participation,
    query: 'InsightParticipationQuery',
    response: { status: 200, body: 'ParticipationBreakdown' },
    errors: [400, 401, 403],
  },
  // api/src/insights/network/network.controller.ts
  'insights.networkParticipation': {
    method: 'GET',
    path: ApiRoutes.insights.networkParticipation,
    query: 'PeriodQuery',
    response: { status: 200, body: 'NetworkParticipation' },
    errors: [400, 401, 403],
  },
  'network.comparison': {
    method: 'GET',
    path: ApiRoutes.insights.networkComparison,
    query: 'PeriodQuery',
    response: { status: 200, body: 'NetworkComparison' },
    errors: [400, 401, 403],
  },
  // api/src/insights/profiles/profiles.controller.ts
  'profiles.list': {
    method: 'GET',
    path: ApiRoutes.insights.competenceProfiles,
    response: { status: 200, body: 'CompetenceProfile', array: true },
    errors: [401, 403],
  },
  'profiles.save': {
    method: 'PUT',
    path: ApiRoutes.insights.competenceProfile,
    request: 'CompetenceProfileRequest',
    response: { status: 200, body: 'CompetenceProfile' },
    errors: [400, 401, 403, 404, 409],
  },
  'profiles.remove': { method: 'DELETE', path: ApiRoutes.insights.competenceProfile, response: { status: 204 }, errors: [400, 401, 403, 404, 409] },
  'profiles.unit': {
    method: 'GET',
    path: ApiRoutes.insights.unitCompetenceGap,
    response: { status: 200, body: 'UnitCompetenceGap' },
    errors: [400, 401, 403, 404],
  },
  'profiles.mine': { method: 'GET', path: ApiRoutes.insights.myCompetenceGap, response: { status: 200, body: 'MyCompetenceGap' }, errors: [401, 403] },
  // api/src/kiosk/kiosk.controller.ts
  'kiosk.start': { method: 'POST', path: ApiRoutes.checks.kioskCredential, response: { status: 200, body: 'KioskCredential' }, errors: [400, 401, 403, 404] },
  'kiosk.current': { method: 'GET', path: ApiRoutes.kiosk.current, response: { status: 200, body: 'KioskCredential' }, errors: [401, 403] },
  'kiosk.leave': {
    method: 'POST',
    path: ApiRoutes.kiosk.leave,
    request: 'LeaveKioskRequest',
    response: { status: 200, body: 'CurrentUser' },
    errors: [400, 401, 403, 429],
  },
  // api/src/library/modules.controller.ts
  'modules.digComp': { method: 'GET', path: ApiRoutes.library.digComp, response: { status: 200, body: 'DigCompArea', array: true }, errors: [401, 403] },
  'modules.list': {
    method: 'GET',
    path: ApiRoutes.library.modules,
    query: 'ModuleListQuery',
    response: { status: 200, body: 'ModuleSummary', array: true },
    errors: [400, 401, 403],
  },
  'modules.create': {
    method: 'POST',
    path: ApiRoutes.library.modules,
    request: 'CreateModuleRequest',
    response: { status: 201, body: 'ModuleDetail' },
    errors: [400, 401, 403, 409],
  },
  'modules.detail': { method: 'GET', path: ApiRoutes.library.module, response: { status: 200, body: 'ModuleDetail' }, errors: [400, 401, 403, 404] },
  'modules.update': {
    method: 'PATCH',
    path: ApiRoutes.library.module,
    request: 'UpdateModuleRequest',
    response: { status: 200, body: 'ModuleDetail' },
    errors: [400, 401, 403, 404, 409],
  },
  'modules.saveDraft': {
    method: 'PUT',
    path: ApiRoutes.library.draft,
    request: 'ModuleContentInput',
    response: { status: 200, body: 'ModuleDetail' },
    errors: [400, 401, 403, 404, 409],
  },
  'modules.discardDraft': { method: 'DELETE', path: ApiRoutes.library.draft, response: { status: 204 }, errors: [400, 401, 403, 404, 409] },
  'modules.draftFromSource': {
    method: 'POST',
    path: ApiRoutes.library.draftFromSource,
    response: { status: 200, body: 'ModuleDetail' },
    errors: [400, 401, 403, 404, 409],
  },
  'modules.publish': {
    method: 'POST',
    path: ApiRoutes.library.publish,
    request: 'PublishModuleRequest',
    response: { status: 200, body: 'ModuleDetail' },
    errors: [400, 401, 403, 404, 409],
  },
  'modules.adapt': {
    method: 'POST',
    path: ApiRoutes.library.adapt,
    request: 'AdaptModuleRequest',
    response: { status: 201, body: 'ModuleDetail' },
    errors: [400, 401, 403, 404, 409],
  },
  'modules.propose': {
    method: 'POST',
    path: ApiRoutes.library.propose,
    request: 'ProposeModuleRequest',
    response: { status: 200, body: 'ModuleProposal' },
    errors: [400, 401, 403, 404, 409],
  },
  'modules.pendingProposals': {
    method: 'GET',
    path: ApiRoutes.library.proposals,
    response: { status: 200, body: 'ModuleProposal', array: true },
    errors: [401, 403],
  },
  'modules.acceptProposal': {
    method: 'POST',
    path: ApiRoutes.library.acceptProposal,
    response: { status: 200, body: 'ModuleProposal' },
    errors: [400, 401, 403, 404, 409],
  },
  'modules.declineProposal': {
    method: 'POST',
    path: ApiRoutes.library.declineProposal,
    request: 'DeclineProposalRequest',
    response: { status: 200, body: 'ModuleProposal' },
    errors: [400, 401, 403, 404, 409],
  },
  'modules.addAttachment': {
    method: 'POST',
    path: ApiRoutes.library.draftAttachments,
    request: 'multipart',
    response: { status: 201, body: 'ModuleAttachment' },
    errors: [400, 401, 403, 404, 409, 413],
  },
  'modules.removeAttachment': { method: 'DELETE', path: ApiRoutes.library.draftAttachment, response: { status: 204 }, errors: [400, 401, 403, 404, 409] },
  'modules.version': { method: 'GET', path: ApiRoutes.library.version, response: { status: 200, body: 'ModuleVersion' }, errors: [400, 401, 403, 404] },
  'modules.attachment': {
    method: 'GET',
    path: ApiRoutes.library.attachment,
    response: { status: 200, media: ['application/octet-stream'] },
    errors: [400, 401, 403, 404],
  },
  'modules.loadStarterLibrary': {
    method: 'POST',
    path: ApiRoutes.library.starterLibrary,
    response: { status: 200, body: 'StarterLibraryResult' },
    errors: [401, 403, 409],
  },
  // api/src/library/programs.controller.ts
  'programs.list': {
    method: 'GET',
    path: ApiRoutes.library.programs,
    query: 'ProgramListQuery',
    response: { status: 200, body: 'ProgramSummary', array: true },
    errors: [400, 401, 403],
  },
  'programs.create': {
    method: 'POST',
    path: ApiRoutes.library.programs,
    request: 'CreateProgramRequest',
    response: { status: 201, body: 'ProgramDetail' },
    errors: [400, 401, 403, 409],
  },
  'programs.detail': { method: 'GET', path: ApiRoutes.library.program, response: { status: 200, body: 'ProgramDetail' }, errors: [400, 401, 403, 404] },
  'programs.update': {
    method: 'PATCH',
    path: ApiRoutes.library.program,
    request: 'UpdateProgramRequest',
    response: { status: 200, body: 'ProgramDetail' },
    errors: [400, 401, 403, 404, 409],
  },
  'programs.assignments': {
    method: 'GET',
    path: ApiRoutes.library.programAssignments,
    query: 'ProgramAssignmentListQuery',
    response: { status: 200, body: 'ProgramAssignment', array: true },
    errors: [400, 401, 403, 404],
  },
  'programs.assign': {
    method: 'POST',
    path: ApiRoutes.library.programAssignments,
    request: 'CreateProgramAssignmentRequest',
    response: { status: 201, body: 'ProgramAssignment' },
    errors: [400, 401, 403, 404, 409],
  },
  'programs.endAssignment': { method: 'DELETE', path: ApiRoutes.library.programAssignment, response: { status: 204 }, errors: [400, 401, 403, 404, 409] },
  'programs.unitPrograms': {
    method: 'GET',
    path: ApiRoutes.library.unitPrograms,
    response: { status: 200, body: 'ProgramAssignment', array: true },
    errors: [400, 401, 403, 404],
  },
  // api/src/notifications/notifications.controller.ts
  'notifications.mine': { method: 'GET', path: ApiRoutes.notifications.mine, response: { status: 200, body: 'NotificationList' }, errors: [401, 403] },
  'notifications.read': { method: 'POST', path: ApiRoutes.notifications.read, response: { status: 204 }, errors: [400, 401, 403, 404] },
  'notifications.readAll': { method: 'POST', path: ApiRoutes.notifications.readAll, response: { status: 204 }, errors: [401, 403] },
  'notifications.outbox': {
    method: 'GET',
    path: ApiRoutes.notifications.outbox,
    query: 'OutboxQuery',
    response: { status: 200, body: 'OutboxMessageSummary', array: true },
    errors: [400, 401, 403],
  },
  'notifications.outboxMessage': {
    method: 'GET',
    path: ApiRoutes.notifications.outboxMessage,
    response: { status: 200, body: 'OutboxMessage' },
    errors: [400, 401, 403, 404],
  },
  // api/src/organisation/organisation.controller.ts
  'organisation.tree': { method: 'GET', path: ApiRoutes.organisation.tree, response: { status: 200, body: 'OrganisationTree' }, errors: [401, 403] },
  'organisation.networkOrganisations': {
    method: 'GET',
    path: ApiRoutes.organisation.networkOrganisations,
    response: { status: 200, body: 'NetworkOrganisation', array: true },
    errors: [401, 403],
  },
  'organisation.unit': { method: 'GET', path: ApiRoutes.organisation.unit, response: { status: 200, body: 'UnitDetail' }, errors: [400, 401, 403, 404] },
  'organisation.createArea': {
    method: 'POST',
    path: ApiRoutes.organisation.areas,
    request: 'CreateAreaRequest',
    response: { status: 201, body: 'AreaNode' },
    errors: [400, 401, 403, 409],
  },
  'organisation.updateArea': {
    method: 'PATCH',
    path: ApiRoutes.organisation.area,
    request: 'UpdateAreaRequest',
    response: { status: 200, body: 'AreaNode' },
    errors: [400, 401, 403, 404, 409],
  },
  'organisation.createUnit': {
    method: 'POST',
    path: ApiRoutes.organisation.units,
    request: 'CreateUnitRequest',
    response: { status: 201, body: 'UnitSummary' },
    errors: [400, 401, 403, 409],
  },
  'organisation.updateUnit': {
    method: 'PATCH',
    path: ApiRoutes.organisation.unit,
    request: 'UpdateUnitRequest',
    response: { status: 200, body: 'UnitSummary' },
    errors: [400, 401, 403, 404, 409],
  },
  // api/src/people/people.controller.ts
  'people.list': {
    method: 'GET',
    path: ApiRoutes.people.list,
    query: 'PeopleQuery',
    response: { status: 200, body: 'PersonSummary', array: true },
    errors: [400, 401, 403],
  },
  'people.detail': { method: 'GET', path: ApiRoutes.people.one, response: { status: 200, body: 'PersonDetail' }, errors: [400, 401, 403, 404] },
  'people.create': {
    method: 'POST',
    path: ApiRoutes.people.list,
    request: 'CreatePersonRequest',
    response: { status: 201, body: 'PersonDetail' },
    errors: [400, 401, 403, 409],
  },
  'people.update': {
    method: 'PATCH',
    path: ApiRoutes.people.one,
    request: 'UpdatePersonRequest',
    response: { status: 200, body: 'PersonDetail' },
    errors: [400, 401, 403, 404, 409],
  },
  'people.move': {
    method: 'POST',
    path: ApiRoutes.people.move,
    request: 'MovePersonRequest',
    response: { status: 200, body: 'PersonDetail' },
    errors: [400, 401, 403, 404, 409],
  },
  'people.end': {
    method: 'POST',
    path: ApiRoutes.people.end,
    request: 'EndEmploymentRequest',
    response: { status: 200, body: 'PersonDetail' },
    errors: [400, 401, 403, 404, 409],
  },
  // api/src/people/person-account.controller.ts
  'personAccount.issueCode': {
    method: 'POST',
    path: ApiRoutes.people.oneTimeCode,
    request: 'IssueOneTimeCodeRequest',
    response: { status: 201, body: 'OneTimeCredential' },
    errors: [400, 401, 403, 404, 409],
  },
  'personAccount.disable': {
    method: 'POST',
    path: ApiRoutes.people.disable,
    response: { status: 200, body: 'PersonDetail' },
    errors: [400, 401, 403, 404, 409],
  },
  'personAccount.enable': { method: 'POST', path: ApiRoutes.people.enable, response: { status: 200, body: 'PersonDetail' }, errors: [400, 401, 403, 404, 409] },
  // api/src/people/person-roles.controller.ts
  'personRoles.assign': {
    method: 'POST',
    path: ApiRoutes.people.roles,
    request: 'AssignRoleRequest',
    response: { status: 201, body: 'RoleGrant' },
    errors: [400, 401, 403, 404, 409],
  },
  'personRoles.revoke': { method: 'DELETE', path: ApiRoutes.people.role, response: { status: 204 }, errors: [400, 401, 403, 404, 409] },
  // api/src/personal-data/personal-data.controller.ts
  'personalData.mine': { method: 'GET', path: ApiRoutes.personalData.mine, response: { status: 200, body: 'MyPersonalData' }, errors: [401, 403] },
  'personalData.retention': {
    method: 'GET',
    path: ApiRoutes.personalData.retention,
    response: { status: 200, body: 'PersonalDataRetention' },
    errors: [401, 403],
  },
  'personalData.setRetention': {
    method: 'PUT',
    path: ApiRoutes.personalData.retention,
    request: 'PersonalDataRetention',
    response: { status: 200, body: 'PersonalDataRetention' },
    errors: [400, 401, 403, 409],
  },
  'personalData.pseudonymise': {
    method: 'POST',
    path: ApiRoutes.personalData.pseudonymise,
    response: { status: 200, body: 'PseudonymiseResult' },
    errors: [400, 401, 403, 404, 409],
  },
  // api/src/sessions/attendance/participation.controller.ts
  'participation.catchUpOverview': {
    method: 'GET',
    path: ApiRoutes.sessions.catchUp,
    response: { status: 200, body: 'CatchUpOverview' },
    errors: [400, 401, 403, 404],
  },
  // api/src/sessions/support/support.controller.ts
  'participation.supportEntries': {
    method: 'GET',
    path: ApiRoutes.sessions.support,
    query: 'SupportListQuery',
    response: { status: 200, body: 'SupportEntry', array: true },
    errors: [400, 401, 403],
  },
  'participation.logSupport': {
    method: 'POST',
    path: ApiRoutes.sessions.support,
    request: 'CreateSupportEntryRequest',
    response: { status: 201, body: 'SupportEntry' },
    errors: [400, 401, 403],
  },
  // api/src/sessions/attendance/participation.controller.ts
  'participation.report': {
    method: 'GET',
    path: ApiRoutes.sessions.participation,
    query: 'ParticipationQuery',
    response: { status: 200, body: 'ParticipationReport' },
    errors: [400, 401, 403],
  },
  'participation.mine': {
    method: 'GET',
    path: ApiRoutes.sessions.myParticipation,
    query: 'ParticipationQuery',
    response: { status: 200, body: 'ParticipationReport' },
    errors: [400, 401, 403],
  },
  // api/src/sessions/scheduling/scheduling.controller.ts
  'sessions.list': {
    method: 'GET',
    path: ApiRoutes.sessions.list,
    query: 'SessionListQuery',
    response: { status: 200, body: 'SessionSummary', array: true },
    errors: [400, 401, 403],
  },
  'sessions.create': {
    method: 'POST',
    path: ApiRoutes.sessions.list,
    request: 'CreateSessionRequest',
    response: { status: 201, body: 'SessionDetail' },
    errors: [400, 401, 403, 409],
  },
  'sessions.conflictCheck': {
    method: 'POST',
    path: ApiRoutes.sessions.conflictCheck,
    request: 'SessionConflictCheckRequest',
    response: { status: 200, body: 'SessionConflict', array: true },
    errors: [400, 401, 403, 409],
  },
  'sessions.mine': {
    method: 'GET',
    path: ApiRoutes.sessions.mine,
    query: 'MySessionsQuery',
    response: { status: 200, body: 'SessionSummary', array: true },
    errors: [400, 401, 403],
  },
  'sessions.detail': { method: 'GET', path: ApiRoutes.sessions.one, response: { status: 200, body: 'SessionDetail' }, errors: [400, 401, 403, 404] },
  'sessions.update': {
    method: 'PATCH',
    path: ApiRoutes.sessions.one,
    request: 'UpdateSessionRequest',
    response: { status: 200, body: 'SessionDetail' },
    errors: [400, 401, 403, 404, 409],
  },
  // api/src/sessions/attendance/attendance.controller.ts
  'sessions.attendance': {
    method: 'GET',
    path: ApiRoutes.sessions.attendance,
    response: { status: 200, body: 'SessionAttendance' },
    errors: [400, 401, 403, 404],
  },
  'sessions.recordAttendance': {
    method: 'POST',
    path: ApiRoutes.sessions.attendance,
    request: 'AttendanceBatchRequest',
    response: { status: 200, body: 'AttendanceBatchResult' },
    errors: [400, 401, 403, 404, 409],
  },
  'sessions.clearMark': {
    method: 'DELETE',
    path: ApiRoutes.sessions.attendanceMark,
    query: 'ClearMarkQuery',
    response: { status: 204 },
    errors: [400, 401, 403, 404, 409],
  },
  'sessions.walkInCandidates': {
    method: 'GET',
    path: ApiRoutes.sessions.walkInCandidates,
    query: 'WalkInQuery',
    response: { status: 200, body: 'WalkInCandidate', array: true },
    errors: [400, 401, 403, 404],
  },
  // api/src/sessions/series/series.controller.ts
  'sessions.createSeries': {
    method: 'POST',
    path: ApiRoutes.sessions.series,
    request: 'CreateSeriesRequest',
    response: { status: 201, body: 'SessionSeries' },
    errors: [400, 401, 403, 409],
  },
  'sessions.series': { method: 'GET', path: ApiRoutes.sessions.oneSeries, response: { status: 200, body: 'SessionSeries' }, errors: [400, 401, 403, 404] },
  'sessions.updateSeries': {
    method: 'PATCH',
    path: ApiRoutes.sessions.oneSeries,
    request: 'UpdateSeriesRequest',
    response: { status: 200, body: 'SessionSeries' },
    errors: [400, 401, 403, 404, 409],
  },
  // api/src/today/today.controller.ts
  'today.overview': { method: 'GET', path: ApiRoutes.today, response: { status: 200, body: 'TodayOverview' }, errors: [401, 403] },
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof Endpoints;

type BodyOf<R> = R extends { body: infer B extends keyof ResponseTypes } ? (R extends { array: true } ? Array<ResponseTypes[B]> : ResponseTypes[B]) : void;

/** The JSON body an endpoint answers (`void` when it answers none). */
export type EndpointResponseBody<N extends EndpointName> = BodyOf<(typeof Endpoints)[N]['response']>;

/** The JSON body an endpoint takes (`undefined` when none). */
export type EndpointRequestBody<N extends EndpointName> = (typeof Endpoints)[N] extends { request: infer R extends keyof RequestTypes }
  ? RequestTypes[R]
  : undefined;

/** The query an endpoint takes (`undefined` when it takes none; the typed client sends no other). */
export type EndpointQuery<N extends EndpointName> = (typeof Endpoints)[N] extends { query: infer Q extends keyof RequestTypes } ? RequestTypes[Q] : undefined;

/** The paths the table has for a method (what a typed client accepts with it). */
export type EndpointPath<M extends HttpMethod> = {
  [N in EndpointName]: (typeof Endpoints)[N] extends { readonly method: M } ? (typeof Endpoints)[N]['path'] : never;
}[EndpointName];

/** The table's name of the endpoint at `method` and `path` (a route template from `ApiRoutes`). */
export type EndpointAt<M extends HttpMethod, P extends string> = {
  [N in EndpointName]: (typeof Endpoints)[N] extends { readonly method: M; readonly path: P } ? N : never;
}[EndpointName];

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<Rest>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** The values a route template needs: `{ personId: string }` for `people/:personId` (see `routePath`). */
export type PathParams<P extends string> = { [K in ParamNames<P>]: string };

/** The key `METHOD /api/path` under which Express and the authorization matrix know a route. */
export function endpointKey(endpoint: Pick<Endpoint, 'method' | 'path'>): string {
  return `${endpoint.method} /api/${endpoint.path}`;
}
