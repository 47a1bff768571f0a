import { AmbassadorQualification, QualificationStatus } from '@kunna/contracts';

/** Qualifications running out within this many days are shown as due for renewal. */
export const RENEWAL_DUE_DAYS = 60;

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A valid qualification whose end falls within the renewal window and that no later qualification renews. */
export function renewalDue(qualification: AmbassadorQualification, day: string, renewedIds: ReadonlySet<string>): boolean {
  return (
    qualification.status === QualificationStatus.Valid &&
    qualification.validUntil !== null &&
    qualification.validUntil <= addDays(day, RENEWAL_DUE_DAYS) &&
    !renewedIds.has(qualification.id)
  );
}
