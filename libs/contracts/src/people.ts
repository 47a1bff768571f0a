import { RoleGrant } from './roles';

export enum EmploymentType {
  Permanent = 'permanent',
  Substitute = 'substitute',
  Hourly = 'hourly',
}

export enum Gender {
  Female = 'female',
  Male = 'male',
  Other = 'other',
}

export const ROLE_TITLES = [
  'undersköterska',
  'vårdbiträde',
  'stödassistent',
  'personlig assistent',
  'sjuksköterska',
  'arbetsterapeut',
  'fysioterapeut',
  'enhetschef',
  'verksamhetschef',
  'HR-specialist',
  'processledare',
  'annan',
] as const;

export type UiLanguage = 'sv' | 'en';

export interface Membership {
  id: string;
  unitId: string;
  unitName: string;
  startDate: string;
  endDate: string | null;
}

export interface PersonSummary {
  id: string;
  firstName: string;
  lastName: string;
  employeeNumber: string;
  roleTitle: string;
  employmentType: EmploymentType;
  hasAccount: boolean;
  active: boolean;
}

export interface PersonDetail extends PersonSummary {
  organisationId: string;
  email: string | null;
  startDate: string;
  endDate: string | null;
  gender: Gender | null;
  preferredLanguage: UiLanguage;
  memberships: Membership[];
  roles: RoleGrant[];
}

export interface CreatePersonRequest {
  firstName: string;
  lastName: string;
  employeeNumber: string;
  email?: string | null;
  roleTitle: string;
  employmentType: EmploymentType;
  startDate: string;
  gender?: Gender | null;
  preferredLanguage?: UiLanguage;
  unitId: string;
}

export type UpdatePersonRequest = Partial<Omit<CreatePersonRequest, 'unitId'>>;

export interface MovePersonRequest {
  toUnitId: string;
  /** First day in the new unit; the old membership ends the day before. */
  date: string;
}

export interface AssignRoleRequest {
  role: string;
  scopeId: string;
  startDate?: string;
  endDate?: string | null;
}

/** A one-time code or link handed to a person by a manager or admin. Shown once. */
export interface OneTimeCredential {
  personId: string;
  code: string;
  url: string;
  expiresAt: string;
}
