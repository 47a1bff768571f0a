import { EmploymentType, PersonSummary, UnitRef } from '@kunna/contracts';

/** A membership in force today (inclusive dates). `m` is the membership alias. */
export const CURRENT_MEMBERSHIP = `m.start_date <= current_date and (m.end_date is null or m.end_date >= current_date)`;

/**
 * A membership that has not ended: in force today or starting later. What places a person in a unit's scope
 * (the access guard's rule, see AuthRepository.positionOfPerson): the receiving unit sees a future hire.
 */
export const UNENDED_MEMBERSHIP = `(m.end_date is null or m.end_date >= current_date)`;

/**
 * The columns of a `PersonSummary`, for `from person p left join credential c on c.person_id = p.id`.
 * Shared by the people list and the unit page so both describe a person the same way.
 */
export const PERSON_SUMMARY_COLUMNS = `
  p.id, p.first_name, p.last_name, p.employee_number, p.role_title, p.employment_type,
  (c.password_hash is not null) as has_account,
  (p.end_date is null or p.end_date >= current_date) as active,
  (p.disabled_at is not null) as disabled,
  coalesce((select json_agg(json_build_object('id', u.id, 'name', u.name) order by u.name)
              from unit_membership m join unit u on u.id = m.unit_id
             where m.person_id = p.id and ${CURRENT_MEMBERSHIP}), '[]'::json) as units`;

export interface PersonSummaryRow {
  id: string;
  first_name: string;
  last_name: string;
  employee_number: string;
  role_title: string;
  employment_type: EmploymentType;
  has_account: boolean;
  active: boolean;
  disabled: boolean;
  units: UnitRef[];
}

export function toPersonSummary(row: PersonSummaryRow): PersonSummary {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    employeeNumber: row.employee_number,
    roleTitle: row.role_title,
    employmentType: row.employment_type,
    hasAccount: row.has_account,
    active: row.active,
    disabled: row.disabled,
    units: row.units,
  };
}
