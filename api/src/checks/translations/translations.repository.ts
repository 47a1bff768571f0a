import { Injectable } from '@nestjs/common';
import type { TranslationSource, TranslationStatus } from '@kunna/contracts';
import { Db } from '../../database/db';

export interface TranslationRow {
  id: string;
  networkId: string;
  organisationId: string | null;
  instrumentId: string | null;
  itemKey: string;
  language: string;
  text: string;
  options: Record<string, string>;
  sourceText: string;
  source: TranslationSource;
  status: TranslationStatus;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: Date;
  updatedAt: Date;
  reviewedBy: string | null;
  reviewedByName: string | null;
  reviewedAt: Date | null;
}

export interface AudioRow {
  id: string;
  organisationId: string;
  instrumentId: string;
  itemKey: string;
  language: string;
  fileName: string;
  contentType: string;
  byteSize: number;
  createdAt: Date;
}

export interface LanguageResponseRow {
  personId: string;
  assignmentId: string;
  kind: string;
  status: string;
  language: string;
}

const TRANSLATION_SELECT = `
  select t.id, t.network_id as "networkId", t.organisation_id as "organisationId", t.instrument_id as "instrumentId",
         t.item_key as "itemKey", t.language, t.text, t.options, t.source_text as "sourceText", t.source, t.status,
         t.created_by as "createdBy", nullif(trim(concat_ws(' ', c.first_name, c.last_name)), '') as "createdByName",
         t.created_at as "createdAt", t.updated_at as "updatedAt",
         t.reviewed_by as "reviewedBy", nullif(trim(concat_ws(' ', r.first_name, r.last_name)), '') as "reviewedByName",
         t.reviewed_at as "reviewedAt"
    from check_item_translation t
    left join person c on c.id = t.created_by
    left join person r on r.id = t.reviewed_by`;

const AUDIO_SELECT = `
  select id, organisation_id as "organisationId", instrument_id as "instrumentId", item_key as "itemKey", language,
         file_name as "fileName", content_type as "contentType", byte_size as "byteSize", created_at as "createdAt"
    from check_item_audio`;

/** Translated check items, their recordings, and the answer languages behind the by-language rates. */
@Injectable()
export class TranslationsRepository {
  constructor(private readonly db: Db) {}

  private query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.db.manager.query(sql, params);
  }

  /** The instrument's own translations and the network-shared ones of the given core item keys. */
  async forInstrument(instrumentId: string, networkId: string, coreKeys: string[]): Promise<TranslationRow[]> {
    return this.query<TranslationRow>(
      `${TRANSLATION_SELECT}
        where t.instrument_id = $1
           or (t.organisation_id is null and t.network_id = $2 and t.item_key = any($3::text[]))
        order by t.item_key, t.language, t.organisation_id nulls last`,
      [instrumentId, networkId, coreKeys],
    );
  }

  async sharedForItem(networkId: string, itemKey: string): Promise<TranslationRow[]> {
    return this.query<TranslationRow>(`${TRANSLATION_SELECT} where t.organisation_id is null and t.network_id = $1 and t.item_key = $2 order by t.language`, [
      networkId,
      itemKey,
    ]);
  }

  async translation(id: string): Promise<TranslationRow | null> {
    const rows = await this.query<TranslationRow>(`${TRANSLATION_SELECT} where t.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Inserts unless the item already has a translation in the language there (null then). */
  async insert(
    row: Pick<TranslationRow, 'networkId' | 'organisationId' | 'instrumentId' | 'itemKey' | 'language' | 'text' | 'options' | 'sourceText' | 'source'> & {
      createdBy: string;
    },
  ): Promise<string | null> {
    const rows = await this.query<{ id: string }>(
      `insert into check_item_translation
         (network_id, organisation_id, instrument_id, item_key, language, text, options, source_text, source, created_by, updated_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
       on conflict do nothing returning id`,
      [
        row.networkId,
        row.organisationId,
        row.instrumentId,
        row.itemKey,
        row.language,
        row.text,
        JSON.stringify(row.options),
        row.sourceText,
        row.source,
        row.createdBy,
      ],
    );
    return rows[0]?.id ?? null;
  }

  /** A changed text is a new draft: it must be reviewed again. */
  async update(id: string, text: string, options: Record<string, string>, sourceText: string, updatedBy: string): Promise<void> {
    await this.query(
      `update check_item_translation
          set text = $2, options = $3, source_text = $4, updated_by = $5, updated_at = now(),
              status = 'draft', reviewed_by = null, reviewed_at = null
        where id = $1`,
      [id, text, JSON.stringify(options), sourceText, updatedBy],
    );
  }

  async review(id: string, reviewedBy: string): Promise<void> {
    await this.query(`update check_item_translation set status = 'reviewed', reviewed_by = $2, reviewed_at = now() where id = $1`, [id, reviewedBy]);
  }

  async remove(id: string): Promise<void> {
    await this.query(`delete from check_item_translation where id = $1`, [id]);
  }

  async allowDrafts(instrumentId: string): Promise<boolean> {
    const rows = await this.query<{ allow: boolean }>(`select allow_draft_translations as allow from check_instrument where id = $1`, [instrumentId]);
    return rows[0]?.allow ?? false;
  }

  async setAllowDrafts(instrumentId: string, allow: boolean): Promise<void> {
    await this.query(`update check_instrument set allow_draft_translations = $2, updated_at = now() where id = $1`, [instrumentId, allow]);
  }

  // --- recordings ---

  async audioOf(instrumentId: string): Promise<AudioRow[]> {
    return this.query<AudioRow>(`${AUDIO_SELECT} where instrument_id = $1 order by item_key, language`, [instrumentId]);
  }

  async audioContent(instrumentId: string, itemKey: string, language: string): Promise<(AudioRow & { content: Buffer }) | null> {
    const rows = await this.query<AudioRow & { content: Buffer }>(
      `select id, organisation_id as "organisationId", instrument_id as "instrumentId", item_key as "itemKey", language,
              file_name as "fileName", content_type as "contentType", byte_size as "byteSize", created_at as "createdAt", content
         from check_item_audio where instrument_id = $1 and item_key = $2 and language = $3`,
      [instrumentId, itemKey, language],
    );
    return rows[0] ?? null;
  }

  /** One recording per item and language: a new upload replaces the old one. */
  async saveAudio(row: {
    organisationId: string;
    instrumentId: string;
    itemKey: string;
    language: string;
    fileName: string;
    contentType: string;
    content: Buffer;
    sha256: string;
    createdBy: string;
  }): Promise<void> {
    await this.query(
      `insert into check_item_audio (organisation_id, instrument_id, item_key, language, file_name, content_type, byte_size, sha256, content, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       on conflict (instrument_id, item_key, language) do update
         set file_name = excluded.file_name, content_type = excluded.content_type, byte_size = excluded.byte_size,
             sha256 = excluded.sha256, content = excluded.content, created_by = excluded.created_by, created_at = now()`,
      [
        row.organisationId,
        row.instrumentId,
        row.itemKey,
        row.language,
        row.fileName,
        row.contentType,
        row.content.length,
        row.sha256,
        row.content,
        row.createdBy,
      ],
    );
  }

  async removeAudio(instrumentId: string, itemKey: string, language: string): Promise<boolean> {
    const rows = await this.query<{ id: string }>(
      // Through a select: TypeORM answers a bare delete … returning with [rows, count].
      `with removed as (delete from check_item_audio where instrument_id = $1 and item_key = $2 and language = $3 returning id)
       select id from removed`,
      [instrumentId, itemKey, language],
    );
    return rows.length > 0;
  }

  // --- by-language rates ---

  /** Every response (any status) to the assignments, with the language it was given in. */
  async responsesByLanguage(assignmentIds: string[]): Promise<LanguageResponseRow[]> {
    return this.query<LanguageResponseRow>(
      `select s.person_id as "personId", r.assignment_id as "assignmentId", r.kind, s.status, s.language
         from check_response s join check_round r on r.id = s.round_id
        where r.assignment_id = any($1::uuid[])
        order by s.id`,
      [assignmentIds],
    );
  }
}
