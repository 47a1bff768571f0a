import { Injectable } from '@nestjs/common';
import {
  AllocationKind,
  AmbassadorAppointment,
  AmbassadorQualification,
  NetworkCoverage,
  NetworkReach,
  QualificationSource,
  QualificationStatus,
  UnitRef,
} from '@kunna/contracts';
import { Db } from '../database/db';
import type { Visibility } from '../organisation';
import { ATTENDED_SQL, PARTICIPATION_MINUTES_SQL } from '../database/participation.sql';
import { type AttendedRow, type FacilitatedSessionRow, minutesToHours, type TrainerRow } from './reach';
import { staffCount } from '../database/staff.sql';

export interface AppointmentRow {
  id: string;
  organisationId: string;
  personId: string;
  allocationKind: AllocationKind;
  allocationValue: number;
  startDate: string;
  endDate: string | null;
  unitIds: string[];
  /** Units whose role grant this appointment created (and ends with it). */
  createdGrantIds: string[];
}

export interface QualificationRow {
  id: string;
  organisationId: string;
  personId: string;
  moduleId: string;
  source: QualificationSource;
  validFrom: string;
  validUntil: string | null;
  revoked: boolean;
}

export interface PersonState {
  id: string;
  organisationId: string;
  endDate: string | null;
  pseudonymised: boolean;
}

export interface UnitState {
  id: string;
  organisationId: string;
  areaId: string;
  closed: boolean;
}

/** One active ambassador of a unit, for the coverage figures. */
export interface CoverageRow {
  unitId: string;
  unitName: string;
  areaId: string;
  areaName: string;
  staffCount: number;
  ambassadors: Array<{ personId: string; name: string; appointmentId: string; leavesOn: string | null }>;
  /** Start dates of appointments that begin after today (successors). */
  upcomingStarts: string[];
}

const APPOINTMENT_SELECT = `
  select a.id, a.person_id, p.first_name || ' ' || p.last_name as person_name, a.allocation_kind,
         a.allocation_value::float8 as allocation_value, a.start_date::text as start_date, a.end_date::text as end_date, a.note,
         (a.start_date <= current_date and (a.end_date is null or a.end_date >= current_date)) as active,
         coalesce((select json_agg(json_build_object('id', u.id, 'name', u.name) order by u.name)
                     from ambassador_appointment_unit au join unit u on u.id = au.unit_id where au.appointment_id = a.id), '[]'::json) as units
    from ambassador_appointment a join person p on p.id = a.person_id`;

interface AppointmentDbRow {
  id: string;
  person_id: string;
  person_name: string;
  allocation_kind: AllocationKind;
  allocation_value: number;
  start_date: string;
  end_date: string | null;
  note: string | null;
  active: boolean;
  units: UnitRef[];
}

function toAppointment(row: AppointmentDbRow): AmbassadorAppointment {
  return {
    id: row.id,
    person: { id: row.person_id, name: row.person_name },
    units: row.units,
    allocationKind: row.allocation_kind,
    allocationValue: row.allocation_value,
    startDate: row.start_date,
    endDate: row.end_date,
    note: row.note,
    active: row.active,
  };
}

const QUALIFICATION_SELECT = `
  select q.id, q.person_id, p.first_name || ' ' || p.last_name as person_name, q.module_id, coalesce(v.title, '') as module_title,
         q.source, q.program_id, q.valid_from::text as valid_from, q.valid_until::text as valid_until, q.renews_id,
         to_char(q.revoked_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as revoked_at, q.revoke_reason, q.note,
         case when q.revoked_at is not null then 'revoked'
              when q.valid_from > current_date then 'upcoming'
              when q.valid_until is not null and q.valid_until < current_date then 'expired'
              else 'valid' end as status
    from ambassador_qualification q
    join person p on p.id = q.person_id
    left join lateral (select title from library_module_version v where v.module_id = q.module_id and v.status = 'published'
                        order by v.version_number desc limit 1) v on true`;

interface QualificationDbRow {
  id: string;
  person_id: string;
  person_name: string;
  module_id: string;
  module_title: string;
  source: QualificationSource;
  program_id: string | null;
  valid_from: string;
  valid_until: string | null;
  renews_id: string | null;
  revoked_at: string | null;
  revoke_reason: string | null;
  note: string | null;
  status: QualificationStatus;
}

function toQualification(row: QualificationDbRow): AmbassadorQualification {
  return {
    id: row.id,
    person: { id: row.person_id, name: row.person_name },
    module: { id: row.module_id, title: row.module_title },
    source: row.source,
    programId: row.program_id,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    status: row.status,
    renewsId: row.renews_id,
    revokedAt: row.revoked_at,
    revokeReason: row.revoke_reason,
    note: row.note,
  };
}

/** People the caller's grants reach: members of, or ambassadors appointed to, a visible unit. `p` is the person alias. */
const PERSON_VISIBLE = `
  ($2 or exists (select 1 from unit_membership m join unit u on u.id = m.unit_id
                  where m.person_id = p.id and m.start_date <= current_date and (m.end_date is null or m.end_date >= current_date)
                    and (u.id = any($4::uuid[]) or u.area_id = any($3::uuid[])))
      or exists (select 1 from ambassador_appointment a2 join ambassador_appointment_unit au2 on au2.appointment_id = a2.id
                   join unit u on u.id = au2.unit_id
                  where a2.person_id = p.id and (u.id = any($4::uuid[]) or u.area_id = any($3::uuid[]))))`;

@Injectable()
export class AmbassadorsRepository {
  constructor(private readonly db: Db) {}

  async today(): Promise<string> {
    const rows: Array<{ today: string }> = await this.db.manager.query(`select current_date::text as today`);
    return rows[0].today;
  }

  async person(personId: string): Promise<PersonState | null> {
    const rows: Array<{ id: string; organisation_id: string; end_date: string | null; pseudonymised: boolean }> = await this.db.manager.query(
      `select id, organisation_id, end_date::text as end_date, pseudonymised_at is not null as pseudonymised from person where id = $1`,
      [personId],
    );
    const row = rows[0];
    return row ? { id: row.id, organisationId: row.organisation_id, endDate: row.end_date, pseudonymised: row.pseudonymised } : null;
  }

  async units(unitIds: string[]): Promise<UnitState[]> {
    const rows: Array<{ id: string; organisation_id: string; area_id: string; closed: boolean }> = await this.db.manager.query(
      `select id, organisation_id, area_id, (closed_at is not null and closed_at <= current_date) as closed
         from unit where id = any($1::uuid[])`,
      [unitIds],
    );
    return rows.map((row) => ({ id: row.id, organisationId: row.organisation_id, areaId: row.area_id, closed: row.closed }));
  }

  // --- appointments ---

  async appointments(
    organisationId: string,
    visibility: Visibility,
    filter: { unitId?: string; personId?: string; includeEnded: boolean },
  ): Promise<AmbassadorAppointment[]> {
    const rows: AppointmentDbRow[] = await this.db.manager.query(
      `${APPOINTMENT_SELECT}
        where a.organisation_id = $1
          and ($2 or exists (select 1 from ambassador_appointment_unit au join unit u on u.id = au.unit_id
                              where au.appointment_id = a.id and (u.id = any($4::uuid[]) or u.area_id = any($3::uuid[]))))
          and ($5::uuid is null or exists (select 1 from ambassador_appointment_unit au where au.appointment_id = a.id and au.unit_id = $5))
          and ($6::uuid is null or a.person_id = $6)
          and ($7 or a.end_date is null or a.end_date >= current_date)
        order by active desc, p.last_name, p.first_name, a.start_date`,
      [
        organisationId,
        visibility.organisationWide,
        visibility.areaIds,
        visibility.unitIds,
        filter.unitId ?? null,
        filter.personId ?? null,
        filter.includeEnded,
      ],
    );
    return rows.map(toAppointment);
  }

  async appointment(appointmentId: string): Promise<AmbassadorAppointment | null> {
    const rows: AppointmentDbRow[] = await this.db.manager.query(`${APPOINTMENT_SELECT} where a.id = $1`, [appointmentId]);
    return rows[0] ? toAppointment(rows[0]) : null;
  }

  async ownAppointments(personId: string): Promise<AmbassadorAppointment[]> {
    const rows: AppointmentDbRow[] = await this.db.manager.query(
      `${APPOINTMENT_SELECT} where a.person_id = $1 and (a.end_date is null or a.end_date >= current_date) order by a.start_date`,
      [personId],
    );
    return rows.map(toAppointment);
  }

  async appointmentRow(appointmentId: string, lock = false): Promise<AppointmentRow | null> {
    const rows: Array<{
      id: string;
      organisation_id: string;
      person_id: string;
      allocation_kind: AllocationKind;
      allocation_value: number;
      start_date: string;
      end_date: string | null;
      unit_ids: string[];
      created_grant_ids: string[];
    }> = await this.db.manager.query(
      `select a.id, a.organisation_id, a.person_id, a.allocation_kind, a.allocation_value::float8 as allocation_value,
              a.start_date::text as start_date, a.end_date::text as end_date,
              coalesce((select array_agg(au.unit_id order by au.unit_id) from ambassador_appointment_unit au where au.appointment_id = a.id), '{}') as unit_ids,
              coalesce((select array_agg(au.role_assignment_id) from ambassador_appointment_unit au
                         where au.appointment_id = a.id and au.grant_created and au.role_assignment_id is not null), '{}') as created_grant_ids
         from ambassador_appointment a where a.id = $1 ${lock ? 'for update' : ''}`,
      [appointmentId],
    );
    const row = rows[0];
    return row
      ? {
          id: row.id,
          organisationId: row.organisation_id,
          personId: row.person_id,
          allocationKind: row.allocation_kind,
          allocationValue: row.allocation_value,
          startDate: row.start_date,
          endDate: row.end_date,
          unitIds: row.unit_ids,
          createdGrantIds: row.created_grant_ids,
        }
      : null;
  }

  /** Appointments of the person that share a unit with `unitIds` and overlap [start, end]. */
  async overlappingAppointments(personId: string, unitIds: string[], start: string, end: string | null, exceptId: string | null): Promise<AppointmentRow[]> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `select distinct a.id from ambassador_appointment a join ambassador_appointment_unit au on au.appointment_id = a.id
        where a.person_id = $1 and au.unit_id = any($2::uuid[])
          and a.start_date <= coalesce($4::date, 'infinity'::date) and coalesce(a.end_date, 'infinity'::date) >= $3::date
          and ($5::uuid is null or a.id <> $5)`,
      [personId, unitIds, start, end, exceptId],
    );
    const found: AppointmentRow[] = [];
    for (const row of rows) {
      const appointment = await this.appointmentRow(row.id);
      if (appointment) found.push(appointment);
    }
    return found;
  }

  async insertAppointment(appointment: {
    organisationId: string;
    personId: string;
    allocationKind: AllocationKind;
    allocationValue: number;
    startDate: string;
    endDate: string | null;
    note: string | null;
    createdBy: string;
  }): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `insert into ambassador_appointment (organisation_id, person_id, allocation_kind, allocation_value, start_date, end_date, note,
                                           created_by, updated_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $8) returning id`,
      [
        appointment.organisationId,
        appointment.personId,
        appointment.allocationKind,
        appointment.allocationValue,
        appointment.startDate,
        appointment.endDate,
        appointment.note,
        appointment.createdBy,
      ],
    );
    return rows[0].id;
  }

  async linkUnit(link: {
    appointmentId: string;
    unitId: string;
    organisationId: string;
    roleAssignmentId: string | null;
    grantCreated: boolean;
  }): Promise<void> {
    await this.db.manager.query(
      `insert into ambassador_appointment_unit (appointment_id, unit_id, organisation_id, role_assignment_id, grant_created)
       values ($1, $2, $3, $4, $5)`,
      [link.appointmentId, link.unitId, link.organisationId, link.roleAssignmentId, link.grantCreated],
    );
  }

  async updateAppointment(
    appointmentId: string,
    changes: { allocationKind: AllocationKind; allocationValue: number; endDate: string | null; note: string | null | undefined },
    personId: string,
  ): Promise<void> {
    await this.db.manager.query(
      `update ambassador_appointment
          set allocation_kind = $2, allocation_value = $3, end_date = $4,
              note = case when $5 then $6 else note end, updated_by = $7, updated_at = now()
        where id = $1`,
      [appointmentId, changes.allocationKind, changes.allocationValue, changes.endDate, changes.note !== undefined, changes.note ?? null, personId],
    );
  }

  /** An ambassador grant of the person on the unit that overlaps [start, end]. */
  async overlappingGrant(personId: string, unitId: string, start: string, end: string | null): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `select id from role_assignment
        where person_id = $1 and role = 'ambassador' and scope_type = 'unit' and scope_id = $2
          and start_date <= coalesce($4::date, 'infinity'::date) and coalesce(end_date, 'infinity'::date) >= $3::date
        order by start_date limit 1`,
      [personId, unitId, start, end],
    );
    return rows[0]?.id ?? null;
  }

  async insertGrant(grant: {
    organisationId: string;
    personId: string;
    unitId: string;
    startDate: string;
    endDate: string | null;
    createdBy: string;
  }): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `insert into role_assignment (organisation_id, person_id, role, scope_type, scope_id, start_date, end_date, created_by)
       values ($1, $2, 'ambassador', 'unit', $3, $4, $5, $6) returning id`,
      [grant.organisationId, grant.personId, grant.unitId, grant.startDate, grant.endDate, grant.createdBy],
    );
    return rows[0].id;
  }

  async setGrantsEnd(grantIds: string[], endDate: string | null): Promise<void> {
    if (grantIds.length === 0) return;
    await this.db.manager.query(`update role_assignment set end_date = $2 where id = any($1::uuid[])`, [grantIds, endDate]);
  }

  // --- qualifications ---

  async qualifications(
    organisationId: string,
    visibility: Visibility,
    filter: { unitId?: string; personId?: string; moduleId?: string; includeInactive: boolean },
  ): Promise<AmbassadorQualification[]> {
    const rows: QualificationDbRow[] = await this.db.manager.query(
      `${QUALIFICATION_SELECT}
        where q.organisation_id = $1 and ${PERSON_VISIBLE}
          and ($5::uuid is null
               or exists (select 1 from unit_membership m where m.person_id = p.id and m.unit_id = $5
                            and m.start_date <= current_date and (m.end_date is null or m.end_date >= current_date))
               or exists (select 1 from ambassador_appointment a3 join ambassador_appointment_unit au3 on au3.appointment_id = a3.id
                           where a3.person_id = p.id and au3.unit_id = $5 and (a3.end_date is null or a3.end_date >= current_date)))
          and ($6::uuid is null or q.person_id = $6)
          and ($7::uuid is null or q.module_id = $7)
          and ($8 or (q.revoked_at is null and (q.valid_until is null or q.valid_until >= current_date)))
        order by p.last_name, p.first_name, module_title, q.valid_from`,
      [
        organisationId,
        visibility.organisationWide,
        visibility.areaIds,
        visibility.unitIds,
        filter.unitId ?? null,
        filter.personId ?? null,
        filter.moduleId ?? null,
        filter.includeInactive,
      ],
    );
    return rows.map(toQualification);
  }

  async ownQualifications(personId: string): Promise<AmbassadorQualification[]> {
    const rows: QualificationDbRow[] = await this.db.manager.query(
      `${QUALIFICATION_SELECT}
        where q.person_id = $1 and q.revoked_at is null and (q.valid_until is null or q.valid_until >= current_date)
        order by module_title, q.valid_from`,
      [personId],
    );
    return rows.map(toQualification);
  }

  async qualification(qualificationId: string): Promise<AmbassadorQualification | null> {
    const rows: QualificationDbRow[] = await this.db.manager.query(`${QUALIFICATION_SELECT} where q.id = $1`, [qualificationId]);
    return rows[0] ? toQualification(rows[0]) : null;
  }

  async qualificationRow(qualificationId: string, lock = false): Promise<QualificationRow | null> {
    const rows: Array<{
      id: string;
      organisation_id: string;
      person_id: string;
      module_id: string;
      source: QualificationSource;
      valid_from: string;
      valid_until: string | null;
      revoked: boolean;
    }> = await this.db.manager.query(
      `select id, organisation_id, person_id, module_id, source, valid_from::text as valid_from, valid_until::text as valid_until,
              revoked_at is not null as revoked
         from ambassador_qualification where id = $1 ${lock ? 'for update' : ''}`,
      [qualificationId],
    );
    const row = rows[0];
    return row
      ? {
          id: row.id,
          organisationId: row.organisation_id,
          personId: row.person_id,
          moduleId: row.module_id,
          source: row.source,
          validFrom: row.valid_from,
          validUntil: row.valid_until,
          revoked: row.revoked,
        }
      : null;
  }

  /** A qualification in force on some day of [from, until] for the person and module. */
  async overlappingQualification(personId: string, moduleId: string, from: string, until: string | null): Promise<QualificationRow | null> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `select id from ambassador_qualification
        where person_id = $1 and module_id = $2 and revoked_at is null
          and valid_from <= coalesce($4::date, 'infinity'::date) and coalesce(valid_until, 'infinity'::date) >= $3::date
        order by valid_from limit 1`,
      [personId, moduleId, from, until],
    );
    return rows[0] ? this.qualificationRow(rows[0].id) : null;
  }

  async renewalOf(qualificationId: string): Promise<QualificationRow | null> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `select id from ambassador_qualification where renews_id = $1 and revoked_at is null limit 1`,
      [qualificationId],
    );
    return rows[0] ? this.qualificationRow(rows[0].id) : null;
  }

  async insertQualification(qualification: {
    organisationId: string;
    personId: string;
    moduleId: string;
    source: QualificationSource;
    programId: string | null;
    validFrom: string;
    validUntil: string | null;
    renewsId: string | null;
    note: string | null;
    createdBy: string | null;
  }): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `insert into ambassador_qualification (organisation_id, person_id, module_id, source, program_id, valid_from, valid_until,
                                             renews_id, note, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
      [
        qualification.organisationId,
        qualification.personId,
        qualification.moduleId,
        qualification.source,
        qualification.programId,
        qualification.validFrom,
        qualification.validUntil,
        qualification.renewsId,
        qualification.note,
        qualification.createdBy,
      ],
    );
    return rows[0].id;
  }

  async revokeQualification(qualificationId: string, reason: string, personId: string): Promise<void> {
    await this.db.manager.query(
      `update ambassador_qualification set revoked_at = now(), revoked_by = $3, revoke_reason = $2 where id = $1 and revoked_at is null`,
      [qualificationId, reason, personId],
    );
  }

  /** A module the organisation may use: a network module of its network or its own, with a published version. */
  async usableModule(moduleId: string, networkId: string, organisationId: string): Promise<{ archived: boolean; published: boolean } | null> {
    const rows: Array<{ archived: boolean; published: boolean }> = await this.db.manager.query(
      `select m.archived_at is not null as archived,
              exists (select 1 from library_module_version v where v.module_id = m.id and v.status = 'published') as published
         from library_module m
        where m.id = $1 and m.network_id = $2 and (m.organisation_id is null or m.organisation_id = $3)`,
      [moduleId, networkId, organisationId],
    );
    return rows[0] ?? null;
  }

  // --- coverage ---

  async coverage(organisationId: string, visibility: Visibility, unitId: string | null): Promise<CoverageRow[]> {
    const rows: Array<{
      unit_id: string;
      unit_name: string;
      area_id: string;
      area_name: string;
      staff_count: number;
      ambassadors: Array<{ personId: string; name: string; appointmentId: string; leavesOn: string | null }>;
      upcoming_starts: string[];
    }> = await this.db.manager.query(
      `select u.id as unit_id, u.name as unit_name, u.area_id, ar.name as area_name,
              ${staffCount('s.unit_id = u.id')} as staff_count,
              coalesce((select json_agg(json_build_object(
                                 'personId', p.id, 'name', p.first_name || ' ' || p.last_name, 'appointmentId', a.id,
                                 'leavesOn', nullif(least(coalesce(a.end_date, 'infinity'::date), coalesce(p.end_date, 'infinity'::date)),
                                                    'infinity'::date)::text)
                                 order by p.last_name, p.first_name)
                          from ambassador_appointment a
                          join ambassador_appointment_unit au on au.appointment_id = a.id
                          join person p on p.id = a.person_id
                         where au.unit_id = u.id and a.start_date <= current_date and (a.end_date is null or a.end_date >= current_date)
                           and (p.end_date is null or p.end_date >= current_date) and p.pseudonymised_at is null), '[]'::json) as ambassadors,
              coalesce((select array_agg(a.start_date::text order by a.start_date)
                          from ambassador_appointment a
                          join ambassador_appointment_unit au on au.appointment_id = a.id
                          join person p on p.id = a.person_id
                         where au.unit_id = u.id and a.start_date > current_date
                           and (p.end_date is null or p.end_date >= a.start_date) and p.pseudonymised_at is null), '{}') as upcoming_starts
         from unit u join area ar on ar.id = u.area_id
        where u.organisation_id = $1 and (u.closed_at is null or u.closed_at > current_date)
          and ($2 or u.id = any($4::uuid[]) or u.area_id = any($3::uuid[]))
          and ($5::uuid is null or u.id = $5)
        order by ar.name, u.name`,
      [organisationId, visibility.organisationWide, visibility.areaIds, visibility.unitIds, unitId],
    );
    return rows.map((row) => ({
      unitId: row.unit_id,
      unitName: row.unit_name,
      areaId: row.area_id,
      areaName: row.area_name,
      staffCount: row.staff_count,
      ambassadors: row.ambassadors,
      upcomingStarts: row.upcoming_starts,
    }));
  }

  /** Staff of the units, each person once (staff.sql.ts), as the coverage counts each unit's staff. */
  async staffOfUnits(unitIds: string[]): Promise<number> {
    const rows: Array<{ staff: number }> = await this.db.manager.query(`select ${staffCount('s.unit_id = any($1::uuid[])')} as staff`, [unitIds]);
    return rows[0].staff;
  }

  /** Counts per organisation of the networks: never names. */
  async networkCoverage(networkIds: string[]): Promise<NetworkCoverage[]> {
    const rows: Array<{
      organisation_id: string;
      organisation_name: string;
      unit_count: number;
      units_without_ambassador: number;
      active_ambassadors: number;
      staff_count: number;
    }> = await this.db.manager.query(
      `with open_unit as (
         select u.id, u.organisation_id from unit u where u.closed_at is null or u.closed_at > current_date
       ),
       active as (
         select au.unit_id, a.person_id from ambassador_appointment a
           join ambassador_appointment_unit au on au.appointment_id = a.id
           join person p on p.id = a.person_id
          where a.start_date <= current_date and (a.end_date is null or a.end_date >= current_date)
            and (p.end_date is null or p.end_date >= current_date) and p.pseudonymised_at is null
       )
       select o.id as organisation_id, o.name as organisation_name,
              (select count(*)::int from open_unit u where u.organisation_id = o.id) as unit_count,
              (select count(*)::int from open_unit u where u.organisation_id = o.id
                  and not exists (select 1 from active x where x.unit_id = u.id)) as units_without_ambassador,
              (select count(distinct x.person_id)::int from active x join open_unit u on u.id = x.unit_id
                where u.organisation_id = o.id) as active_ambassadors,
              ${staffCount('s.organisation_id = o.id')} as staff_count
         from organisation o where o.network_id = any($1::uuid[])
        order by o.name`,
      [networkIds],
    );
    return rows.map((row) => ({
      organisationId: row.organisation_id,
      organisationName: row.organisation_name,
      unitCount: row.unit_count,
      unitsWithoutAmbassador: row.units_without_ambassador,
      activeAmbassadors: row.active_ambassadors,
      staffCount: row.staff_count,
    }));
  }

  /**
   * The cascade per organisation of the networks (see `NetworkReach`): aggregated in SQL so that no row about a person
   * of another organisation ever reaches the application, only the counts.
   */
  async networkReach(networkIds: string[]): Promise<NetworkReach[]> {
    const rows: Array<{
      organisation_id: string;
      organisation_name: string;
      ambassadors: number;
      trained_ambassadors: number;
      trainers: number;
      sessions_delivered: number;
      minutes_delivered: number;
      modules_delivered: number;
      colleagues_reached: number;
      participant_minutes: number;
      sessions_planned: number;
      minutes_planned: number;
    }> = await this.db.manager.query(
      `with org as (
         select o.id, o.name from organisation o where o.network_id = any($1::uuid[])
       ),
       amb as (
         select distinct a.organisation_id, a.person_id from ambassador_appointment a join org on org.id = a.organisation_id
       ),
       led as (
         select distinct s.id, s.organisation_id, s.duration_minutes, s.ends_at <= now() as delivered, v.module_id
           from sessions s
           join session_facilitators f on f.session_id = s.id
           join amb on amb.person_id = f.person_id and amb.organisation_id = s.organisation_id
           join library_module_version v on v.id = s.module_version_id
          where s.status = 'scheduled'
       ),
       reached as (
         select l.organisation_id, m.person_id, (${PARTICIPATION_MINUTES_SQL})::int as minutes
           from led l
           join sessions s on s.id = l.id
           join attendance_marks m on m.session_id = s.id
          where l.delivered and m.person_id is not null and ${ATTENDED_SQL}
            and not exists (select 1 from session_facilitators lf where lf.session_id = s.id and lf.person_id = m.person_id)
       ),
       trained as (
         select distinct amb.organisation_id, m.person_id as trainee_id, f.person_id as trainer_id
           from amb
           join attendance_marks m on m.person_id = amb.person_id
           join sessions s on s.id = m.session_id and s.organisation_id = amb.organisation_id
           join session_facilitators f on f.session_id = s.id
          where s.status = 'scheduled' and s.ends_at <= now() and f.person_id <> m.person_id and ${ATTENDED_SQL}
            and (s.activity_category = 'ambassador_training'
                 or exists (select 1 from library_program pr where pr.id = s.program_id and pr.kind = 'ambassador_training'))
       )
       select org.id as organisation_id, org.name as organisation_name,
              (select count(*) from amb where amb.organisation_id = org.id)::int as ambassadors,
              (select count(distinct t.trainee_id) from trained t where t.organisation_id = org.id)::int as trained_ambassadors,
              (select count(distinct t.trainer_id) from trained t where t.organisation_id = org.id)::int as trainers,
              (select count(*) from led l where l.organisation_id = org.id and l.delivered)::int as sessions_delivered,
              (select coalesce(sum(l.duration_minutes), 0) from led l where l.organisation_id = org.id and l.delivered)::int as minutes_delivered,
              (select count(distinct l.module_id) from led l where l.organisation_id = org.id and l.delivered)::int as modules_delivered,
              (select count(distinct r.person_id) from reached r where r.organisation_id = org.id)::int as colleagues_reached,
              (select coalesce(sum(r.minutes), 0) from reached r where r.organisation_id = org.id)::int as participant_minutes,
              (select count(*) from led l where l.organisation_id = org.id and not l.delivered)::int as sessions_planned,
              (select coalesce(sum(l.duration_minutes), 0) from led l where l.organisation_id = org.id and not l.delivered)::int as minutes_planned
         from org
        order by org.name`,
      [networkIds],
    );
    return rows.map((row) => ({
      organisationId: row.organisation_id,
      organisationName: row.organisation_name,
      ambassadors: row.ambassadors,
      trainedAmbassadors: row.trained_ambassadors,
      trainers: row.trainers,
      sessionsDelivered: row.sessions_delivered,
      hoursDelivered: minutesToHours(row.minutes_delivered),
      modulesDelivered: row.modules_delivered,
      colleaguesReached: row.colleagues_reached,
      participantHours: minutesToHours(row.participant_minutes),
      sessionsPlanned: row.sessions_planned,
      hoursPlanned: minutesToHours(row.minutes_planned),
    }));
  }

  // --- Reach, cascade and workload (rows from the sessions feature's tables; the figures are computed in reach.ts) ---

  /** Sessions the people led in the organisation, cancelled ones left out; `delivered` once a session has ended. */
  async facilitatedSessions(organisationId: string, personIds: string[]): Promise<FacilitatedSessionRow[]> {
    if (personIds.length === 0) return [];
    const rows: Array<{ facilitator_id: string; session_id: string; module_id: string; module_title: string; duration_minutes: number; delivered: boolean }> =
      await this.db.manager.query(
        `select f.person_id as facilitator_id, s.id as session_id, v.module_id, coalesce(latest.title, v.title) as module_title,
                s.duration_minutes, s.ends_at <= now() as delivered
           from session_facilitators f
           join sessions s on s.id = f.session_id
           join library_module_version v on v.id = s.module_version_id
           left join lateral (
             select lv.title from library_module_version lv
              where lv.module_id = v.module_id and lv.status = 'published' order by lv.version_number desc limit 1
           ) latest on true
          where s.organisation_id = $1 and f.person_id = any($2::uuid[]) and s.status = 'scheduled'`,
        [organisationId, personIds],
      );
    return rows.map((row) => ({
      facilitatorId: row.facilitator_id,
      sessionId: row.session_id,
      moduleId: row.module_id,
      moduleTitle: row.module_title,
      durationMinutes: row.duration_minutes,
      delivered: row.delivered,
    }));
  }

  /** People with a record who attended the sessions (the sessions feature's rule), with their participation minutes. */
  async attendedPeople(sessionIds: string[]): Promise<AttendedRow[]> {
    if (sessionIds.length === 0) return [];
    const rows: Array<{ session_id: string; person_id: string; minutes: number }> = await this.db.manager.query(
      `select m.session_id, m.person_id, (${PARTICIPATION_MINUTES_SQL})::int as minutes
         from attendance_marks m join sessions s on s.id = m.session_id
        where m.session_id = any($1::uuid[]) and m.person_id is not null and ${ATTENDED_SQL}`,
      [sessionIds],
    );
    return rows.map((row) => ({ sessionId: row.session_id, personId: row.person_id, minutes: row.minutes }));
  }

  /**
   * Who trained the people: facilitators of ended ambassador-training sessions (by activity category, or a session of
   * an ambassador-training program) that they attended.
   */
  async trainersOf(organisationId: string, personIds: string[]): Promise<TrainerRow[]> {
    if (personIds.length === 0) return [];
    const rows: Array<{ trainee_id: string; trainer_id: string; trainer_name: string }> = await this.db.manager.query(
      `select distinct m.person_id as trainee_id, f.person_id as trainer_id, p.first_name || ' ' || p.last_name as trainer_name
         from attendance_marks m
         join sessions s on s.id = m.session_id
         join session_facilitators f on f.session_id = s.id
         join person p on p.id = f.person_id
        where s.organisation_id = $1 and m.person_id = any($2::uuid[]) and s.status = 'scheduled' and s.ends_at <= now()
          and (s.activity_category = 'ambassador_training'
               or exists (select 1 from library_program pr where pr.id = s.program_id and pr.kind = 'ambassador_training'))
          and ${ATTENDED_SQL} and f.person_id <> m.person_id`,
      [organisationId, personIds],
    );
    return rows.map((row) => ({ traineeId: row.trainee_id, trainer: { id: row.trainer_id, name: row.trainer_name } }));
  }

  /** Minutes of sessions the people led on the days given (ended ones delivered, the rest planned), and of support logged. */
  async workloadMinutes(
    organisationId: string,
    personIds: string[],
    from: string,
    to: string,
  ): Promise<Map<string, { delivered: number; planned: number; support: number }>> {
    const result = new Map<string, { delivered: number; planned: number; support: number }>();
    if (personIds.length === 0) return result;
    const rows: Array<{ person_id: string; delivered: number; planned: number; support: number }> = await this.db.manager.query(
      `select p.id as person_id,
              coalesce((select sum(s.duration_minutes) filter (where s.ends_at <= now()) from session_facilitators f join sessions s on s.id = f.session_id
                         where f.person_id = p.id and s.organisation_id = $1 and s.status = 'scheduled' and s.date between $3 and $4), 0)::int as delivered,
              coalesce((select sum(s.duration_minutes) filter (where s.ends_at > now()) from session_facilitators f join sessions s on s.id = f.session_id
                         where f.person_id = p.id and s.organisation_id = $1 and s.status = 'scheduled' and s.date between $3 and $4), 0)::int as planned,
              coalesce((select sum(e.minutes) from support_entries e
                         where e.ambassador_id = p.id and e.organisation_id = $1 and e.date between $3 and $4), 0)::int as support
         from person p where p.id = any($2::uuid[])`,
      [organisationId, personIds, from, to],
    );
    for (const row of rows) result.set(row.person_id, { delivered: row.delivered, planned: row.planned, support: row.support });
    return result;
  }
}
