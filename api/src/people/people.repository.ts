import { Injectable } from '@nestjs/common';
import { AssignableRole, EmploymentType, Gender, Membership, PersonDetail, PersonSummary, ScopeType, UiLanguage } from '@kunna/contracts';
import { Db } from '../database/db';
import { conflictError, uniqueViolation } from '../common/http-errors';
import type { Visibility } from '../organisation';
import { PERSON_SUMMARY_COLUMNS, PersonSummaryRow, toPersonSummary, UNENDED_MEMBERSHIP } from '../database/person-summary.sql';

/** The fields of a person that rules are checked against, read with a row lock. */
export interface PersonRecord {
  id: string;
  organisationId: string;
  employeeNumber: string;
  firstName: string;
  lastName: string;
  email: string | null;
  roleTitle: string;
  employmentType: EmploymentType;
  startDate: string;
  endDate: string | null;
  gender: Gender | null;
  preferredLanguage: UiLanguage;
  disabled: boolean;
  pseudonymised: boolean;
  hasAccount: boolean;
}

export interface NewPerson {
  organisationId: string;
  employeeNumber: string;
  firstName: string;
  lastName: string;
  email: string | null;
  roleTitle: string;
  employmentType: EmploymentType;
  startDate: string;
  gender: Gender | null;
  preferredLanguage: UiLanguage;
}

export type PersonChanges = Partial<Omit<NewPerson, 'organisationId'>>;

export interface MembershipRow {
  id: string;
  unitId: string;
  startDate: string;
  endDate: string | null;
}

/** A role grant as stored (active, future or ended). */
export interface GrantRow {
  id: string;
  personId: string;
  role: AssignableRole;
  scopeType: ScopeType;
  scopeId: string;
  startDate: string;
  endDate: string | null;
}

export interface PeoplePage {
  people: PersonSummary[];
  total: number;
}

export interface PeopleFilter {
  unitId: string | null;
  /** Already turned into an ILIKE pattern with wildcards escaped. */
  pattern: string | null;
  includeEnded: boolean;
  limit: number;
  offset: number;
}

const PERSON_COLUMNS = `p.id, p.organisation_id, p.employee_number, p.first_name, p.last_name, p.email, p.role_title,
  p.employment_type, p.start_date::text as start_date, p.end_date::text as end_date, p.gender, p.preferred_language,
  (p.disabled_at is not null) as disabled, (p.pseudonymised_at is not null) as pseudonymised,
  exists (select 1 from credential c where c.person_id = p.id and c.password_hash is not null) as has_account`;

interface PersonDbRow {
  id: string;
  organisation_id: string;
  employee_number: string;
  first_name: string;
  last_name: string;
  email: string | null;
  role_title: string;
  employment_type: EmploymentType;
  start_date: string;
  end_date: string | null;
  gender: Gender | null;
  preferred_language: UiLanguage;
  disabled: boolean;
  pseudonymised: boolean;
  has_account: boolean;
}

function toRecord(row: PersonDbRow): PersonRecord {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    employeeNumber: row.employee_number,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    roleTitle: row.role_title,
    employmentType: row.employment_type,
    startDate: row.start_date,
    endDate: row.end_date,
    gender: row.gender,
    preferredLanguage: row.preferred_language,
    disabled: row.disabled,
    pseudonymised: row.pseudonymised,
    hasAccount: row.has_account,
  };
}

@Injectable()
export class PeopleRepository {
  constructor(private readonly db: Db) {}

  /**
   * People of the organisation the caller may see. Organisation-wide callers see everyone (ended people
   * on request); others see people with a membership that has not ended (in force today or starting later)
   * in one of their units or areas, the same rule the access guard applies to a person's record.
   */
  async list(organisationId: string, visibility: Visibility, filter: PeopleFilter): Promise<PeoplePage> {
    const where = `
      p.organisation_id = $1 and p.pseudonymised_at is null
      and ($2::boolean or p.end_date is null or p.end_date >= current_date)
      and ($3::boolean or exists (
            select 1 from unit_membership m join unit u on u.id = m.unit_id
             where m.person_id = p.id and ${UNENDED_MEMBERSHIP}
               and (u.area_id = any($4::uuid[]) or u.id = any($5::uuid[]))))
      and ($6::uuid is null or exists (
            select 1 from unit_membership m
             where m.person_id = p.id and m.unit_id = $6::uuid
               and (${UNENDED_MEMBERSHIP} or ($2::boolean and p.end_date < current_date and m.end_date >= p.end_date))))
      and ($7::text is null
           or p.employee_number ilike $7
           or (p.first_name || ' ' || p.last_name) ilike $7
           or (p.last_name || ' ' || p.first_name) ilike $7)`;
    const params = [organisationId, filter.includeEnded, visibility.organisationWide, visibility.areaIds, visibility.unitIds, filter.unitId, filter.pattern];
    const counted: Array<{ total: number }> = await this.db.manager.query(`select count(*)::int as total from person p where ${where}`, params);
    const rows: PersonSummaryRow[] = await this.db.manager.query(
      `select ${PERSON_SUMMARY_COLUMNS}
         from person p left join credential c on c.person_id = p.id
        where ${where}
        order by lower(p.last_name), lower(p.first_name), p.employee_number
        limit $8 offset $9`,
      [...params, filter.limit, filter.offset],
    );
    return { people: rows.map(toPersonSummary), total: counted[0]?.total ?? 0 };
  }

  /** The person's record, or null when it is not in the organisation. */
  async detail(organisationId: string, personId: string): Promise<Omit<PersonDetail, 'roles'> | null> {
    const rows: Array<
      PersonSummaryRow & {
        organisation_id: string;
        email: string | null;
        start_date: string;
        end_date: string | null;
        gender: Gender | null;
        preferred_language: UiLanguage;
      }
    > = await this.db.manager.query(
      `select ${PERSON_SUMMARY_COLUMNS}, p.organisation_id, p.email, p.start_date::text as start_date,
              p.end_date::text as end_date, p.gender, p.preferred_language
         from person p left join credential c on c.person_id = p.id
        where p.id = $1 and p.organisation_id = $2`,
      [personId, organisationId],
    );
    const row = rows[0];
    if (!row) return null;
    const memberships: Membership[] = await this.db.manager.query(
      `select m.id, m.unit_id as "unitId", u.name as "unitName", m.start_date::text as "startDate", m.end_date::text as "endDate"
         from unit_membership m join unit u on u.id = m.unit_id
        where m.person_id = $1
        order by m.start_date desc, m.end_date desc nulls first`,
      [personId],
    );
    return {
      ...toPersonSummary(row),
      organisationId: row.organisation_id,
      email: row.email,
      startDate: row.start_date,
      endDate: row.end_date,
      gender: row.gender,
      preferredLanguage: row.preferred_language,
      memberships,
    };
  }

  /** Reads the person and locks the row until the request's transaction ends: changes to one person queue up. */
  async lock(organisationId: string, personId: string): Promise<PersonRecord | null> {
    const rows: PersonDbRow[] = await this.db.manager.query(
      `select ${PERSON_COLUMNS} from person p where p.id = $1 and p.organisation_id = $2 for update of p`,
      [personId, organisationId],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async employeeNumberTaken(organisationId: string, employeeNumber: string, exceptId: string | null): Promise<boolean> {
    const rows: unknown[] = await this.db.manager.query(
      `select 1 from person where organisation_id = $1 and employee_number = $2 and ($3::uuid is null or id <> $3::uuid)`,
      [organisationId, employeeNumber, exceptId],
    );
    return rows.length > 0;
  }

  async emailTaken(organisationId: string, email: string, exceptId: string | null): Promise<boolean> {
    const rows: unknown[] = await this.db.manager.query(
      `select 1 from person where organisation_id = $1 and lower(email) = lower($2) and ($3::uuid is null or id <> $3::uuid)`,
      [organisationId, email, exceptId],
    );
    return rows.length > 0;
  }

  async insert(person: NewPerson): Promise<string> {
    try {
      const rows: Array<{ id: string }> = await this.db.manager.query(
        `insert into person (organisation_id, employee_number, first_name, last_name, email, role_title, employment_type,
                             start_date, gender, preferred_language)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
        [
          person.organisationId,
          person.employeeNumber,
          person.firstName,
          person.lastName,
          person.email,
          person.roleTitle,
          person.employmentType,
          person.startDate,
          person.gender,
          person.preferredLanguage,
        ],
      );
      return rows[0].id;
    } catch (error) {
      throw translate(error);
    }
  }

  async update(personId: string, changes: PersonChanges): Promise<void> {
    const columns: Record<keyof PersonChanges, string> = {
      employeeNumber: 'employee_number',
      firstName: 'first_name',
      lastName: 'last_name',
      email: 'email',
      roleTitle: 'role_title',
      employmentType: 'employment_type',
      startDate: 'start_date',
      gender: 'gender',
      preferredLanguage: 'preferred_language',
    };
    const sets: string[] = [];
    const params: unknown[] = [personId];
    for (const key of Object.keys(columns) as Array<keyof PersonChanges>) {
      if (changes[key] === undefined) continue;
      params.push(changes[key]);
      sets.push(`${columns[key]} = $${params.length}`);
    }
    if (sets.length === 0) return;
    try {
      await this.db.manager.query(`update person set ${sets.join(', ')}, updated_at = now() where id = $1`, params);
    } catch (error) {
      throw translate(error);
    }
  }

  async insertMembership(organisationId: string, personId: string, unitId: string, startDate: string, endDate: string | null): Promise<void> {
    await this.db.manager.query(`insert into unit_membership (organisation_id, person_id, unit_id, start_date, end_date) values ($1, $2, $3, $4, $5)`, [
      organisationId,
      personId,
      unitId,
      startDate,
      endDate,
    ]);
  }

  async memberships(personId: string): Promise<MembershipRow[]> {
    return this.db.manager.query(
      `select id, unit_id as "unitId", start_date::text as "startDate", end_date::text as "endDate"
         from unit_membership where person_id = $1 order by start_date, id`,
      [personId],
    );
  }

  /** Ends a membership the day before `date` (the first day somewhere else). */
  async endMembershipBefore(membershipId: string, date: string): Promise<void> {
    await this.db.manager.query(`update unit_membership set end_date = $2::date - 1 where id = $1`, [membershipId, date]);
  }

  async setMembershipStart(membershipId: string, startDate: string): Promise<void> {
    await this.db.manager.query(`update unit_membership set start_date = $2 where id = $1`, [membershipId, startDate]);
  }

  /**
   * Ends the employment on `endDate`: memberships and role grants end the same day at the latest, and those
   * that would only have begun after it are removed (they never took effect). The person stays.
   */
  async endEmployment(personId: string, endDate: string): Promise<void> {
    await this.db.manager.query(`update person set end_date = $2, updated_at = now() where id = $1`, [personId, endDate]);
    await this.db.manager.query(`delete from unit_membership where person_id = $1 and start_date > $2`, [personId, endDate]);
    await this.db.manager.query(`update unit_membership set end_date = $2 where person_id = $1 and (end_date is null or end_date > $2)`, [personId, endDate]);
    await this.db.manager.query(`delete from role_assignment where person_id = $1 and start_date > $2`, [personId, endDate]);
    await this.db.manager.query(`update role_assignment set end_date = $2 where person_id = $1 and (end_date is null or end_date > $2)`, [personId, endDate]);
  }

  /** Today in the database's calendar, the one every `current_date` rule uses. */
  async today(): Promise<string> {
    const rows: Array<{ today: string }> = await this.db.manager.query(`select current_date::text as today`);
    return rows[0].today;
  }

  /** Has the employment ended before today? */
  /** Ends the person's own calendar feed (the token alone opens it, without any session). */
  async revokeCalendarFeeds(personId: string): Promise<void> {
    await this.db.manager.query(`update calendar_feed set revoked_at = now() where person_id = $1 and revoked_at is null`, [personId]);
  }

  async hasEnded(personId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.manager.query(`select 1 from person where id = $1 and end_date < current_date`, [personId]);
    return rows.length > 0;
  }

  /** Returns whether the state changed. */
  async setDisabled(personId: string, disabled: boolean): Promise<boolean> {
    // An UPDATE answers [rows, affected count] through TypeORM's driver.
    const [, changed] = await this.db.manager.query<[unknown[], number]>(
      disabled
        ? `update person set disabled_at = now(), updated_at = now() where id = $1 and disabled_at is null`
        : `update person set disabled_at = null, updated_at = now() where id = $1 and disabled_at is not null`,
      [personId],
    );
    return changed > 0;
  }

  // --- role grants ---

  /** Grants in force today or later. */
  async currentAndFutureGrants(personId: string): Promise<GrantRow[]> {
    return this.db.manager.query(
      `select id, person_id as "personId", role, scope_type as "scopeType", scope_id as "scopeId",
              start_date::text as "startDate", end_date::text as "endDate"
         from role_assignment where person_id = $1 and (end_date is null or end_date >= current_date)
        order by start_date, id`,
      [personId],
    );
  }

  async grant(personId: string, grantId: string): Promise<GrantRow | null> {
    const rows: GrantRow[] = await this.db.manager.query(
      `select id, person_id as "personId", role, scope_type as "scopeType", scope_id as "scopeId",
              start_date::text as "startDate", end_date::text as "endDate"
         from role_assignment where id = $1 and person_id = $2 for update`,
      [grantId, personId],
    );
    return rows[0] ?? null;
  }

  /** The same role on the same scope, in force on some day from `from` on (so two grants would overlap). */
  async overlappingGrant(personId: string, role: AssignableRole, scopeId: string, from: string, to: string | null): Promise<GrantRow | null> {
    const rows: GrantRow[] = await this.db.manager.query(
      `select id, person_id as "personId", role, scope_type as "scopeType", scope_id as "scopeId",
              start_date::text as "startDate", end_date::text as "endDate"
         from role_assignment
        where person_id = $1 and role = $2 and scope_id = $3
          and (end_date is null or end_date >= $4::date) and ($5::date is null or start_date <= $5::date)
        order by start_date limit 1`,
      [personId, role, scopeId, from, to],
    );
    return rows[0] ?? null;
  }

  async insertGrant(grant: Omit<GrantRow, 'id'> & { organisationId: string; createdBy: string }): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `insert into role_assignment (organisation_id, person_id, role, scope_type, scope_id, start_date, end_date, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
      [grant.organisationId, grant.personId, grant.role, grant.scopeType, grant.scopeId, grant.startDate, grant.endDate, grant.createdBy],
    );
    return rows[0].id;
  }

  /** Ends a grant at the end of yesterday: it stops at once, and its history stays. */
  async endGrantNow(grantId: string): Promise<void> {
    await this.db.manager.query(`update role_assignment set end_date = current_date - 1 where id = $1`, [grantId]);
  }

  async deleteGrant(grantId: string): Promise<void> {
    await this.db.manager.query(`delete from role_assignment where id = $1`, [grantId]);
  }

  /** Administrators of the organisation in force today, other than `exceptPersonId`, whose account works. */
  async otherActiveAdministrators(organisationId: string, exceptPersonId: string): Promise<number> {
    const rows: Array<{ n: number }> = await this.db.manager.query(
      `select count(distinct r.person_id)::int as n
         from role_assignment r join person p on p.id = r.person_id
        where r.role = 'org_admin' and r.scope_type = 'organisation' and r.scope_id = $1
          and r.start_date <= current_date and (r.end_date is null or r.end_date >= current_date)
          and r.person_id <> $2 and p.disabled_at is null and p.pseudonymised_at is null
          and (p.end_date is null or p.end_date >= current_date)`,
      [organisationId, exceptPersonId],
    );
    return rows[0]?.n ?? 0;
  }

  /** What kind of object an id names, among the caller's own organisation and network. */
  async resolveScope(organisationId: string, networkId: string, scopeId: string): Promise<{ type: ScopeType; id: string } | null> {
    const rows: Array<{ type: ScopeType }> = await this.db.manager.query(
      `select 'unit' as type from unit where id = $1 and organisation_id = $2
       union all select 'area' from area where id = $1 and organisation_id = $2
       union all select 'organisation' from organisation where id = $1 and id = $2
       union all select 'network' from network where id = $1 and id = $3`,
      [scopeId, organisationId, networkId],
    );
    return rows[0] ? { type: rows[0].type, id: scopeId } : null;
  }
}

/** A concurrent write can still hit a unique constraint after the service's check: name the field. */
function translate(error: unknown): unknown {
  const constraint = uniqueViolation(error);
  if (constraint === 'person_organisation_id_employee_number_key') {
    return conflictError('employeeNumber', 'Anställningsnumret finns redan i organisationen.');
  }
  if (constraint === 'person_email_idx') return conflictError('email', 'E-postadressen används redan av en annan person i organisationen.');
  return error;
}
