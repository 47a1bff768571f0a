/** Paths under /api, shared by the API controllers and the web client. */
export const API_PREFIX = 'api';

/** What `GET health` answers while the API and its database are up. */
export interface HealthStatus {
  status: 'ok';
}

export const ApiRoutes = {
  auth: {
    base: 'auth',
    organisations: 'auth/organisations',
    signIn: 'auth/sign-in',
    signOut: 'auth/sign-out',
    me: 'auth/me',
    redeem: 'auth/redeem',
    password: 'auth/password',
    sessions: 'auth/sessions',
    /** DELETE end one of the signed-in person's other sessions. */
    session: 'auth/sessions/:sessionId',
    /** PUT the signed-in person's own preferred language (`SetLanguageRequest`); answers `CurrentUser`. */
    language: 'auth/language',
    /** GET (public): which sign-in methods this installation offers (`AuthConfig`). */
    config: 'auth/config',
    /** GET (public): starts single sign-on; 404 when OpenID Connect is not configured. */
    oidcStart: 'auth/oidc/start',
    /** GET (public): the identity provider's redirect back; ends on the web app, signed in or with `?sso=`. */
    oidcCallback: 'auth/oidc/callback',
  },
  /** GET (public): `HealthStatus` when the database answers, 503 otherwise. */
  health: 'health',
  /** The locked kiosk tablet (api/src/kiosk): only a kiosk credential may call these. */
  kiosk: {
    /** GET the kiosk credential's round and CSRF token (`KioskCredential`). */
    current: 'kiosk',
    /** POST leave kiosk mode with the password of the person who started it (`LeaveKioskRequest`); answers `CurrentUser`. */
    leave: 'kiosk/leave',
  },
  /** GET the start page's "what do I do now" for every role the caller holds (`TodayOverview`). */
  today: 'today',
  organisation: {
    /** GET: the organisation tree narrowed to the caller's scopes. */
    tree: 'organisation/tree',
    /** POST create (admin). */
    areas: 'areas',
    /** PATCH one area (admin): `areas/:areaId`. */
    area: 'areas/:areaId',
    /** POST create (admin). */
    units: 'units',
    /** GET unit page (staff, managers, ambassadors); PATCH (admin): `units/:unitId`. */
    unit: 'units/:unitId',
    /** GET organisations of the caller's network with aggregate counts (coordinator). */
    networkOrganisations: 'network/organisations',
  },
  people: {
    /** GET list (query: unitId, q, includeEnded), POST create. */
    list: 'people',
    /** GET detail, PATCH update: `people/:personId`. */
    one: 'people/:personId',
    move: 'people/:personId/move',
    end: 'people/:personId/end',
    roles: 'people/:personId/roles',
    role: 'people/:personId/roles/:roleId',
    oneTimeCode: 'people/:personId/one-time-code',
    disable: 'people/:personId/disable',
    enable: 'people/:personId/enable',
  },
  imports: {
    /** GET history, POST run the import (multipart: file, mapping, mode). */
    list: 'imports',
    /** POST multipart file: detected encoding, delimiter, headers and a suggested mapping. */
    preview: 'imports/preview',
    /** POST multipart: every problem by line and column, nothing written. */
    dryRun: 'imports/dry-run',
  },
  library: {
    /** GET the DigComp 2.2 areas and competences. */
    digComp: 'library/digcomp',
    /** GET modules the caller may see (query: ModuleListQuery); POST create (coordinator: network, HR/admin: organisation). */
    modules: 'library/modules',
    /** GET detail; PATCH archive/restore: `library/modules/:moduleId`. */
    module: 'library/modules/:moduleId',
    /** PUT save the draft (creates it when none); DELETE discard it. */
    draft: 'library/modules/:moduleId/draft',
    /** POST replace the draft with the source's latest published version (adapted modules). */
    draftFromSource: 'library/modules/:moduleId/draft/from-source',
    /** POST multipart `file` (+ `title`): attach to the draft. */
    draftAttachments: 'library/modules/:moduleId/draft/attachments',
    /** DELETE remove an attachment from the draft. */
    draftAttachment: 'library/modules/:moduleId/draft/attachments/:attachmentId',
    /** POST publish the draft as a new, immutable version. */
    publish: 'library/modules/:moduleId/publish',
    /** POST make an own copy of a network module for the caller's organisation. */
    adapt: 'library/modules/:moduleId/adapt',
    /** POST propose an organisation's own module to the network (answers the pending proposal when there is one). */
    propose: 'library/modules/:moduleId/proposal',
    /** GET the network's pending proposals (network coordinator). */
    proposals: 'library/proposals',
    /** POST accept: a network-owned copy joins the shared library. */
    acceptProposal: 'library/proposals/:proposalId/accept',
    /** POST decline, with a reason. */
    declineProposal: 'library/proposals/:proposalId/decline',
    /** GET one version (what a session used). */
    version: 'library/module-versions/:versionId',
    /** GET download an attachment. */
    attachment: 'library/attachments/:attachmentId',
    /** POST load the starter library into the coordinator's network (idempotent). */
    starterLibrary: 'library/starter-library',
    /** GET programs; POST create. */
    programs: 'library/programs',
    /** GET detail; PATCH update (steps, archive). */
    program: 'library/programs/:programId',
    /** GET assignments in the caller's scope; POST assign to a unit, area, role, job title or the organisation. */
    programAssignments: 'library/programs/:programId/assignments',
    /** DELETE end an assignment. */
    programAssignment: 'library/programs/:programId/assignments/:assignmentId',
    /** GET programs in force for a unit (directly, through its area, the organisation, roles or job titles). */
    unitPrograms: 'library/units/:unitId/programs',
  },
  ambassadors: {
    /** GET appointments in the caller's scope (query: unitId, personId, includeEnded); POST appoint. */
    appointments: 'ambassadors/appointments',
    /** GET one; PATCH allocation, end date, note. */
    appointment: 'ambassadors/appointments/:appointmentId',
    /** GET qualifications (query: unitId, personId, moduleId, includeInactive); POST qualify explicitly. */
    qualifications: 'ambassadors/qualifications',
    renewQualification: 'ambassadors/qualifications/:qualificationId/renew',
    revokeQualification: 'ambassadors/qualifications/:qualificationId/revoke',
    /** GET per unit: active ambassadors, staff per ambassador, flags (query: unitId). */
    coverage: 'ambassadors/coverage',
    /** GET the coverage's units together, each person once: staff, active ambassadors, staff per ambassador (query: unitId). */
    coverageTotals: 'ambassadors/coverage-totals',
    /** GET counts per organisation for network coordinators. */
    networkCoverage: 'ambassadors/network-coverage',
    /** GET the cascade's reach per organisation for network coordinators (counts only). */
    networkReach: 'ambassadors/network-reach',
    /** GET the caller's own appointments and qualifications. */
    me: 'ambassadors/me',
    /** GET per ambassador: who trained them, sessions, hours and distinct colleagues reached (query: unitId). */
    reach: 'ambassadors/reach',
    /** GET per ambassador: hours delivered, of support and planned in a month against the allocation (query: unitId, month). */
    workload: 'ambassadors/workload',
  },
  // --- sessions and attendance (api/src/sessions) ---
  sessions: {
    /** GET list (query: unitId, from, to, includeCancelled); POST schedule one session. */
    list: 'sessions',
    /** GET detail with conflicts; PATCH move, change or cancel. */
    one: 'sessions/:sessionId',
    /** POST check a planned session for conflicts before saving. */
    conflictCheck: 'session-conflicts',
    /** GET the caller's sessions of a day (query: date; default today): facilitated or in their units. */
    mine: 'my-sessions',
    /** POST create a recurring series (optionally following a program, with shift variants). */
    series: 'session-series',
    /** GET the series; PATCH move or cancel one occurrence or the rest of the series. */
    oneSeries: 'session-series/:seriesId',
    /** GET invited people with their marks and walk-ins; POST a batch of marks (idempotent per mark id). */
    attendance: 'sessions/:sessionId/attendance',
    /** DELETE clear the mark in force with this id (query: clearedAt, the device's time); repeating it is harmless. */
    attendanceMark: 'sessions/:sessionId/attendance/:markId',
    /** GET people of the organisation matching q (name or employee number), for walk-ins. */
    walkInCandidates: 'sessions/:sessionId/walk-in-candidates',
    /** GET who missed sessions of assigned programs, catch-up proposals and follow-ups due. */
    catchUp: 'sessions/units/:unitId/catch-up',
    /** GET individual support (query: unitId, personId); POST log 1:1 support. */
    support: 'support-entries',
    /** GET participation hours per person and activity category (query: unitId, personId, from, to). */
    participation: 'participation',
    /** GET the caller's own participation hours. */
    myParticipation: 'participation/me',
  },
  checks: {
    /** GET the network's common core items in force; POST define one (network coordinator). */
    coreItems: 'checks/core-items',
    /** POST retire a core item (it stays in published versions; new versions leave it out). */
    retireCoreItem: 'checks/core-items/:coreItemId/retire',
    /** GET the organisation's instruments; POST create one (HR, administrator). */
    instruments: 'checks/instruments',
    /** GET one with its draft and versions. */
    instrument: 'checks/instruments/:instrumentId',
    /** PUT save the draft (core items are added by the server, locked). */
    instrumentDraft: 'checks/instruments/:instrumentId/draft',
    /** POST publish the draft as a new immutable version. */
    instrumentPublish: 'checks/instruments/:instrumentId/publish',
    /** GET one published version. */
    instrumentVersion: 'checks/instrument-versions/:versionId',
    /** GET assignments (query: unitId); POST assign a check to a unit (and a session or program). */
    assignments: 'checks/assignments',
    /** GET one with its rounds. */
    assignment: 'checks/assignments/:assignmentId',
    /** POST open the before, after or follow-up round (idempotent per kind). */
    rounds: 'checks/assignments/:assignmentId/rounds',
    /** POST: cancel the check (no more rounds, the scheduled follow-up is cancelled). */
    cancelAssignment: 'checks/assignments/:assignmentId/cancel',
    /** GET who may answer on the kiosk tablet (names only). */
    kioskRoster: 'checks/rounds/:roundId/roster',
    /** POST start one person's answer on the kiosk tablet. */
    kioskResponses: 'checks/rounds/:roundId/kiosk',
    /** PUT save one kiosk answer (write-only). */
    kioskItem: 'checks/kiosk/:responseId/items/:itemKey',
    kioskSubmit: 'checks/kiosk/:responseId/submit',
    kioskDecline: 'checks/kiosk/:responseId/decline',
    /** PUT the answering person's own language from the kiosk (`SetLanguageRequest`), kept on their account; 204. */
    kioskLanguage: 'checks/kiosk/:responseId/language',
    /**
     * POST (ambassador, manager): turn this browser into the round's locked kiosk. Ends the caller's session and
     * answers `KioskCredential` with a cookie that serves only this round's kiosk routes.
     */
    kioskCredential: 'checks/rounds/:roundId/kiosk-credential',
    /** GET (public): what an answer code is for, before signing in (`CheckCodePreview`: check title and workplace only). */
    codePreview: 'checks/codes/:code',
    /** PUT an ambassador's observation rating of a colleague. */
    observations: 'checks/rounds/:roundId/observations',
    /** POST opens the caller's own form for the round behind a short code (started on first open, so not a GET). */
    answer: 'checks/answer/:code',
    answerItem: 'checks/answer/:code/items/:itemKey',
    answerSubmit: 'checks/answer/:code/submit',
    answerDecline: 'checks/answer/:code/decline',
    /** GET the caller's own open checks and before/after results. */
    mine: 'checks/me',
    /** GET "may need support" signals for a unit (ambassadors): names only, never answers. */
    supportSignals: 'checks/support-signals',
    /** GET protected aggregate results (managers, HR, administrators). */
    results: 'checks/results',
    /** GET an item's recording for the person answering on the kiosk tablet (the kiosk credential may read only this). */
    kioskAudio: 'checks/kiosk/:responseId/audio/:itemKey/:language',
    /** GET response and pairing rates by answer language (HR, administrators; query: instrumentId, unitId, areaId). */
    languageRates: 'checks/results/languages',
    /** GET an instrument's items with their translations and audio (owners). */
    instrumentTranslations: 'checks/instruments/:instrumentId/translations',
    /** PUT whether staff may see draft translations of the instrument. */
    instrumentTranslationSettings: 'checks/instruments/:instrumentId/translation-settings',
    /** PUT upload (multipart `file`), GET download, DELETE an item's recording in one language. */
    itemAudio: 'checks/instruments/:instrumentId/audio/:itemKey/:language',
    /** GET a core item's network-shared translations; POST add one (network coordinator). */
    coreItemTranslations: 'checks/core-items/:coreItemId/translations',
    /** PUT change the text (back to draft), DELETE remove. */
    translation: 'checks/translations/:translationId',
    /** POST mark reviewed by the caller (who and when are recorded). */
    translationReview: 'checks/translations/:translationId/review',
  },
  // --- insight (api/src/insights) ---
  insights: {
    /** GET the unit's team progress (query: from, to). */
    team: 'insights/units/:unitId/team',
    /** GET the coming 12 months' plan with targets and their progress. */
    plan: 'insights/units/:unitId/plan',
    /** POST a plan entry (client id). */
    planEntries: 'insights/units/:unitId/plan-entries',
    /** PATCH (move or change) or DELETE one plan entry. */
    planEntry: 'insights/units/:unitId/plan-entries/:entryId',
    /** POST a target (client id). */
    targets: 'insights/units/:unitId/targets',
    /** PATCH or DELETE one target. */
    target: 'insights/units/:unitId/targets/:targetId',
    /** GET hourly rates and external costs of the caller's organisation. */
    costSettings: 'insights/cost-settings',
    /** PUT the rates in force from a date. */
    hourlyRates: 'insights/cost-settings/hourly-rates',
    /** POST an external cost (client id). */
    externalCosts: 'insights/cost-settings/external-costs',
    /** DELETE one external cost. */
    externalCost: 'insights/cost-settings/external-costs/:costId',
    /** GET hours and costs by activity category (query: from, to). */
    costs: 'insights/costs',
    /** GET the funders' participant report (query: from, to, format=json|csv|xlsx). */
    participantReport: 'insights/participant-report',
    /** GET participation and hours by area, unit, role title or employment type (filters in the query). */
    participation: 'insights/participation',
    /** GET participation per organisation of the caller's network (aggregates only). */
    networkParticipation: 'network/insights/participation',
    /** GET the common core items' before/after per organisation and the shared modules' use (aggregates only). */
    networkComparison: 'network/insights/comparison',
    // competence levels and gains (api/src/insights/competence*)
    /** GET competence before/after by area, unit, role title or employment type (filters in the query). */
    competence: 'insights/competence',
    /** GET the mean level per dimension per quarter (same filters). */
    competenceTrend: 'insights/competence/trend',
    /** GET the unit's before/after per dimension (team view). */
    unitCompetence: 'insights/units/:unitId/competence',
    // competence profiles and gaps (api/src/insights/profiles*)
    /** GET the organisation's competence profiles. */
    competenceProfiles: 'insights/competence-profiles',
    /** PUT (create or replace, client id) or DELETE one profile. */
    competenceProfile: 'insights/competence-profiles/:profileId',
    /** GET the unit's aggregate gap to the profiles, with suggested modules. */
    unitCompetenceGap: 'insights/units/:unitId/competence-gap',
    /** GET the caller's own gap to their profile. */
    myCompetenceGap: 'insights/me/competence-gap',
  },
  audit: {
    /** GET search the organisation's audit log (query: AuditLogQuery), org admin. */
    log: 'audit-log',
    /** GET / PUT how long audit entries are kept (org admin). */
    retention: 'audit-log/retention',
  },
  // --- calendars and reminders (api/src/calendar, api/src/notifications) ---
  calendar: {
    /** GET the caller's own feed status; POST create or rotate it (answers the URL once); DELETE revoke it. */
    myFeed: 'calendar/feeds/me',
    /** The same for a unit's feed (its managers and ambassadors). */
    unitFeed: 'calendar/feeds/units/:unitId',
    /** GET the iCalendar feed itself (public: the token is the secret). */
    feed: 'calendar/feed/:token',
  },
  notifications: {
    /** GET the caller's notifications with the unread count. */
    mine: 'notifications',
    /** POST mark one of the caller's notifications read. */
    read: 'notifications/:notificationId/read',
    /** POST mark all of the caller's notifications read. */
    readAll: 'notifications/read-all',
    /** GET the organisation's e-mail outbox (org admin). */
    outbox: 'mail-outbox',
    /** GET one message of the outbox. */
    outboxMessage: 'mail-outbox/:messageId',
  },
  // --- personal data (api/src/personal-data) ---
  personalData: {
    /** GET the signed-in person's own data (`MyPersonalData`); audited as an export. */
    mine: 'me/personal-data',
    /** GET / PUT how long data about people who have left is kept (org admin). */
    retention: 'personal-data/retention',
    /** POST pseudonymise a person now (org admin). */
    pseudonymise: 'people/:personId/pseudonymise',
  },
} as const;

/** Fills `:param` placeholders: `routePath(ApiRoutes.people.one, { personId })`. */
export function routePath(template: string, params: Record<string, string>): string {
  return template.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing route parameter ${name}`);
    return encodeURIComponent(value);
  });
}
