import { Injectable } from '@nestjs/common';
import type { ReleaseElement } from '@kunna/learning-gain';
import { Db } from '../database/db';

/** The release log of the privacy gate; element and person keys are 64-bit hashes (see privacy-gate.service.ts). */
@Injectable()
export class PrivacyRepository {
  constructor(private readonly db: Db) {}

  async released(organisationId: string, family: string): Promise<ReleaseElement[][]> {
    const rows: Array<{ elements: string[]; persons: string[] }> = await this.db.manager.query(
      `select elements::text[] as elements, persons::text[] as persons
         from privacy_release where organisation_id = $1 and family = $2 order by id`,
      [organisationId, family],
    );
    return rows.map((row) => row.elements.map((element, index) => ({ element, person: row.persons[index] })));
  }

  async record(organisationId: string, family: string, setKey: string, group: readonly ReleaseElement[]): Promise<void> {
    await this.db.manager.query(
      `insert into privacy_release (organisation_id, family, set_key, elements, persons)
       values ($1, $2, $3, $4::bigint[], $5::bigint[])
       on conflict (organisation_id, family, set_key) do nothing`,
      [organisationId, family, setKey, group.map((e) => e.element), group.map((e) => e.person)],
    );
  }
}
