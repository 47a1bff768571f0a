import { Role, ScopeType } from './roles';

/**
 * The one permission table: every permission of the API, who holds it and the kind of object it applies to. The
 * API's routes declare one each (`@Permit('sessions.recordAttendance', { session: 'sessionId' })`, api/src/auth),
 * the access guard enforces it, the web derives menus and buttons from it (`may`, below) and the authorization
 * matrix (e2e/api/authorization-matrix.ts) derives its expectations from it. Row-level security stays underneath.
 *
 * `roles`: who may call (`Role.Staff` is anyone signed in). The role's grant must cover the object: a unit grant
 * covers its unit (and the people, sessions, … in it), an area grant its units, an organisation grant the
 * organisation, a network grant the network (and, for network permissions, its organisations). An object of
 * another organisation answers 404 as if it did not exist, unless a network grant of the permission covers it.
 *
 * `object`, what the grant must cover:
 * - `self`: the caller's own data (the handler uses the caller's person id);
 * - `scopes`: wherever the caller holds one of the roles; the service narrows its answer to those scopes;
 * - `ownOrganisation`: the caller's own organisation (HR, administrators, the network's coordinator);
 * - `organisation`, `area`, `unit`, `person`, `network`: that object of the organisation tree, named in the request;
 * - the rest: a feature's own object named in the request (a session, a module, a check round, …), whose feature
 *   decides with `need` (`read`, `edit`, `adapt`) what its roles allow on it.
 */
export type PermissionObject =
  | 'self'
  | 'scopes'
  | 'ownOrganisation'
  | 'organisation'
  | 'area'
  | 'unit'
  | 'person'
  | 'network'
  | 'session'
  | 'series'
  | 'appointment'
  | 'qualification'
  | 'module'
  | 'moduleVersion'
  | 'attachment'
  | 'program'
  | 'coreItem'
  | 'instrument'
  | 'instrumentVersion'
  | 'checkAssignment'
  | 'checkRound'
  | 'kioskResponse'
  | 'checkCode';

export type PermissionNeed = 'read' | 'edit' | 'adapt';

export interface PermissionRule {
  readonly roles: readonly Role[];
  readonly object: PermissionObject;
  /** What the caller does with a feature's object; reading when left out. */
  readonly need?: PermissionNeed;
}

export const PERMISSIONS = {
  // api/src/ambassadors/ambassadors.controller.ts
  'ambassadors.appointments': { roles: [Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'unit' },
  'ambassadors.appoint': { roles: [Role.Manager, Role.Hr, Role.OrgAdmin], object: 'person' },
  'ambassadors.appointment': { roles: [Role.Ambassador, Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'appointment', need: 'read' },
  'ambassadors.updateAppointment': { roles: [Role.Manager, Role.Hr, Role.OrgAdmin], object: 'appointment', need: 'edit' },
  'ambassadors.qualifications': { roles: [Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'unit' },
  'ambassadors.qualify': { roles: [Role.Hr, Role.OrgAdmin], object: 'person' },
  'ambassadors.renew': { roles: [Role.Hr, Role.OrgAdmin], object: 'qualification', need: 'edit' },
  'ambassadors.revoke': { roles: [Role.Hr, Role.OrgAdmin], object: 'qualification', need: 'edit' },
  'ambassadors.coverage': { roles: [Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'unit' },
  'ambassadors.coverageTotals': { roles: [Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'unit' },
  'ambassadors.reach': { roles: [Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'unit' },
  'ambassadors.workload': { roles: [Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'unit' },
  'ambassadors.networkCoverage': { roles: [Role.NetworkCoordinator], object: 'scopes' },
  'ambassadors.networkReach': { roles: [Role.NetworkCoordinator], object: 'scopes' },
  'ambassadors.mine': { roles: [Role.Staff], object: 'self' },

  // api/src/audit/audit-log.controller.ts
  'auditLog.search': { roles: [Role.OrgAdmin], object: 'ownOrganisation' },
  'auditLog.retention': { roles: [Role.OrgAdmin], object: 'ownOrganisation' },
  'auditLog.setRetention': { roles: [Role.OrgAdmin], object: 'ownOrganisation' },

  // api/src/auth/auth.controller.ts
  'auth.signOut': { roles: [Role.Staff], object: 'self' },
  'auth.me': { roles: [Role.Staff], object: 'self' },
  'auth.changePassword': { roles: [Role.Staff], object: 'self' },
  'auth.setLanguage': { roles: [Role.Staff], object: 'self' },
  'auth.sessions': { roles: [Role.Staff], object: 'self' },
  'auth.endSession': { roles: [Role.Staff], object: 'self' },

  // api/src/calendar/calendar.controller.ts
  'calendar.myFeed': { roles: [Role.Staff], object: 'self' },
  'calendar.createMyFeed': { roles: [Role.Staff], object: 'self' },
  'calendar.revokeMyFeed': { roles: [Role.Staff], object: 'self' },
  'calendar.unitFeed': { roles: [Role.Manager, Role.Ambassador], object: 'unit' },
  'calendar.createUnitFeed': { roles: [Role.Manager, Role.Ambassador], object: 'unit' },
  'calendar.revokeUnitFeed': { roles: [Role.Manager, Role.Ambassador], object: 'unit' },

  // api/src/checks/{instruments,rounds,answering,results}/*.controller.ts
  'checks.coreItems': { roles: [Role.NetworkCoordinator, Role.Ambassador, Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'scopes' },
  'checks.createCoreItem': { roles: [Role.NetworkCoordinator], object: 'scopes' },
  'checks.retireCoreItem': { roles: [Role.NetworkCoordinator], object: 'coreItem' },
  'checks.instruments': { roles: [Role.Ambassador, Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'scopes' },
  'checks.createInstrument': { roles: [Role.Hr, Role.OrgAdmin], object: 'ownOrganisation' },
  'checks.instrument': { roles: [Role.Ambassador, Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'instrument' },
  'checks.saveDraft': { roles: [Role.Hr, Role.OrgAdmin], object: 'instrument', need: 'edit' },
  'checks.publish': { roles: [Role.Hr, Role.OrgAdmin], object: 'instrument', need: 'edit' },
  'checks.version': { roles: [Role.Ambassador, Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'instrumentVersion' },
  'checks.assignments': { roles: [Role.Ambassador, Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'unit' },
  'checks.createAssignment': { roles: [Role.Ambassador, Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'unit' },
  'checks.assignment': { roles: [Role.Ambassador, Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'checkAssignment' },
  'checks.openRound': { roles: [Role.Ambassador, Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'checkAssignment' },
  'checks.cancelAssignment': { roles: [Role.Ambassador, Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'checkAssignment' },
  'checks.roster': { roles: [Role.Ambassador, Role.Manager], object: 'checkRound' },
  'checks.startKiosk': { roles: [Role.Ambassador, Role.Manager], object: 'checkRound' },
  'checks.saveKioskAnswer': { roles: [Role.Ambassador, Role.Manager], object: 'kioskResponse' },
  'checks.submitKiosk': { roles: [Role.Ambassador, Role.Manager], object: 'kioskResponse' },
  'checks.declineKiosk': { roles: [Role.Ambassador, Role.Manager], object: 'kioskResponse' },
  'checks.observe': { roles: [Role.Ambassador], object: 'checkRound' },
  'checks.openForm': { roles: [Role.Staff], object: 'checkCode' },
  'checks.saveOwnAnswer': { roles: [Role.Staff], object: 'checkCode' },
  'checks.submitOwn': { roles: [Role.Staff], object: 'checkCode' },
  'checks.declineOwn': { roles: [Role.Staff], object: 'checkCode' },
  'checks.mine': { roles: [Role.Staff], object: 'self' },
  'checks.supportSignals': { roles: [Role.Ambassador], object: 'unit' },
  'checks.results': { roles: [Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'scopes' },
  'checks.setKioskLanguage': { roles: [Role.Ambassador, Role.Manager], object: 'kioskResponse' },

  // api/src/checks/translations/translations.controller.ts
  'translations.list': { roles: [Role.Hr, Role.OrgAdmin], object: 'instrument' },
  'translations.create': { roles: [Role.Hr, Role.OrgAdmin], object: 'instrument', need: 'edit' },
  'translations.settings': { roles: [Role.Hr, Role.OrgAdmin], object: 'instrument', need: 'edit' },
  'translations.shared': { roles: [Role.NetworkCoordinator], object: 'coreItem' },
  'translations.createShared': { roles: [Role.NetworkCoordinator], object: 'coreItem' },
  'translations.update': { roles: [Role.Hr, Role.OrgAdmin, Role.NetworkCoordinator], object: 'scopes' },
  'translations.review': { roles: [Role.Hr, Role.OrgAdmin, Role.NetworkCoordinator], object: 'scopes' },
  'translations.remove': { roles: [Role.Hr, Role.OrgAdmin, Role.NetworkCoordinator], object: 'scopes' },
  'translations.uploadAudio': { roles: [Role.Hr, Role.OrgAdmin], object: 'instrument', need: 'edit' },
  'translations.audio': { roles: [Role.Staff], object: 'instrument' },
  'translations.kioskAudio': { roles: [Role.Ambassador, Role.Manager], object: 'kioskResponse' },
  'translations.removeAudio': { roles: [Role.Hr, Role.OrgAdmin], object: 'instrument', need: 'edit' },
  'translations.languageRates': { roles: [Role.Hr, Role.OrgAdmin], object: 'scopes' },

  // api/src/imports/imports.controller.ts
  'imports.list': { roles: [Role.OrgAdmin, Role.Hr], object: 'ownOrganisation' },
  'imports.preview': { roles: [Role.OrgAdmin, Role.Hr], object: 'ownOrganisation' },
  'imports.dryRun': { roles: [Role.OrgAdmin, Role.Hr], object: 'ownOrganisation' },
  'imports.run': { roles: [Role.OrgAdmin, Role.Hr], object: 'ownOrganisation' },

  // api/src/insights/competence/competence.controller.ts
  'competence.breakdown': { roles: [Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'scopes' },
  'competence.trend': { roles: [Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'scopes' },
  'competence.unit': { roles: [Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'unit' },

  // api/src/insights/team/team.controller.ts
  'insights.team': { roles: [Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'unit' },
  // api/src/insights/plans/plans.controller.ts
  'insights.plan': { roles: [Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'unit' },
  'insights.addPlanEntry': { roles: [Role.Manager, Role.Hr, Role.OrgAdmin], object: 'unit' },
  'insights.updatePlanEntry': { roles: [Role.Manager, Role.Hr, Role.OrgAdmin], object: 'unit' },
  'insights.deletePlanEntry': { roles: [Role.Manager, Role.Hr, Role.OrgAdmin], object: 'unit' },
  'insights.createTarget': { roles: [Role.Manager, Role.Hr, Role.OrgAdmin], object: 'unit' },
  'insights.updateTarget': { roles: [Role.Manager, Role.Hr, Role.OrgAdmin], object: 'unit' },
  'insights.deleteTarget': { roles: [Role.Manager, Role.Hr, Role.OrgAdmin], object: 'unit' },
  // api/src/insights/costs/costs.controller.ts
  'insights.costSettings': { roles: [Role.Hr, Role.OrgAdmin], object: 'ownOrganisation' },
  'insights.setRate': { roles: [Role.Hr, Role.OrgAdmin], object: 'ownOrganisation' },
  'insights.addExternalCost': { roles: [Role.Hr, Role.OrgAdmin], object: 'ownOrganisation' },
  'insights.deleteExternalCost': { roles: [Role.Hr, Role.OrgAdmin], object: 'ownOrganisation' },
  'insights.costs': { roles: [Role.Hr, Role.OrgAdmin], object: 'ownOrganisation' },
  'insights.participantReport': { roles: [Role.Hr, Role.OrgAdmin], object: 'ownOrganisation' },
  'insights.participation': { roles: [Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'scopes' },
  // api/src/insights/network/network.controller.ts
  'insights.networkParticipation': { roles: [Role.NetworkCoordinator], object: 'scopes' },
  'network.comparison': { roles: [Role.NetworkCoordinator], object: 'scopes' },

  // api/src/insights/profiles/profiles.controller.ts
  'profiles.list': { roles: [Role.Hr, Role.OrgAdmin], object: 'ownOrganisation' },
  'profiles.save': { roles: [Role.Hr, Role.OrgAdmin], object: 'ownOrganisation' },
  'profiles.remove': { roles: [Role.Hr, Role.OrgAdmin], object: 'ownOrganisation' },
  'profiles.unit': { roles: [Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'unit' },
  'profiles.mine': { roles: [Role.Staff], object: 'self' },

  // api/src/kiosk/kiosk.controller.ts
  'kiosk.start': { roles: [Role.Ambassador, Role.Manager], object: 'checkRound' },
  'kiosk.current': { roles: [Role.Staff], object: 'self' },
  'kiosk.leave': { roles: [Role.Staff], object: 'self' },

  // api/src/library/modules.controller.ts
  'modules.digComp': { roles: [Role.Staff], object: 'scopes' },
  'modules.list': { roles: [Role.Staff], object: 'scopes' },
  'modules.create': { roles: [Role.NetworkCoordinator, Role.Hr, Role.OrgAdmin], object: 'scopes' },
  'modules.detail': { roles: [Role.Staff], object: 'module', need: 'read' },
  'modules.update': { roles: [Role.NetworkCoordinator, Role.Hr, Role.OrgAdmin], object: 'module', need: 'edit' },
  'modules.saveDraft': { roles: [Role.NetworkCoordinator, Role.Hr, Role.OrgAdmin], object: 'module', need: 'edit' },
  'modules.discardDraft': { roles: [Role.NetworkCoordinator, Role.Hr, Role.OrgAdmin], object: 'module', need: 'edit' },
  'modules.draftFromSource': { roles: [Role.NetworkCoordinator, Role.Hr, Role.OrgAdmin], object: 'module', need: 'edit' },
  'modules.publish': { roles: [Role.NetworkCoordinator, Role.Hr, Role.OrgAdmin], object: 'module', need: 'edit' },
  'modules.adapt': { roles: [Role.Hr, Role.OrgAdmin], object: 'module', need: 'adapt' },
  'modules.propose': { roles: [Role.Hr, Role.OrgAdmin], object: 'module', need: 'edit' },
  'modules.pendingProposals': { roles: [Role.NetworkCoordinator], object: 'scopes' },
  'modules.acceptProposal': { roles: [Role.NetworkCoordinator], object: 'scopes' },
  'modules.declineProposal': { roles: [Role.NetworkCoordinator], object: 'scopes' },
  'modules.addAttachment': { roles: [Role.NetworkCoordinator, Role.Hr, Role.OrgAdmin], object: 'module', need: 'edit' },
  'modules.removeAttachment': { roles: [Role.NetworkCoordinator, Role.Hr, Role.OrgAdmin], object: 'module', need: 'edit' },
  'modules.version': { roles: [Role.Staff], object: 'moduleVersion', need: 'read' },
  'modules.attachment': { roles: [Role.Staff], object: 'attachment', need: 'read' },
  'modules.loadStarterLibrary': { roles: [Role.NetworkCoordinator], object: 'scopes' },

  // api/src/library/programs.controller.ts
  'programs.list': { roles: [Role.Staff], object: 'scopes' },
  'programs.create': { roles: [Role.NetworkCoordinator, Role.Hr, Role.OrgAdmin], object: 'scopes' },
  'programs.detail': { roles: [Role.Staff], object: 'program', need: 'read' },
  'programs.update': { roles: [Role.NetworkCoordinator, Role.Hr, Role.OrgAdmin], object: 'program', need: 'edit' },
  'programs.assignments': { roles: [Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'program', need: 'read' },
  'programs.assign': { roles: [Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'program', need: 'read' },
  'programs.endAssignment': { roles: [Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'program', need: 'read' },
  'programs.unitPrograms': { roles: [Role.Ambassador, Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'unit' },

  // api/src/notifications/notifications.controller.ts
  'notifications.mine': { roles: [Role.Staff], object: 'self' },
  'notifications.read': { roles: [Role.Staff], object: 'self' },
  'notifications.readAll': { roles: [Role.Staff], object: 'self' },
  'notifications.outbox': { roles: [Role.OrgAdmin], object: 'ownOrganisation' },
  'notifications.outboxMessage': { roles: [Role.OrgAdmin], object: 'ownOrganisation' },

  // api/src/organisation/organisation.controller.ts
  'organisation.tree': { roles: [Role.Ambassador, Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'scopes' },
  'organisation.networkOrganisations': { roles: [Role.NetworkCoordinator], object: 'scopes' },
  'organisation.unit': { roles: [Role.Ambassador, Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'unit' },
  'organisation.createArea': { roles: [Role.OrgAdmin], object: 'ownOrganisation' },
  'organisation.updateArea': { roles: [Role.OrgAdmin], object: 'area' },
  'organisation.createUnit': { roles: [Role.OrgAdmin], object: 'area' },
  'organisation.updateUnit': { roles: [Role.OrgAdmin], object: 'unit' },

  // api/src/people/people.controller.ts
  'people.list': { roles: [Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'unit' },
  'people.detail': { roles: [Role.Staff, Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'person' },
  'people.create': { roles: [Role.Manager, Role.Hr, Role.OrgAdmin], object: 'unit' },
  'people.update': { roles: [Role.Manager, Role.Hr, Role.OrgAdmin], object: 'person' },
  'people.move': { roles: [Role.Manager, Role.Hr, Role.OrgAdmin], object: 'person' },
  'people.end': { roles: [Role.Manager, Role.Hr, Role.OrgAdmin], object: 'person' },

  // api/src/people/person-account.controller.ts
  'personAccount.issueCode': { roles: [Role.Manager, Role.OrgAdmin], object: 'person' },
  'personAccount.disable': { roles: [Role.OrgAdmin], object: 'person' },
  'personAccount.enable': { roles: [Role.OrgAdmin], object: 'person' },

  // api/src/people/person-roles.controller.ts
  'personRoles.assign': { roles: [Role.Manager, Role.Hr, Role.OrgAdmin, Role.NetworkCoordinator], object: 'person' },
  'personRoles.revoke': { roles: [Role.Manager, Role.Hr, Role.OrgAdmin, Role.NetworkCoordinator], object: 'person' },

  // api/src/personal-data/personal-data.controller.ts
  'personalData.mine': { roles: [Role.Staff], object: 'self' },
  'personalData.retention': { roles: [Role.OrgAdmin], object: 'ownOrganisation' },
  'personalData.setRetention': { roles: [Role.OrgAdmin], object: 'ownOrganisation' },
  'personalData.pseudonymise': { roles: [Role.OrgAdmin], object: 'person' },

  // api/src/sessions/attendance/participation.controller.ts
  'participation.catchUpOverview': { roles: [Role.Ambassador, Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'unit' },
  // api/src/sessions/support/support.controller.ts
  'participation.supportEntries': { roles: [Role.Staff], object: 'scopes' },
  'participation.logSupport': { roles: [Role.Ambassador, Role.Manager, Role.Hr, Role.OrgAdmin], object: 'unit' },
  // api/src/sessions/attendance/participation.controller.ts
  'participation.report': { roles: [Role.Ambassador, Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'unit' },
  'participation.mine': { roles: [Role.Staff], object: 'self' },

  // api/src/sessions/scheduling/scheduling.controller.ts
  'sessions.list': { roles: [Role.Ambassador, Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'unit' },
  'sessions.create': { roles: [Role.Ambassador, Role.Manager, Role.Hr, Role.OrgAdmin], object: 'unit' },
  'sessions.conflictCheck': { roles: [Role.Ambassador, Role.Manager, Role.Hr, Role.OrgAdmin], object: 'unit' },
  'sessions.mine': { roles: [Role.Ambassador, Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'scopes' },
  'sessions.detail': { roles: [Role.Ambassador, Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'session', need: 'read' },
  'sessions.update': { roles: [Role.Ambassador, Role.Manager, Role.Hr, Role.OrgAdmin], object: 'session', need: 'edit' },
  // api/src/sessions/attendance/attendance.controller.ts
  'sessions.attendance': { roles: [Role.Ambassador, Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'session', need: 'read' },
  'sessions.recordAttendance': { roles: [Role.Ambassador, Role.Manager, Role.Hr, Role.OrgAdmin], object: 'session', need: 'edit' },
  'sessions.clearMark': { roles: [Role.Ambassador, Role.Manager, Role.Hr, Role.OrgAdmin], object: 'session', need: 'edit' },
  'sessions.walkInCandidates': { roles: [Role.Ambassador, Role.Manager, Role.Hr, Role.OrgAdmin], object: 'session', need: 'edit' },
  // api/src/sessions/series/series.controller.ts
  'sessions.createSeries': { roles: [Role.Ambassador, Role.Manager, Role.Hr, Role.OrgAdmin], object: 'unit' },
  'sessions.series': { roles: [Role.Ambassador, Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin], object: 'series', need: 'read' },
  'sessions.updateSeries': { roles: [Role.Ambassador, Role.Manager, Role.Hr, Role.OrgAdmin], object: 'series', need: 'edit' },

  // api/src/today/today.controller.ts
  'today.overview': { roles: [Role.Staff], object: 'self' },
} as const satisfies Record<string, PermissionRule>;

export type Permission = keyof typeof PERMISSIONS;

/** The roles holding a permission (what list queries narrow by). */
export function rolesOf(permission: Permission): Role[] {
  return [...PERMISSIONS[permission].roles];
}

/** A role grant in force, as the API's caller and the web's session carry it. */
export interface PermissionGrant {
  readonly role: Role;
  readonly scopeType: ScopeType;
  readonly scopeId: string;
}

/** Where an object sits, as far as the asker knows it: a unit, its area, its organisation, its network. */
export interface PermissionScope {
  readonly unitId?: string;
  readonly areaId?: string;
  readonly organisationId?: string;
  readonly networkId?: string;
}

/**
 * Do the grants hold `permission`, on `scope` when given (else anywhere)? What the web shows follows this; the API
 * decides for real (with the object's actual position, the feature's `need` rules and row-level security).
 */
export function may(grants: readonly PermissionGrant[], permission: Permission, scope?: PermissionScope): boolean {
  const roles: readonly Role[] = PERMISSIONS[permission].roles;
  if (roles.includes(Role.Staff)) return true;
  return grants.some((grant) => roles.includes(grant.role) && (scope === undefined || grantCoversScope(grant, scope)));
}

function grantCoversScope(grant: PermissionGrant, scope: PermissionScope): boolean {
  switch (grant.scopeType) {
    case ScopeType.Unit:
      return grant.scopeId === scope.unitId;
    case ScopeType.Area:
      return grant.scopeId === scope.areaId;
    case ScopeType.Organisation:
      return grant.scopeId === scope.organisationId;
    case ScopeType.Network:
      return grant.scopeId === scope.networkId;
  }
}
