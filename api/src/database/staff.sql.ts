/**
 * Staff in the organisation: the one definition behind every head count (the start page, the unit page, Insight, the
 * ambassadors' coverage, the network overview). A member of staff on `today` is a person who is not pseudonymised,
 * whose employment is in force that day, and who has a unit membership in force that day in a unit that is open. A
 * person in two units is one member of staff of the organisation, and one of each unit's staff.
 *
 * A `from` item with one row per (person_id, unit_id, area_id, organisation_id): `from ${staffMemberships()} s`.
 */
export function staffMemberships(today = 'current_date'): string {
  return `(select m.person_id, m.unit_id, su.area_id, su.organisation_id
             from unit_membership m
             join unit su on su.id = m.unit_id
             join person sp on sp.id = m.person_id
            where m.start_date <= ${today} and (m.end_date is null or m.end_date >= ${today})
              and (su.closed_at is null or su.closed_at > ${today})
              and sp.pseudonymised_at is null
              and sp.start_date <= ${today} and (sp.end_date is null or sp.end_date >= ${today}))`;
}

/** The number of staff (each person once) among the rows of `staffMemberships` that match `where` (alias `s`). */
export function staffCount(where: string, today = 'current_date'): string {
  return `(select count(distinct s.person_id)::int from ${staffMemberships(today)} s where ${where})`;
}
