import { Injectable } from '@nestjs/common';
import { CheckCodePreview, CheckAnswerValue, CheckKind, ResponseStatus, StaffLanguage } from '@kunna/contracts';
import { Db } from '../../database/db';
import { LOCAL_TODAY } from '../../database/participation.sql';
import type { ResponseData } from '../aggregate';

export interface ResponseRow {
  id: string;
  organisationId: string;
  roundId: string;
  personId: string;
  status: ResponseStatus;
  form: 'A' | 'B';
  via: 'link' | 'kiosk';
  /** The language the answers are given in (a staff language; `sv` unless chosen). */
  language: string;
}

export interface StoredAnswerRow {
  itemKey: string;
  declined: boolean;
  value: CheckAnswerValue | null;
}

/** Responses and their answers, the answering person's language, and the rounds a person still has to answer. */
@Injectable()
export class AnsweringRepository {
  constructor(private readonly db: Db) {}

  private query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.db.manager.query(sql, params);
  }

  /** What an answer code is for, before anyone signs in (a SECURITY DEFINER look-up: no tenant is known yet). */
  async codePreview(code: string): Promise<CheckCodePreview | null> {
    const rows = await this.query<{ code: string; title: string; unit_name: string; organisation_id: string; organisation_name: string }>(
      `select * from kunna_check_code_preview($1)`,
      [code],
    );
    const row = rows[0];
    return row
      ? { code: row.code, title: row.title, unitName: row.unit_name, organisationId: row.organisation_id, organisationName: row.organisation_name }
      : null;
  }

  // --- responses and answers ---

  async response(id: string): Promise<ResponseRow | null> {
    const rows = await this.query<ResponseRow>(
      `select id, organisation_id as "organisationId", round_id as "roundId", person_id as "personId", status, form, via, language
         from check_response where id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The person's own language (person.preferred_language), for their turn on the kiosk. */
  async personLanguage(personId: string): Promise<StaffLanguage | null> {
    const rows = await this.query<{ language: StaffLanguage }>(`select preferred_language as language from person where id = $1`, [personId]);
    return rows[0]?.language ?? null;
  }

  /** True when the language changed. */
  async setPersonLanguage(personId: string, language: StaffLanguage): Promise<boolean> {
    // An update answers [rows, count] through TypeORM's postgres driver.
    const [rows] = await this.db.manager.query<[unknown[], number]>(
      `update person set preferred_language = $2, updated_at = now() where id = $1 and preferred_language <> $2 returning id`,
      [personId, language],
    );
    return rows.length > 0;
  }

  async responseOf(roundId: string, personId: string): Promise<ResponseRow | null> {
    const rows = await this.query<ResponseRow>(
      `select id, organisation_id as "organisationId", round_id as "roundId", person_id as "personId", status, form, via, language
         from check_response where round_id = $1 and person_id = $2`,
      [roundId, personId],
    );
    return rows[0] ?? null;
  }

  /** Starts a response once per person and round; a retry or a second device finds the first. */
  async startResponse(row: {
    id: string;
    organisationId: string;
    roundId: string;
    personId: string;
    form: 'A' | 'B';
    via: 'link' | 'kiosk';
    language?: string;
  }): Promise<ResponseRow> {
    await this.query(
      `insert into check_response (id, organisation_id, round_id, person_id, form, via, language) values ($1, $2, $3, $4, $5, $6, $7)
       on conflict do nothing`,
      [row.id, row.organisationId, row.roundId, row.personId, row.form, row.via, row.language ?? 'sv'],
    );
    const existing = await this.responseOf(row.roundId, row.personId);
    if (!existing) throw new Error('response neither inserted nor found');
    return existing;
  }

  /** A response still being answered follows the language it was last opened in; finished ones keep theirs. */
  async setResponseLanguage(id: string, language: string): Promise<void> {
    await this.query(`update check_response set language = $2 where id = $1 and status = 'in_progress'`, [id, language]);
  }

  async answers(responseId: string): Promise<StoredAnswerRow[]> {
    return this.query<StoredAnswerRow>(
      `select item_key as "itemKey", declined, value from check_answer where response_id = $1 order by answered_at, item_key`,
      [responseId],
    );
  }

  /** Idempotent per item: the latest answer for an item replaces the earlier one. */
  async saveAnswer(response: ResponseRow, itemKey: string, value: CheckAnswerValue | null, ratedBy: string | null): Promise<void> {
    await this.query(
      `insert into check_answer (response_id, item_key, organisation_id, declined, value, rated_by, language)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (response_id, item_key) do update set declined = excluded.declined, value = excluded.value,
         rated_by = excluded.rated_by, answered_at = now(), language = excluded.language`,
      [response.id, itemKey, response.organisationId, value === null, value === null ? null : JSON.stringify(value), ratedBy, response.language ?? 'sv'],
    );
  }

  async finishResponse(id: string, status: 'submitted' | 'declined'): Promise<void> {
    await this.query(`update check_response set status = $2, finished_at = now() where id = $1 and status = 'in_progress'`, [id, status]);
  }

  // --- the person's own checks ---

  async myResponses(personId: string): Promise<Array<ResponseData & { title: string; unitName: string; versionId: string }>> {
    return this.query(
      `select s.id as "responseId", s.person_id as "personId", r.assignment_id as "assignmentId", r.kind, s.status,
              a.title, u.name as "unitName", a.instrument_version_id as "versionId",
              coalesce((select json_agg(json_build_object('itemKey', c.item_key, 'declined', c.declined, 'value', c.value))
                          from check_answer c where c.response_id = s.id), '[]'::json) as answers
         from check_response s join check_round r on r.id = s.round_id join check_assignment a on a.id = r.assignment_id
         join unit u on u.id = a.unit_id
        where s.person_id = $1 order by a.created_at desc, a.id`,
      [personId],
    );
  }

  /**
   * Open rounds of the person's current units that the person has not finished. "Today" is the date in the sessions'
   * time zone, as on the rest of the start page, not the database's `current_date` (UTC on the server).
   */
  async pendingRounds(personId: string): Promise<Array<{ code: string; title: string; kind: CheckKind; status: ResponseStatus | null }>> {
    return this.query(
      `select r.code, a.title, r.kind, s.status
         from check_round r join check_assignment a on a.id = r.assignment_id
         join unit_membership m on m.unit_id = a.unit_id and m.person_id = $1
              and m.start_date <= ${LOCAL_TODAY} and (m.end_date is null or m.end_date >= ${LOCAL_TODAY})
         left join check_response s on s.round_id = r.id and s.person_id = $1
        where r.opens_on <= ${LOCAL_TODAY} and (r.closes_on is null or r.closes_on >= ${LOCAL_TODAY}) and a.cancelled_at is null
          and (s.status is null or s.status = 'in_progress')
        order by r.opens_on desc, r.id`,
      [personId],
    );
  }
}
