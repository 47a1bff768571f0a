import { Injectable } from '@nestjs/common';
import { OrganisationKind, OrganisationSummary } from '@kunna/contracts';
import { Db } from '../database/db';

@Injectable()
export class OrganisationDirectory {
  constructor(private readonly db: Db) {}

  async list(): Promise<OrganisationSummary[]> {
    const rows: Array<{ id: string; network_id: string; name: string; kind: OrganisationKind }> = await this.db.manager.query(
      `select id, network_id, name, kind from organisation order by name`,
    );
    return rows.map((row) => ({ id: row.id, networkId: row.network_id, name: row.name, kind: row.kind }));
  }
}
