import { Injectable } from '@nestjs/common';
import type { ReleaseElement } from '@kunna/learning-gain';
import { Db } from '../database/db';

/** A family's release log: the released groups (element key → person key) and their set keys. */
export interface ReleaseLog {
  groups: Array<Map<string, string>>;
  setKeys: Set<string>;
}

/**
 * The release log of the privacy gate; element and person keys are 64-bit hashes (see privacy-gate.service.ts).
 * A family's log is read once per transaction (one answer passes many groups of one family through the gate) and
 * kept up to date with what the transaction records.
 */
@Injectable()
export class PrivacyRepository {
  private readonly logs = new WeakMap<object, Map<string, ReleaseLog>>();

  constructor(private readonly db: Db) {}

  async released(organisationId: string, family: string): Promise<ReleaseLog> {
    const manager = this.db.manager;
    // Only a transaction's own manager is a cache key: the data source's shared manager lives for ever.
    const logs = this.logs.get(manager) ?? new Map<string, ReleaseLog>();
    if (manager.queryRunner) this.logs.set(manager, logs);
    const key = `${organisationId}|${family}`;
    const cached = logs.get(key);
    if (cached) return cached;
    const rows: Array<{ set_key: string; elements: string[]; persons: string[] }> = await manager.query(
      `select set_key, elements::text[] as elements, persons::text[] as persons
         from privacy_release where organisation_id = $1 and family = $2 order by id`,
      [organisationId, family],
    );
    const log = {
      groups: rows.map((row) => new Map(row.elements.map((element, index) => [element, row.persons[index]]))),
      setKeys: new Set(rows.map((row) => row.set_key)),
    };
    logs.set(key, log);
    return log;
  }

  async record(organisationId: string, family: string, setKey: string, group: readonly ReleaseElement[]): Promise<void> {
    const log = await this.released(organisationId, family);
    if (log.setKeys.has(setKey)) return;
    await this.db.manager.query(
      `insert into privacy_release (organisation_id, family, set_key, elements, persons)
       values ($1, $2, $3, $4::bigint[], $5::bigint[])
       on conflict (organisation_id, family, set_key) do nothing`,
      [organisationId, family, setKey, group.map((e) => e.element), group.map((e) => e.person)],
    );
    log.groups.push(new Map(group.map((e) => [e.element, e.person])));
    log.setKeys.add(setKey);
  }
}
