import { RoleGrant } from './roles';
import type { StaffLanguage } from './languages';

export interface SignInRequest {
  /** E-mail address or employee number. */
  identifier: string;
  password: string;
  /** Needed when signing in with an employee number (they are unique per organisation only). */
  organisationId?: string;
}

/** Redeem a one-time code (from a manager) or reset link, and set a password. */
export interface RedeemCodeRequest {
  code: string;
  newPassword: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** Any signed-in person sets the language Kunna uses for them (interface and server messages). */
export interface SetLanguageRequest {
  preferredLanguage: StaffLanguage;
}

export interface CurrentUser {
  personId: string;
  organisationId: string;
  organisationName: string;
  networkId: string;
  firstName: string;
  lastName: string;
  /** The staff pages follow it; the other pages use `uiLanguageFor(preferredLanguage)`. */
  preferredLanguage: StaffLanguage;
  roles: RoleGrant[];
  /** Echo this in the X-CSRF-Token header on every unsafe request. */
  csrfToken: string;
  /** Seconds of inactivity after which the session ends. */
  idleTimeoutSeconds: number;
}

export interface SessionInfo {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string | null;
  current: boolean;
}

export const CSRF_HEADER = 'x-csrf-token';
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Why a new password was refused; the field error's `code` is `password` + the capitalised name
 * (`passwordTooWeak`), stable while the Swedish message may be reworded.
 */
export type PasswordProblem = 'tooShort' | 'tooLong' | 'blank' | 'tooCommon' | 'personal' | 'tooWeak' | 'reused';

export function passwordProblemCode(problem: PasswordProblem): string {
  return `password${problem[0].toUpperCase()}${problem.slice(1)}`;
}

/** Public: what the sign-in page offers besides the local password. */
export interface AuthConfig {
  /** Single sign-on through the organisation's OpenID Connect provider. */
  oidc: boolean;
}

/** Why single sign-on ended without a session (`?sso=` on the sign-in page). */
export type SsoError = 'failed' | 'noMatch' | 'ambiguous';
