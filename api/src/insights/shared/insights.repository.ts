import { Injectable } from '@nestjs/common';
import { Db } from '../../database/db';
import { LOCAL_TODAY } from '../../database/participation.sql';

/** What every insight view reads besides its own figures: today's date, a unit, an area, the minimum group size. */
@Injectable()
export class InsightsRepository {
  constructor(private readonly db: Db) {}

  async today(): Promise<string> {
    const rows: Array<{ today: string }> = await this.db.manager.query(`select ${LOCAL_TODAY}::text as today`);
    return rows[0].today;
  }

  async unit(unitId: string): Promise<{ id: string; name: string; areaId: string; organisationId: string } | null> {
    const rows = await this.db.manager.query<Array<{ id: string; name: string; areaId: string; organisationId: string }>>(
      `select id, name, area_id as "areaId", organisation_id as "organisationId" from unit where id = $1`,
      [unitId],
    );
    return rows[0] ?? null;
  }

  async area(areaId: string): Promise<{ id: string; organisationId: string } | null> {
    const rows = await this.db.manager.query<Array<{ id: string; organisationId: string }>>(
      `select id, organisation_id as "organisationId" from area where id = $1`,
      [areaId],
    );
    return rows[0] ?? null;
  }

  async minimumGroupSize(organisationId: string): Promise<number> {
    const rows: Array<{ n: number }> = await this.db.manager.query(`select min_group_size as n from organisation where id = $1`, [organisationId]);
    return rows[0].n;
  }
}
