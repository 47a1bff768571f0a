import { Injectable } from '@nestjs/common';
import { CheckItem, CompetenceMeasureKey } from '@kunna/contracts';
import { Db } from '../../database/db';

export interface CompetenceAssignmentRow {
  id: string;
  versionId: string;
  unitId: string;
  unitName: string;
  areaId: string;
  areaName: string;
  /** The check's first round: the check belongs to the period it starts in. */
  firstOpensOn: string;
}

export interface CompetencePersonRow {
  id: string;
  roleTitle: string | null;
  employmentType: string;
}

export interface ResponseLevelRow {
  personId: string;
  responseId: string;
  measure: CompetenceMeasureKey;
  date: string;
  rank: number;
  ratingSum: number;
  ratingCount: number;
  unitId: string;
  areaId: string;
  roleTitle: string | null;
  employmentType: string;
}

/** The competence view's own reads; who was asked and what they answered come from the checks feature. */
@Injectable()
export class CompetenceRepository {
  constructor(private readonly db: Db) {}

  /**
   * Checks of the organisation with a round opening in the period, in the visible units (organisation-wide, or the
   * listed areas and units).
   */
  async assignments(
    organisationId: string,
    from: string,
    to: string,
    scope: { organisationWide: boolean; areaIds: string[]; unitIds: string[] },
  ): Promise<CompetenceAssignmentRow[]> {
    return this.db.manager.query(
      `select a.id, a.instrument_version_id as "versionId", u.id as "unitId", u.name as "unitName", ar.id as "areaId", ar.name as "areaName",
              first.opens_on::text as "firstOpensOn"
         from check_assignment a
         join unit u on u.id = a.unit_id
         join area ar on ar.id = u.area_id
         join lateral (select min(r.opens_on) as opens_on from check_round r where r.assignment_id = a.id) first on first.opens_on is not null
        where a.organisation_id = $1
          and exists (select 1 from check_round r where r.assignment_id = a.id and r.opens_on between $2 and $3)
          and ($4 or u.area_id = any($5::uuid[]) or u.id = any($6::uuid[]))
        order by a.id`,
      [organisationId, from, to, scope.organisationWide, scope.areaIds, scope.unitIds],
    );
  }

  /**
   * The kept levels (`insight_response_level`) of every submitted before and after response whose round opens in the
   * period, in the checks `assignments` would list: one row per response and measure, with the check's unit and area
   * and the person's role title and employment type.
   */
  async responseLevels(
    organisationId: string,
    from: string,
    to: string,
    scope: { organisationWide: boolean; areaIds: string[]; unitIds: string[] },
  ): Promise<ResponseLevelRow[]> {
    return this.db.manager.query(
      `with checks as (
         select a.id, a.unit_id, u.area_id
           from check_assignment a join unit u on u.id = a.unit_id
          where a.organisation_id = $1
            and exists (select 1 from check_round r where r.assignment_id = a.id and r.opens_on between $2 and $3)
            and ($4 or u.area_id = any($5::uuid[]) or u.id = any($6::uuid[])))
       select s.person_id as "personId", s.id as "responseId", l.measure, r.opens_on::text as date, (r.kind = 'after')::int as rank,
              l.rating_sum as "ratingSum", l.rating_count as "ratingCount",
              c.unit_id as "unitId", c.area_id as "areaId", p.role_title as "roleTitle", p.employment_type as "employmentType"
         from checks c
         join check_round r on r.assignment_id = c.id and r.kind in ('before', 'after') and r.opens_on between $2 and $3
         join check_response s on s.round_id = r.id and s.status = 'submitted'
         join insight_response_level l on l.response_id = s.id
         join person p on p.id = s.person_id
        order by c.id, s.person_id, r.kind desc, l.measure`,
      [organisationId, from, to, scope.organisationWide, scope.areaIds, scope.unitIds],
    );
  }

  async versionItems(versionIds: string[]): Promise<Map<string, CheckItem[]>> {
    const rows: Array<{ id: string; items: CheckItem[] }> = await this.db.manager.query(
      `select id, items from check_instrument_version where id = any($1::uuid[])`,
      [versionIds],
    );
    return new Map(rows.map((row) => [row.id, row.items]));
  }

  async people(personIds: string[]): Promise<CompetencePersonRow[]> {
    return this.db.manager.query(`select id, role_title as "roleTitle", employment_type as "employmentType" from person where id = any($1::uuid[])`, [
      personIds,
    ]);
  }
}
