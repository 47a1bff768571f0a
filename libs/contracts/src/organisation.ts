export enum OrganisationKind {
  Municipality = 'municipality',
  PrivateProvider = 'private_provider',
}

export enum AreaKind {
  ElderlyCare = 'elderly_care',
  HomeCare = 'home_care',
  DisabilitySupport = 'disability_support',
  HealthCare = 'health_care',
  SocialServices = 'social_services',
  Other = 'other',
}

export interface NetworkSummary {
  id: string;
  name: string;
}

export interface OrganisationSummary {
  id: string;
  networkId: string;
  name: string;
  kind: OrganisationKind;
}

export interface OrganisationDetail extends OrganisationSummary {
  minGroupSize: number;
}

export interface UnitSummary {
  id: string;
  organisationId: string;
  areaId: string;
  name: string;
  code: string | null;
  /** The unit's staff today (api/src/people/staff.sql.ts: the one definition of staff behind every count). */
  staffCount: number;
  managers: PersonRef[];
}

export interface AreaNode {
  id: string;
  name: string;
  kind: AreaKind;
  units: UnitSummary[];
  /** Staff of the area's units shown, each person once (not the sum of the units: a person may work in two). */
  staffCount: number;
}

/** The organisation tree as the caller may see it. */
export interface OrganisationTree {
  organisation: OrganisationDetail;
  areas: AreaNode[];
  /** Staff of all the units shown, each person once: for HR and administrators the organisation's staff. */
  staffCount: number;
}

export interface PersonRef {
  id: string;
  name: string;
}

export interface UnitRef {
  id: string;
  name: string;
}

export interface JoiningMember {
  person: import('./people').PersonSummary;
  /** First day in the unit (YYYY-MM-DD), after today. */
  startDate: string;
}

export interface UnitDetail {
  unit: UnitSummary;
  areaName: string;
  organisationName: string;
  /** Current members, substitutes included (see employmentType). */
  staff: import('./people').PersonSummary[];
  /** People who join the unit later (new hires, planned moves), with their first day here. */
  joining: JoiningMember[];
  ambassadors: PersonRef[];
  managers: PersonRef[];
}

export interface CreateAreaRequest {
  name: string;
  kind: AreaKind;
}

export interface CreateUnitRequest {
  areaId: string;
  name: string;
  code?: string | null;
}

export type UpdateUnitRequest = Partial<CreateUnitRequest>;

export type UpdateAreaRequest = Partial<CreateAreaRequest>;

export interface NetworkOrganisation extends OrganisationSummary {
  unitCount: number;
  activeStaffCount: number;
}
