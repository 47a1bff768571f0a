import { Injectable } from '@nestjs/common';
import {
  AreaKind,
  NetworkOrganisation,
  OrganisationDetail,
  OrganisationKind,
  PersonRef,
  JoiningMember,
  PersonSummary,
  Role,
  UnitSummary,
} from '@kunna/contracts';
import { Db } from '../database/db';
import { CURRENT_MEMBERSHIP, PERSON_SUMMARY_COLUMNS, PersonSummaryRow, toPersonSummary } from '../database/person-summary.sql';
import { staffCount, staffMemberships } from '../database/staff.sql';
import { conflictError, uniqueViolation } from '../common/http-errors';
import type { Visibility } from './visibility';

export interface AreaRow {
  id: string;
  organisationId: string;
  name: string;
  kind: AreaKind;
}

export interface UnitRow {
  id: string;
  organisationId: string;
  areaId: string;
  name: string;
  code: string | null;
  closed: boolean;
}

/** A unit is open until its closing day has passed. */
const OPEN_UNIT = `(u.closed_at is null or u.closed_at > current_date)`;

@Injectable()
export class OrganisationRepository {
  constructor(private readonly db: Db) {}

  async organisation(id: string): Promise<OrganisationDetail | null> {
    const rows: Array<{ id: string; network_id: string; name: string; kind: OrganisationKind; min_group_size: number }> = await this.db.manager.query(
      `select id, network_id, name, kind, min_group_size from organisation where id = $1`,
      [id],
    );
    const row = rows[0];
    return row ? { id: row.id, networkId: row.network_id, name: row.name, kind: row.kind, minGroupSize: row.min_group_size } : null;
  }

  /** Areas of the organisation the caller may see: all of them, or those holding a visible unit or granted directly. */
  async visibleAreas(organisationId: string, visibility: Visibility): Promise<AreaRow[]> {
    const rows: Array<{ id: string; organisation_id: string; name: string; kind: AreaKind }> = await this.db.manager.query(
      `select a.id, a.organisation_id, a.name, a.kind from area a
        where a.organisation_id = $1
          and ($2 or a.id = any($3::uuid[])
               or exists (select 1 from unit u where u.area_id = a.id and u.id = any($4::uuid[]) and ${OPEN_UNIT}))
        order by a.name`,
      [organisationId, visibility.organisationWide, visibility.areaIds, visibility.unitIds],
    );
    return rows.map((row) => ({ id: row.id, organisationId: row.organisation_id, name: row.name, kind: row.kind }));
  }

  /** Open units the caller may see, with today's staff count and managers. */
  async visibleUnits(organisationId: string, visibility: Visibility): Promise<UnitSummary[]> {
    return this.unitSummaries(`u.organisation_id = $1 and ${OPEN_UNIT} and ($2 or u.area_id = any($3::uuid[]) or u.id = any($4::uuid[]))`, [
      organisationId,
      visibility.organisationWide,
      visibility.areaIds,
      visibility.unitIds,
    ]);
  }

  async unitSummary(unitId: string): Promise<UnitSummary | null> {
    const rows = await this.unitSummaries(`u.id = $1`, [unitId]);
    return rows[0] ?? null;
  }

  async unitSummariesInArea(areaId: string): Promise<UnitSummary[]> {
    return this.unitSummaries(`u.area_id = $1 and ${OPEN_UNIT}`, [areaId]);
  }

  private async unitSummaries(where: string, params: unknown[]): Promise<UnitSummary[]> {
    const rows: Array<{
      id: string;
      organisation_id: string;
      area_id: string;
      name: string;
      code: string | null;
      staff_count: number;
      managers: PersonRef[];
    }> = await this.db.manager.query(
      `select u.id, u.organisation_id, u.area_id, u.name, u.code,
              ${staffCount('s.unit_id = u.id')} as staff_count,
              coalesce((select json_agg(json_build_object('id', p.id, 'name', p.first_name || ' ' || p.last_name)
                                        order by p.last_name, p.first_name)
                          from role_assignment r join person p on p.id = r.person_id
                         where r.scope_type = 'unit' and r.scope_id = u.id and r.role = 'manager'
                           and r.start_date <= current_date and (r.end_date is null or r.end_date >= current_date)),
                       '[]'::json) as managers
         from unit u
        where ${where}
        order by u.name`,
      params,
    );
    return rows.map((row) => ({
      id: row.id,
      organisationId: row.organisation_id,
      areaId: row.area_id,
      name: row.name,
      code: row.code,
      staffCount: row.staff_count,
      managers: row.managers,
    }));
  }

  /** Staff (each person once, staff.sql.ts) of each of the given units' areas and of all of them together. */
  async staffOfUnits(unitIds: string[]): Promise<{ total: number; byArea: Map<string, number> }> {
    if (unitIds.length === 0) return { total: 0, byArea: new Map() };
    const rows: Array<{ area_id: string | null; staff: number }> = await this.db.manager.query(
      `select s.area_id, count(distinct s.person_id)::int as staff
         from ${staffMemberships()} s
        where s.unit_id = any($1::uuid[])
        group by grouping sets ((s.area_id), ())`,
      [unitIds],
    );
    return {
      total: rows.find((row) => row.area_id === null)?.staff ?? 0,
      byArea: new Map(rows.filter((row) => row.area_id !== null).map((row) => [row.area_id!, row.staff])),
    };
  }

  async area(organisationId: string, areaId: string): Promise<AreaRow | null> {
    const rows: Array<{ id: string; organisation_id: string; name: string; kind: AreaKind }> = await this.db.manager.query(
      `select id, organisation_id, name, kind from area where id = $1 and organisation_id = $2`,
      [areaId, organisationId],
    );
    const row = rows[0];
    return row ? { id: row.id, organisationId: row.organisation_id, name: row.name, kind: row.kind } : null;
  }

  async unit(organisationId: string, unitId: string): Promise<UnitRow | null> {
    const rows: Array<{ id: string; organisation_id: string; area_id: string; name: string; code: string | null; closed: boolean }> =
      await this.db.manager.query(
        `select u.id, u.organisation_id, u.area_id, u.name, u.code, not ${OPEN_UNIT} as closed
           from unit u where u.id = $1 and u.organisation_id = $2`,
        [unitId, organisationId],
      );
    const row = rows[0];
    return row ? { id: row.id, organisationId: row.organisation_id, areaId: row.area_id, name: row.name, code: row.code, closed: row.closed } : null;
  }

  async areaNameTaken(organisationId: string, name: string, exceptId: string | null): Promise<boolean> {
    const rows: unknown[] = await this.db.manager.query(
      `select 1 from area where organisation_id = $1 and lower(name) = lower($2) and ($3::uuid is null or id <> $3::uuid)`,
      [organisationId, name, exceptId],
    );
    return rows.length > 0;
  }

  async unitCodeTaken(organisationId: string, code: string, exceptId: string | null): Promise<boolean> {
    const rows: unknown[] = await this.db.manager.query(
      `select 1 from unit where organisation_id = $1 and code = $2 and ($3::uuid is null or id <> $3::uuid)`,
      [organisationId, code, exceptId],
    );
    return rows.length > 0;
  }

  async unitNameTakenInArea(areaId: string, name: string, exceptId: string | null): Promise<boolean> {
    const rows: unknown[] = await this.db.manager.query(
      `select 1 from unit u where u.area_id = $1 and lower(u.name) = lower($2) and ${OPEN_UNIT}
          and ($3::uuid is null or u.id <> $3::uuid)`,
      [areaId, name, exceptId],
    );
    return rows.length > 0;
  }

  async insertArea(organisationId: string, name: string, kind: AreaKind): Promise<string> {
    try {
      const rows: Array<{ id: string }> = await this.db.manager.query(`insert into area (organisation_id, name, kind) values ($1, $2, $3) returning id`, [
        organisationId,
        name,
        kind,
      ]);
      return rows[0].id;
    } catch (error) {
      throw this.translate(error);
    }
  }

  async updateArea(areaId: string, changes: { name?: string; kind?: AreaKind }): Promise<void> {
    try {
      await this.db.manager.query(`update area set name = coalesce($2, name), kind = coalesce($3, kind) where id = $1`, [
        areaId,
        changes.name ?? null,
        changes.kind ?? null,
      ]);
    } catch (error) {
      throw this.translate(error);
    }
  }

  async insertUnit(organisationId: string, areaId: string, name: string, code: string | null): Promise<string> {
    try {
      const rows: Array<{ id: string }> = await this.db.manager.query(
        `insert into unit (organisation_id, area_id, name, code) values ($1, $2, $3, $4) returning id`,
        [organisationId, areaId, name, code],
      );
      return rows[0].id;
    } catch (error) {
      throw this.translate(error);
    }
  }

  async updateUnit(unitId: string, changes: { areaId?: string; name?: string; code?: string | null }): Promise<void> {
    try {
      await this.db.manager.query(
        `update unit set area_id = coalesce($2, area_id), name = coalesce($3, name),
                         code = case when $4 then $5 else code end
          where id = $1`,
        [unitId, changes.areaId ?? null, changes.name ?? null, changes.code !== undefined, changes.code ?? null],
      );
    } catch (error) {
      throw this.translate(error);
    }
  }

  /** Current members of a unit (substitutes and hourly staff included), by name. */
  async unitStaff(unitId: string): Promise<PersonSummary[]> {
    const rows: PersonSummaryRow[] = await this.db.manager.query(
      `select ${PERSON_SUMMARY_COLUMNS}
         from person p left join credential c on c.person_id = p.id
        where p.pseudonymised_at is null
          and exists (select 1 from unit_membership m where m.person_id = p.id and m.unit_id = $1 and ${CURRENT_MEMBERSHIP})
        order by p.last_name, p.first_name, p.employee_number`,
      [unitId],
    );
    return rows.map(toPersonSummary);
  }

  /** People who join the unit later (a membership here starting after today, none in force today), by first day. */
  async unitJoining(unitId: string): Promise<JoiningMember[]> {
    const rows: Array<PersonSummaryRow & { joins_on: string }> = await this.db.manager.query(
      `select ${PERSON_SUMMARY_COLUMNS}, j.joins_on
         from person p left join credential c on c.person_id = p.id
         join (select m.person_id, min(m.start_date)::text as joins_on from unit_membership m
                where m.unit_id = $1 and m.start_date > current_date group by m.person_id) j on j.person_id = p.id
        where p.pseudonymised_at is null
          and (p.end_date is null or p.end_date >= j.joins_on::date)
          and not exists (select 1 from unit_membership m where m.person_id = p.id and m.unit_id = $1 and ${CURRENT_MEMBERSHIP})
        order by j.joins_on, p.last_name, p.first_name, p.employee_number`,
      [unitId],
    );
    return rows.map((row) => ({ person: toPersonSummary(row), startDate: row.joins_on }));
  }

  /** People holding `role` on the unit today. */
  async unitRoleHolders(unitId: string, role: Role.Manager | Role.Ambassador): Promise<PersonRef[]> {
    const rows: PersonRef[] = await this.db.manager.query(
      `select p.id, p.first_name || ' ' || p.last_name as name
         from role_assignment r join person p on p.id = r.person_id
        where r.scope_type = 'unit' and r.scope_id = $1 and r.role = $2
          and r.start_date <= current_date and (r.end_date is null or r.end_date >= current_date)
        order by p.last_name, p.first_name`,
      [unitId, role],
    );
    return rows;
  }

  async areaName(areaId: string): Promise<string> {
    const rows: Array<{ name: string }> = await this.db.manager.query(`select name from area where id = $1`, [areaId]);
    return rows[0]?.name ?? '';
  }

  /** The organisations of the networks, with counts only: no personal data crosses organisations. */
  async networkOrganisations(networkIds: string[]): Promise<NetworkOrganisation[]> {
    const rows: Array<{
      id: string;
      network_id: string;
      name: string;
      kind: OrganisationKind;
      unit_count: number;
      active_staff_count: number;
    }> = await this.db.manager.query(
      `select o.id, o.network_id, o.name, o.kind,
              (select count(*)::int from unit u where u.organisation_id = o.id and ${OPEN_UNIT}) as unit_count,
              ${staffCount('s.organisation_id = o.id')} as active_staff_count
         from organisation o
        where o.network_id = any($1::uuid[])
        order by o.name`,
      [networkIds],
    );
    return rows.map((row) => ({
      id: row.id,
      networkId: row.network_id,
      name: row.name,
      kind: row.kind,
      unitCount: row.unit_count,
      activeStaffCount: row.active_staff_count,
    }));
  }

  /** A concurrent insert can still hit a unique constraint after the service's check: name the field. */
  private translate(error: unknown): unknown {
    const constraint = uniqueViolation(error);
    if (constraint === 'unit_organisation_id_code_key') return conflictError('code', 'Enhetskoden används redan av en annan enhet i organisationen.');
    if (constraint === 'area_organisation_id_name_key') return conflictError('name', 'Det finns redan ett område med det namnet.');
    return error;
  }
}
