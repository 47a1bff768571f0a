import type { StaffLanguage } from './languages';
import { RoleGrant } from './roles';
import type { UnitRef } from './organisation';

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

export const UI_LANGUAGES = ['sv', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/**
 * What exists only in Swedish and English (ambassador, manager and HR pages, e-mail, calendar feeds, server
 * messages) for a person who reads the staff pages in `language`: English stays English, every other language
 * (lätt svenska included) gets Swedish, the workplace's language.
 */
export function uiLanguageFor(language: string): UiLanguage {
  return language === 'en' ? 'en' : 'sv';
}

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
  /** Employment not ended (no end date, or one today or later). */
  active: boolean;
  /** The account is disabled by an administrator (always sent by the API). */
  disabled?: boolean;
  /** Units with a current membership (always sent by the API). */
  units?: UnitRef[];
}

export interface PersonDetail extends PersonSummary {
  organisationId: string;
  email: string | null;
  startDate: string;
  endDate: string | null;
  gender: Gender | null;
  /** HR sets Swedish or English; the person may choose any of `STAFF_LANGUAGES` for themselves. */
  preferredLanguage: StaffLanguage;
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
  /** Needed only when the person is in several units on that date: the one they leave. */
  fromUnitId?: string;
}

/** Ends the employment: memberships and roles end the same day; the person is kept, never deleted. */
export interface EndEmploymentRequest {
  /** Last day of employment. */
  endDate: string;
}

/** Query of `GET people`. Lists are narrowed to the caller's scopes. */
export interface PeopleQuery {
  unitId?: string;
  /** Part of a name or employee number. */
  q?: string;
  /** Also people whose employment has ended (HR and administrators). */
  includeEnded?: boolean;
  /** At most this many (default and maximum 1000); the total is in the `X-Total-Count` header. */
  limit?: number;
  offset?: number;
}

export const TOTAL_COUNT_HEADER = 'x-total-count';

export type OneTimeCodePurpose = 'first_sign_in' | 'password_reset';

export interface IssueOneTimeCodeRequest {
  /** `first_sign_in` for a person without an account, `password_reset` for one with an account. */
  purpose: OneTimeCodePurpose;
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
