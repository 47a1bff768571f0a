/**
 * Personal data (GDPR as a Swedish public employer applies it): a person's own copy of everything Kunna holds
 * about them, how long data about people who have left is kept, and pseudonymisation.
 */

/** Shortest and longest retention an organisation can set for people who have left (months). */
export const PERSONAL_DATA_RETENTION_MIN_MONTHS = 1;
export const PERSONAL_DATA_RETENTION_MAX_MONTHS = 240;

/** Name given to a pseudonymised person; a short code from their record follows it ("Före detta medarbetare 7F3A"). */
export const PSEUDONYM_PREFIX = 'Före detta medarbetare';

export interface PersonalDataRetention {
  /** Months after the end of employment; null = not set (kept until disposed of under the organisation's archive decision). */
  retentionMonths: number | null;
}

export interface PseudonymiseResult {
  personId: string;
  name: string;
  pseudonymisedAt: string;
  /** False when the person was already pseudonymised (nothing changed). */
  changed: boolean;
}

export interface MyProfileData {
  id: string;
  organisation: string;
  employeeNumber: string;
  firstName: string;
  lastName: string;
  email: string | null;
  roleTitle: string;
  employmentType: string;
  startDate: string;
  endDate: string | null;
  gender: string | null;
  preferredLanguage: string;
  disabledAt: string | null;
  pseudonymisedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface MyAccountData {
  hasPassword: boolean;
  passwordChangedAt: string | null;
  oneTimeCodes: Array<{ purpose: string; createdAt: string; expiresAt: string; usedAt: string | null }>;
  sessions: Array<{ createdAt: string; lastSeenAt: string; expiresAt: string; revokedAt: string | null; ip: string | null; userAgent: string | null }>;
  /** Failed sign-ins (or wrong current passwords) counted against the person's e-mail, employee number or account. */
  signInFailures: Array<{ failures: number; windowStart: string; lockedUntil: string | null }>;
}

export interface MyMembershipData {
  unit: string;
  area: string;
  startDate: string;
  endDate: string | null;
}

export interface MyRoleData {
  role: string;
  scopeType: string;
  scope: string;
  startDate: string;
  endDate: string | null;
}

export interface MyAppointmentData {
  allocationKind: string;
  allocationValue: number;
  startDate: string;
  endDate: string | null;
  note: string | null;
  units: string[];
}

export interface MyQualificationData {
  module: string;
  source: string;
  program: string | null;
  validFrom: string;
  validUntil: string | null;
  revokedAt: string | null;
  revokeReason: string | null;
  note: string | null;
}

export interface MySessionData {
  sessionId: string;
  date: string;
  startTime: string;
  durationMinutes: number;
  unit: string;
  module: string;
  place: string;
  status: string;
}

export interface MyAttendanceData extends MySessionData {
  mark: string;
  minutes: number | null;
  recordedAt: string;
  walkIn: boolean;
}

/** Every mark received for the person, including those a later mark replaced. */
export interface MyAttendanceHistoryData {
  sessionId: string;
  mark: string;
  minutes: number | null;
  recordedAt: string;
  outcome: string;
}

export interface MyParticipationData {
  /** Participation minutes in held sessions plus individual support received. */
  totalMinutes: number;
  byCategory: Array<{ category: string; minutes: number }>;
}

export interface MyCheckAnswerData {
  itemKey: string;
  itemText: string | null;
  declined: boolean;
  value: unknown;
  /** An observation rated by an ambassador (who rated is not included: that is about another person). */
  observation: boolean;
  answeredAt: string;
}

export interface MyCheckResponseData {
  check: string;
  round: string;
  status: string;
  form: string;
  via: string;
  startedAt: string;
  finishedAt: string | null;
  answers: MyCheckAnswerData[];
}

export interface MySupportData {
  date: string;
  minutes: number;
  topic: string;
  module: string | null;
  unit: string;
  notes: string | null;
}

export interface MyAuditEntryData {
  createdAt: string;
  action: string;
  /** Entries about the person, or entries of their own actions (then without target or details). */
  about: 'me' | 'my_action';
  targetType: string | null;
  details: Record<string, unknown> | null;
  ip: string | null;
}

export interface MyNotificationData {
  kind: string;
  sessionId: string | null;
  details: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

/** E-mail Kunna sent (or held in its outbox) to the person. */
export interface MyEmailData {
  toAddress: string;
  subject: string;
  body: string;
  status: string;
  createdAt: string;
  sentAt: string | null;
}

/** The person's own calendar feeds (never the secret token). */
export interface MyCalendarFeedData {
  createdAt: string;
  revokedAt: string | null;
}

/** `GET /api/me/personal-data`: machine-readable, shown on "Mina uppgifter". */
export interface MyPersonalData {
  exportedAt: string;
  profile: MyProfileData;
  account: MyAccountData;
  memberships: MyMembershipData[];
  roles: MyRoleData[];
  ambassadorAppointments: MyAppointmentData[];
  qualifications: MyQualificationData[];
  sessionsInvited: MySessionData[];
  sessionsLed: MySessionData[];
  attendance: MyAttendanceData[];
  attendanceHistory: MyAttendanceHistoryData[];
  participation: MyParticipationData;
  checkResponses: MyCheckResponseData[];
  supportReceived: MySupportData[];
  notifications: MyNotificationData[];
  emails: MyEmailData[];
  calendarFeeds: MyCalendarFeedData[];
  auditEntries: MyAuditEntryData[];
}
