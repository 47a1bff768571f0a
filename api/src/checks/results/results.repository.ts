import { Injectable } from '@nestjs/common';
import { Db } from '../../database/db';
import { invitedTo } from '../../database/participation.sql';
import type { ScopePosition } from '../../auth';
import type { ResponseData, InvitedPerson } from '../aggregate';

export interface GroupFilter {
  organisationId: string;
  instrumentId: string;
  unitIds: string[] | null;
  areaId: string | null;
  roleTitle: string | null;
  employmentType: string | null;
}

/** What groups of people answered, for support signals and aggregates, and the minimum group size they must reach. */
@Injectable()
export class ResultsRepository {
  constructor(private readonly db: Db) {}

  private query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.db.manager.query(sql, params);
  }

  async areaPosition(areaId: string): Promise<ScopePosition | null> {
    const rows = await this.query<{ network_id: string; organisation_id: string }>(
      `select o.network_id, a.organisation_id from area a join organisation o on o.id = a.organisation_id where a.id = $1`,
      [areaId],
    );
    const row = rows[0];
    return row ? { networkId: row.network_id, organisationId: row.organisation_id, areaIds: [areaId], unitIds: [] } : null;
  }

  async minimumGroupSize(organisationId: string): Promise<number> {
    const rows = await this.query<{ min_group_size: number }>(`select min_group_size from organisation where id = $1`, [organisationId]);
    return rows[0]?.min_group_size ?? 5;
  }

  // --- support signals and aggregates ---

  /** Finished responses in a unit's assignments with their answers, and the person's name (for the ambassador). */
  async unitResponses(unitId: string): Promise<Array<ResponseData & { name: string; title: string; versionId: string }>> {
    return this.query(
      `select s.id as "responseId", s.person_id as "personId", r.assignment_id as "assignmentId", r.kind, s.status,
              p.first_name || ' ' || p.last_name as name, a.title, a.instrument_version_id as "versionId",
              coalesce((select json_agg(json_build_object('itemKey', c.item_key, 'declined', c.declined, 'value', c.value))
                          from check_answer c where c.response_id = s.id), '[]'::json) as answers
         from check_response s join check_round r on r.id = s.round_id join check_assignment a on a.id = r.assignment_id
         join person p on p.id = s.person_id
        where a.unit_id = $1 and s.status = 'submitted' and p.pseudonymised_at is null
        order by r.created_at, s.id`,
      [unitId],
    );
  }

  async groupAssignments(filter: GroupFilter): Promise<Array<{ id: string; unitId: string; opensOn: string | null; versionId: string }>> {
    return this.query(
      `select a.id, a.unit_id as "unitId", a.instrument_version_id as "versionId",
              (select min(r.opens_on)::text from check_round r where r.assignment_id = a.id) as "opensOn"
         from check_assignment a join check_instrument_version v on v.id = a.instrument_version_id join unit u on u.id = a.unit_id
        where a.organisation_id = $1 and v.instrument_id = $2 and ($3::uuid[] is null or a.unit_id = any($3)) and ($4::uuid is null or u.area_id = $4)
        order by a.id`,
      [filter.organisationId, filter.instrumentId, filter.unitIds, filter.areaId],
    );
  }

  /**
   * Persons expected to answer the assignments, narrowed by job title or employment type. Pseudonymised people stay
   * counted: removing who they were must not change the figures (api/src/personal-data).
   */
  async groupInvited(assignmentIds: string[], filter: GroupFilter): Promise<InvitedPerson[]> {
    return this.query<InvitedPerson>(
      `select distinct a.id as "assignmentId", m.person_id as "personId"
         from check_assignment a
         join lateral (select min(r.opens_on) as opens_on from check_round r where r.assignment_id = a.id) first on first.opens_on is not null
         join unit_membership m on m.unit_id = a.unit_id and m.start_date <= greatest(first.opens_on, current_date)
              and (m.end_date is null or m.end_date >= first.opens_on)
         join person p on p.id = m.person_id
        where a.id = any($1) and a.session_id is null
          and ($2::text is null or p.role_title = $2) and ($3::text is null or p.employment_type = $3)
        union
       select a.id, si.person_id
         from check_assignment a cross join lateral ${invitedTo('a.session_id')} si join person p on p.id = si.person_id
        where a.id = any($1)
          and ($2::text is null or p.role_title = $2) and ($3::text is null or p.employment_type = $3)
        union
       select distinct r.assignment_id, s.person_id
         from check_response s join check_round r on r.id = s.round_id join person p on p.id = s.person_id
        where r.assignment_id = any($1) and s.status <> 'in_progress'
          and ($2::text is null or p.role_title = $2) and ($3::text is null or p.employment_type = $3)`,
      [assignmentIds, filter.roleTitle, filter.employmentType],
    );
  }

  async groupResponses(assignmentIds: string[], filter: GroupFilter): Promise<ResponseData[]> {
    return this.query<ResponseData>(
      `select s.id as "responseId", s.person_id as "personId", r.assignment_id as "assignmentId", r.kind, s.status,
              coalesce((select json_agg(json_build_object('itemKey', c.item_key, 'declined', c.declined, 'value', c.value))
                          from check_answer c where c.response_id = s.id), '[]'::json) as answers
         from check_response s join check_round r on r.id = s.round_id join person p on p.id = s.person_id
        where r.assignment_id = any($1) and s.status <> 'in_progress'
          and ($2::text is null or p.role_title = $2) and ($3::text is null or p.employment_type = $3)
        order by s.id`,
      [assignmentIds, filter.roleTitle, filter.employmentType],
    );
  }
}
