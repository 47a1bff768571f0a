import { Injectable } from '@nestjs/common';
import { CheckItem, CheckItemInput, CoreItem, InstrumentDraft, InstrumentSummary, InstrumentVersionSummary } from '@kunna/contracts';
import { Db } from '../../database/db';
import { ISO } from '../../database/iso-time.sql';

export interface InstrumentRow {
  id: string;
  organisationId: string;
  title: string;
  draft: (Omit<InstrumentDraft, 'items'> & { items: CheckItemInput[] }) | null;
}

export interface VersionRow {
  id: string;
  organisationId: string;
  instrumentId: string;
  version: number;
  title: string;
  descriptionSv: string | null;
  supportThreshold: number;
  items: CheckItem[];
  publishedAt: string;
}

/** The network's core items, the organisation's instruments and their published versions. */
@Injectable()
export class InstrumentsRepository {
  constructor(private readonly db: Db) {}

  private query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.db.manager.query(sql, params);
  }

  async digCompCodes(): Promise<Set<string>> {
    const rows = await this.query<{ code: string }>(`select code from digcomp_competence`);
    return new Set(rows.map((r) => r.code));
  }

  // --- core items ---

  async coreItems(networkId: string, includeRetired = false): Promise<CoreItem[]> {
    const rows = await this.query<{ id: string; network_id: string; item: CheckItemInput; retired_at: string | null; created_at: string }>(
      `select id, network_id, item, ${ISO('retired_at')} as retired_at, ${ISO('created_at')} as created_at
         from check_core_item where network_id = $1 and ($2 or retired_at is null) order by created_at, id`,
      [networkId, includeRetired],
    );
    return rows.map((r) => ({ ...r.item, id: r.id, key: `core-${r.id}`, networkId: r.network_id, retiredAt: r.retired_at, createdAt: r.created_at }));
  }

  async coreItemNetwork(id: string): Promise<string | null> {
    const rows = await this.query<{ network_id: string }>(`select network_id from check_core_item where id = $1`, [id]);
    return rows[0]?.network_id ?? null;
  }

  async insertCoreItem(networkId: string, item: CheckItemInput, createdBy: string): Promise<string> {
    const rows = await this.query<{ id: string }>(`insert into check_core_item (network_id, item, created_by) values ($1, $2, $3) returning id`, [
      networkId,
      JSON.stringify(item),
      createdBy,
    ]);
    return rows[0].id;
  }

  async retireCoreItem(id: string): Promise<void> {
    await this.query(`update check_core_item set retired_at = coalesce(retired_at, now()) where id = $1`, [id]);
  }

  // --- instruments ---

  async instruments(organisationId: string): Promise<InstrumentSummary[]> {
    return this.query<InstrumentSummary>(
      `select i.id, i.title, v.version as "latestVersion", v.id as "latestVersionId", (i.draft is not null) as "hasDraft",
              ${ISO('i.updated_at')} as "updatedAt"
         from check_instrument i
         left join lateral (select id, version from check_instrument_version where instrument_id = i.id order by version desc limit 1) v on true
        where i.organisation_id = $1 order by i.title, i.id`,
      [organisationId],
    );
  }

  async instrument(id: string): Promise<InstrumentRow | null> {
    const rows = await this.query<InstrumentRow>(`select id, organisation_id as "organisationId", title, draft from check_instrument where id = $1`, [id]);
    return rows[0] ?? null;
  }

  async insertInstrument(organisationId: string, title: string, draft: InstrumentRow['draft'], createdBy: string): Promise<string> {
    const rows = await this.query<{ id: string }>(
      `insert into check_instrument (organisation_id, title, draft, created_by) values ($1, $2, $3, $4) returning id`,
      [organisationId, title, JSON.stringify(draft), createdBy],
    );
    return rows[0].id;
  }

  async saveDraft(id: string, title: string, draft: InstrumentRow['draft']): Promise<void> {
    await this.query(`update check_instrument set title = $2, draft = $3, updated_at = now() where id = $1`, [id, title, JSON.stringify(draft)]);
  }

  async versions(instrumentId: string): Promise<InstrumentVersionSummary[]> {
    return this.query<InstrumentVersionSummary>(
      `select id, version, ${ISO('published_at')} as "publishedAt", jsonb_array_length(items) as "itemCount"
         from check_instrument_version where instrument_id = $1 order by version desc`,
      [instrumentId],
    );
  }

  async version(id: string): Promise<VersionRow | null> {
    const rows = await this.query<VersionRow>(
      `select id, organisation_id as "organisationId", instrument_id as "instrumentId", version, title, description_sv as "descriptionSv",
              support_threshold as "supportThreshold", items, ${ISO('published_at')} as "publishedAt"
         from check_instrument_version where id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Locks the instrument row so two publishes cannot take the same version number. */
  async publish(instrument: InstrumentRow, items: CheckItem[], publishedBy: string): Promise<string> {
    await this.query(`select id from check_instrument where id = $1 for update`, [instrument.id]);
    const draft = instrument.draft;
    if (!draft) throw new Error('publish without a draft');
    const rows = await this.query<{ id: string }>(
      `insert into check_instrument_version (organisation_id, instrument_id, version, title, description_sv, support_threshold, items, published_by)
       select $1, $2, coalesce(max(version), 0) + 1, $3, $4, $5, $6, $7 from check_instrument_version where instrument_id = $2
       returning id`,
      [instrument.organisationId, instrument.id, draft.title, draft.descriptionSv, draft.supportThreshold, JSON.stringify(items), publishedBy],
    );
    await this.query(`update check_instrument set draft = null, title = $2, updated_at = now() where id = $1`, [instrument.id, draft.title]);
    return rows[0].id;
  }
}
