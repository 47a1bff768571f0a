import { Injectable } from '@nestjs/common';
import { CheckItem } from '@kunna/contracts';
import { Db } from '../database/db';

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

/** The competence view's own reads; who was asked and what they answered come from the checks feature. */
@Injectable()
export class CompetenceRepository {
  constructor(private readonly db: Db) {}

  /**
   * Checks of the organisation with a round opening in the period, in the visible units (organisation-wide, or the
   * listed areas and units).
   */
  async assignments(organisationId: string, from: string, to: string, scope: { organisationWide: boolean; areaIds: string[]; unitIds: string[] }): Promise<CompetenceAssignmentRow[]> {
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

  async versionItems(versionIds: string[]): Promise<Map<string, CheckItem[]>> {
    const rows: Array<{ id: string; items: CheckItem[] }> = await this.db.manager.query(`select id, items from check_instrument_version where id = any($1::uuid[])`, [versionIds]);
    return new Map(rows.map((row) => [row.id, row.items]));
  }

  /** When each response's round opened (the quarter it counts in for the trend). */
  async responseDates(responseIds: string[]): Promise<Map<string, string>> {
    const rows: Array<{ id: string; opensOn: string }> = await this.db.manager.query(
      `select s.id, r.opens_on::text as "opensOn" from check_response s join check_round r on r.id = s.round_id where s.id = any($1::uuid[])`,
      [responseIds],
    );
    return new Map(rows.map((row) => [row.id, row.opensOn]));
  }

  async people(personIds: string[]): Promise<CompetencePersonRow[]> {
    return this.db.manager.query(`select id, role_title as "roleTitle", employment_type as "employmentType" from person where id = any($1::uuid[])`, [personIds]);
  }
}
