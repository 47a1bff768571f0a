import { Injectable } from '@nestjs/common';
import { CompetenceProfile, CompetenceTarget } from '@kunna/contracts';
import { Db } from '../../database/db';
import { LOCAL_TODAY } from '../../database/participation.sql';
import { LevelResponse, ProfileRow } from './profile-gaps';

/** Competence profiles and the reads their gaps need (members, latest check answers, library modules). */
@Injectable()
export class ProfilesRepository {
  constructor(private readonly db: Db) {}

  async list(organisationId: string): Promise<CompetenceProfile[]> {
    const rows: Array<{ id: string; roleTitle: string; areaId: string | null; areaName: string | null; targets: CompetenceTarget[]; updatedAt: string }> =
      await this.db.manager.query(
        `select p.id, p.role_title as "roleTitle", p.area_id as "areaId", a.name as "areaName",
                to_char(p.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "updatedAt",
                coalesce((select json_agg(json_build_object('competence', t.competence, 'level', t.target_level) order by t.competence)
                            from competence_profile_target t where t.profile_id = p.id), '[]') as targets
           from competence_profile p left join area a on a.id = p.area_id
          where p.organisation_id = $1
          order by lower(p.role_title), a.name nulls first, p.id`,
        [organisationId],
      );
    return rows.map((row) => ({
      id: row.id,
      roleTitle: row.roleTitle,
      area: row.areaId && row.areaName ? { id: row.areaId, name: row.areaName } : null,
      targets: row.targets,
      updatedAt: row.updatedAt,
    }));
  }

  async rows(organisationId: string): Promise<ProfileRow[]> {
    return (await this.list(organisationId)).map((p) => ({ id: p.id, roleTitle: p.roleTitle, areaId: p.area?.id ?? null, targets: p.targets }));
  }

  async exists(id: string): Promise<boolean> {
    return (await this.db.manager.query<unknown[]>(`select 1 from competence_profile where id = $1`, [id])).length > 0;
  }

  /** Another profile of the organisation for the same role title (case-insensitive) and area. */
  async clash(organisationId: string, id: string, roleTitle: string, areaId: string | null): Promise<boolean> {
    const rows = await this.db.manager.query<unknown[]>(
      `select 1 from competence_profile where organisation_id = $1 and id <> $2 and lower(role_title) = lower($3) and area_id is not distinct from $4`,
      [organisationId, id, roleTitle, areaId],
    );
    return rows.length > 0;
  }

  /**
   * Creates the profile under the client's id or replaces the one of this organisation. False when the id is taken
   * by a row the caller cannot see (another organisation's), which the caller must answer like a missing object.
   */
  async save(profile: {
    id: string;
    organisationId: string;
    roleTitle: string;
    areaId: string | null;
    targets: CompetenceTarget[];
    by: string;
  }): Promise<boolean> {
    const inserted = await this.db.manager.query<unknown[]>(
      `insert into competence_profile (id, organisation_id, role_title, area_id, created_by) values ($1, $2, $3, $4, $5) on conflict (id) do nothing returning id`,
      [profile.id, profile.organisationId, profile.roleTitle, profile.areaId, profile.by],
    );
    if (inserted.length === 0) {
      // Counted in a select: TypeORM answers a bare UPDATE/DELETE with [rows, affected], not the rows.
      const updated: Array<{ n: number }> = await this.db.manager.query(
        `with changed as (update competence_profile set role_title = $3, area_id = $4, updated_at = now() where id = $1 and organisation_id = $2 returning id)
         select count(*)::int as n from changed`,
        [profile.id, profile.organisationId, profile.roleTitle, profile.areaId],
      );
      if (updated[0].n === 0) return false;
    }
    await this.db.manager.query(`delete from competence_profile_target where profile_id = $1`, [profile.id]);
    await this.db.manager.query(
      `insert into competence_profile_target (profile_id, organisation_id, competence, target_level)
       select $1, $2, t.competence, t.level from jsonb_to_recordset($3::jsonb) as t(competence text, level smallint)`,
      [profile.id, profile.organisationId, JSON.stringify(profile.targets)],
    );
    return true;
  }

  async delete(id: string): Promise<boolean> {
    const rows: Array<{ n: number }> = await this.db.manager.query(
      `with gone as (delete from competence_profile where id = $1 returning id) select count(*)::int as n from gone`,
      [id],
    );
    return rows[0].n > 0;
  }

  async areaOrganisation(areaId: string): Promise<string | null> {
    const rows: Array<{ organisationId: string }> = await this.db.manager.query(`select organisation_id as "organisationId" from area where id = $1`, [areaId]);
    return rows[0]?.organisationId ?? null;
  }

  async digCompCodes(): Promise<Set<string>> {
    const rows: Array<{ code: string }> = await this.db.manager.query(`select code from digcomp_competence`);
    return new Set(rows.map((row) => row.code));
  }

  /** The unit's current members (as on the team view) with their role titles. */
  async unitMembers(unitId: string): Promise<Array<{ personId: string; roleTitle: string | null }>> {
    return this.db.manager.query(
      `select distinct p.id as "personId", p.role_title as "roleTitle"
         from unit_membership um join person p on p.id = um.person_id
        where um.unit_id = $1 and um.start_date <= ${LOCAL_TODAY} and (um.end_date is null or um.end_date >= ${LOCAL_TODAY})
          and (p.end_date is null or p.end_date >= ${LOCAL_TODAY}) and p.pseudonymised_at is null`,
      [unitId],
    );
  }

  /** A person's role title and the areas of the units they belong to today. */
  async person(personId: string): Promise<{ roleTitle: string | null; areaIds: string[] } | null> {
    const rows: Array<{ roleTitle: string | null; areaIds: string[] }> = await this.db.manager.query(
      `select p.role_title as "roleTitle",
              coalesce(array(select distinct u.area_id from unit_membership um join unit u on u.id = um.unit_id
                              where um.person_id = p.id and um.start_date <= ${LOCAL_TODAY} and (um.end_date is null or um.end_date >= ${LOCAL_TODAY})
                              order by u.area_id), '{}') as "areaIds"
         from person p where p.id = $1`,
      [personId],
    );
    return rows[0] ?? null;
  }

  /** Submitted responses of the people with their instrument's items and the ratings given (any check kind). */
  async responses(personIds: string[]): Promise<LevelResponse[]> {
    if (personIds.length === 0) return [];
    return this.db.manager.query(
      `select s.person_id as "personId", r.opens_on::text as "opensOn",
              to_char(s.finished_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "finishedAt", v.items,
              coalesce((select json_agg(json_build_object('itemKey', a.item_key, 'declined', a.declined,
                                                          'rating', case when jsonb_typeof(a.value -> 'rating') = 'number' then (a.value ->> 'rating')::numeric end))
                          from check_answer a where a.response_id = s.id), '[]') as answers
         from check_response s
         join check_round r on r.id = s.round_id
         join check_assignment ca on ca.id = r.assignment_id
         join check_instrument_version v on v.id = ca.instrument_version_id
        where s.person_id = any($1::uuid[]) and s.status = 'submitted'`,
      [personIds],
    );
  }

  /** Published, unarchived modules of the organisation's network and its own that build any of the competences. */
  async modulesFor(
    organisationId: string,
    dimensions: string[],
    digCompCodes: string[],
  ): Promise<Array<{ id: string; title: string; dimensions: string[]; digCompCodes: string[] }>> {
    return this.db.manager.query(
      `select m.id, v.title, v.competence_dimensions as dimensions, v.digcomp_codes as "digCompCodes"
         from library_module m
         join organisation o on o.id = $1 and o.network_id = m.network_id
         join lateral (select * from library_module_version v where v.module_id = m.id and v.status = 'published' order by v.version_number desc limit 1) v on true
        where (m.organisation_id is null or m.organisation_id = $1) and m.archived_at is null
          and (v.competence_dimensions && $2::text[] or v.digcomp_codes && $3::text[])
        order by lower(v.title), m.id`,
      [organisationId, dimensions, digCompCodes],
    );
  }
}
