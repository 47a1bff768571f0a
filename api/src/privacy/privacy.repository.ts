import { Injectable } from '@nestjs/common';
import type { ReleaseElement } from '@kunna/learning-gain';
import { Db } from '../database/db';

/** A family's release log: the released groups (element key → person key) and their set keys. */
export interface ReleaseLog {
  groups: Array<Map<string, string>>;
  setKeys: Set<string>;
}

/** What a transaction knows of one family's log: always the set keys, the groups only once a decision needed them. */
interface CachedLog {
  setKeys: Set<string>;
  groups: Array<Map<string, string>> | null;
}

/**
 * The release log of the privacy gate; element and person keys are 64-bit hashes (see privacy-gate.service.ts).
 * Per transaction (one answer passes many groups of one family through the gate) a family's set keys are read once
 * (`privacy_release_set_uq`, a few bytes per group), and its groups (thousands of elements each at 10 000 staff)
 * only when a group not released before must be decided: a view read again, the common case, never loads them.
 */
@Injectable()
export class PrivacyRepository {
  private readonly logs = new WeakMap<object, Map<string, CachedLog>>();

  constructor(private readonly db: Db) {}

  /** The set keys of the family's released groups. */
  async setKeys(organisationId: string, family: string): Promise<Set<string>> {
    return (await this.cached(organisationId, family)).setKeys;
  }

  /** The family's whole log. */
  async released(organisationId: string, family: string): Promise<ReleaseLog> {
    const log = await this.cached(organisationId, family);
    if (log.groups === null) {
      const rows: Array<{ set_key: string; elements: string[]; persons: string[] }> = await this.db.manager.query(
        `select set_key, elements::text[] as elements, persons::text[] as persons
           from privacy_release where organisation_id = $1 and family = $2 order by id`,
        [organisationId, family],
      );
      log.groups = rows.map((row) => new Map(row.elements.map((element, index) => [element, row.persons[index]])));
      for (const row of rows) log.setKeys.add(row.set_key);
    }
    return { groups: log.groups, setKeys: log.setKeys };
  }

  async record(organisationId: string, family: string, setKey: string, group: readonly ReleaseElement[]): Promise<void> {
    const log = await this.cached(organisationId, family);
    if (log.setKeys.has(setKey)) return;
    await this.db.manager.query(
      `insert into privacy_release (organisation_id, family, set_key, elements, persons)
       values ($1, $2, $3, $4::bigint[], $5::bigint[])
       on conflict (organisation_id, family, set_key) do nothing`,
      [organisationId, family, setKey, group.map((e) => e.element), group.map((e) => e.person)],
    );
    log.setKeys.add(setKey);
    log.groups?.push(new Map(group.map((e) => [e.element, e.person])));
  }

  private async cached(organisationId: string, family: string): Promise<CachedLog> {
    const manager = this.db.manager;
    // Only a transaction's own manager is a cache key: the data source's shared manager lives for ever.
    const logs = this.logs.get(manager) ?? new Map<string, CachedLog>();
    if (manager.queryRunner) this.logs.set(manager, logs);
    const key = `${organisationId}|${family}`;
    let log = logs.get(key);
    if (!log) {
      const rows: Array<{ set_key: string }> = await manager.query(`select set_key from privacy_release where organisation_id = $1 and family = $2`, [
        organisationId,
        family,
      ]);
      log = { setKeys: new Set(rows.map((row) => row.set_key)), groups: null };
      logs.set(key, log);
    }
    return log;
  }
}
