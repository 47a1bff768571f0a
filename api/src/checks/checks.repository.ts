import { Injectable } from '@nestjs/common';
import {
  CheckCodePreview,
  CheckAnswerValue,
  CheckItem,
  CheckItemInput,
  CheckKind,
  CheckRound,
  CoreItem,
  InstrumentDraft,
  InstrumentSummary,
  InstrumentVersionSummary,
  KioskRosterEntry,
  ResponseStatus,
  StaffLanguage,
} from '@kunna/contracts';
import { Db } from '../database/db';
import { invitedTo, LOCAL_TODAY } from '../database/participation.sql';
import type { ScopePosition } from '../auth';
import type { ResponseData, InvitedPerson } from './aggregate';

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

export interface AssignmentRow {
  id: string;
  organisationId: string;
  unitId: string;
  unitName: string;
  areaId: string;
  networkId: string;
  instrumentVersionId: string;
  instrumentId: string;
  instrumentTitle: string;
  version: number;
  title: string;
  sessionId: string | null;
  programId: string | null;
  followUpWeeks: number;
  cancelledAt: string | null;
  /** The linked session was cancelled. */
  sessionCancelled: boolean;
  createdAt: string;
}

export interface RoundRow {
  id: string;
  organisationId: string;
  assignmentId: string;
  kind: CheckKind;
  code: string;
  opensOn: string;
  closesOn: string | null;
  /** The round can be answered today. */
  open: boolean;
}

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

export interface GroupFilter {
  organisationId: string;
  instrumentId: string;
  unitIds: string[] | null;
  areaId: string | null;
  roleTitle: string | null;
  employmentType: string | null;
}

const ISO = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const ASSIGNMENT_SELECT = `
  select a.id, a.organisation_id as "organisationId", a.unit_id as "unitId", u.name as "unitName", u.area_id as "areaId",
         o.network_id as "networkId", a.instrument_version_id as "instrumentVersionId", v.instrument_id as "instrumentId",
         v.title as "instrumentTitle", v.version, a.title, a.session_id as "sessionId", a.program_id as "programId",
         a.follow_up_weeks as "followUpWeeks", ${ISO('a.cancelled_at')} as "cancelledAt",
         exists (select 1 from sessions s where s.id = a.session_id and s.status = 'cancelled') as "sessionCancelled",
         ${ISO('a.created_at')} as "createdAt"
    from check_assignment a
    join unit u on u.id = a.unit_id
    join organisation o on o.id = a.organisation_id
    join check_instrument_version v on v.id = a.instrument_version_id`;

const ROUND_SELECT = `
  select r.id, r.organisation_id as "organisationId", r.assignment_id as "assignmentId", r.kind, r.code,
         r.opens_on::text as "opensOn", r.closes_on::text as "closesOn",
         (r.opens_on <= current_date and (r.closes_on is null or r.closes_on >= current_date)
          and not exists (select 1 from check_assignment ca where ca.id = r.assignment_id and ca.cancelled_at is not null)) as open
    from check_round r`;

/**
 * Who is expected to answer an assignment's round ($1 = assignment id, $2 = the round's opening day): for a check
 * linked to a session, the session's invitees (see the sessions feature's `session_invitees`) and anyone marked at
 * it; otherwise the members of the unit while the round is open (or who joined since).
 */
const INVITED_SQL = `
  select si.person_id from check_assignment a join session_invitees si on si.session_id = a.session_id where a.id = $1
  union
  select am.person_id from check_assignment a join attendance_marks am on am.session_id = a.session_id
   where a.id = $1 and am.person_id is not null
  union
  select m.person_id
    from check_assignment a join unit_membership m on m.unit_id = a.unit_id join person p on p.id = m.person_id
   where a.id = $1 and a.session_id is null
     and m.start_date <= greatest($2::date, current_date) and (m.end_date is null or m.end_date >= $2::date)
     and p.disabled_at is null and p.pseudonymised_at is null`;

@Injectable()
export class ChecksRepository {
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

  async digCompCodes(): Promise<Set<string>> {
    const rows = await this.query<{ code: string }>(`select code from digcomp_competence`);
    return new Set(rows.map((r) => r.code));
  }

  async unitPosition(unitId: string): Promise<(ScopePosition & { name: string }) | null> {
    const rows = await this.query<{ network_id: string; organisation_id: string; area_id: string; name: string }>(
      `select o.network_id, u.organisation_id, u.area_id, u.name from unit u join organisation o on o.id = u.organisation_id where u.id = $1`,
      [unitId],
    );
    const row = rows[0];
    return row ? { networkId: row.network_id, organisationId: row.organisation_id, areaIds: [row.area_id], unitIds: [unitId], name: row.name } : null;
  }

  async areaPosition(areaId: string): Promise<ScopePosition | null> {
    const rows = await this.query<{ network_id: string; organisation_id: string }>(
      `select o.network_id, a.organisation_id from area a join organisation o on o.id = a.organisation_id where a.id = $1`,
      [areaId],
    );
    const row = rows[0];
    return row ? { networkId: row.network_id, organisationId: row.organisation_id, areaIds: [areaId], unitIds: [] } : null;
  }

  async minimumGroupSize(organisationId: string): Promise<number> {
    const rows = await this.query<{ min_group_size: number }>(`select min_group_size from organisation where id = $1`, [organisationId]);
    return rows[0]?.min_group_size ?? 5;
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

  // --- assignments and rounds ---

  async assignment(id: string): Promise<AssignmentRow | null> {
    const rows = await this.query<AssignmentRow>(`${ASSIGNMENT_SELECT} where a.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async assignments(organisationId: string, unitIds: string[] | null): Promise<AssignmentRow[]> {
    return this.query<AssignmentRow>(
      `${ASSIGNMENT_SELECT} where a.organisation_id = $1 and ($2::uuid[] is null or a.unit_id = any($2)) order by a.created_at desc, a.id limit 200`,
      [organisationId, unitIds],
    );
  }

  async insertAssignment(row: {
    id: string;
    organisationId: string;
    unitId: string;
    instrumentVersionId: string;
    title: string;
    sessionId: string | null;
    programId: string | null;
    followUpWeeks: number;
    createdBy: string;
  }): Promise<boolean> {
    const inserted = await this.query<{ id: string }>(
      `insert into check_assignment (id, organisation_id, unit_id, instrument_version_id, title, session_id, program_id, follow_up_weeks, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (id) do nothing returning id`,
      [row.id, row.organisationId, row.unitId, row.instrumentVersionId, row.title, row.sessionId, row.programId, row.followUpWeeks, row.createdBy],
    );
    return inserted.length === 1;
  }

  /** Idempotent: the first cancellation's time stays. */
  async cancelAssignment(id: string): Promise<void> {
    await this.query(`update check_assignment set cancelled_at = coalesce(cancelled_at, now()) where id = $1`, [id]);
  }

  /** Checks linked to these sessions (to cancel or restore their scheduled follow-up with the session). */
  async assignmentIdsOfSessions(sessionIds: string[]): Promise<string[]> {
    const rows = await this.query<{ id: string }>(`select id from check_assignment where session_id = any($1::uuid[]) order by id`, [sessionIds]);
    return rows.map((r) => r.id);
  }

  async programOrganisation(programId: string): Promise<{ organisationId: string | null; networkId: string | null } | null> {
    const rows = await this.query<{ organisation_id: string | null; network_id: string | null }>(
      `select organisation_id, network_id from library_program where id = $1`,
      [programId],
    );
    return rows[0] ? { organisationId: rows[0].organisation_id, networkId: rows[0].network_id } : null;
  }

  async rounds(assignmentId: string): Promise<CheckRound[]> {
    return this.query<CheckRound>(
      `select r.id, r.kind, r.code, r.opens_on::text as "opensOn", r.closes_on::text as "closesOn",
              (select count(*)::int from check_response s where s.round_id = r.id and s.status <> 'in_progress') as answered,
              (select count(*)::int from (${INVITED_SQL.replace(/\$1/g, 'r.assignment_id').replace(/\$2/g, 'r.opens_on')}) invited) as invited
         from check_round r join check_assignment a on a.id = r.assignment_id
        where r.assignment_id = $1
        order by case r.kind when 'before' then 1 when 'after' then 2 else 3 end`,
      [assignmentId],
    );
  }

  async roundOf(assignmentId: string, kind: CheckKind): Promise<RoundRow | null> {
    const rows = await this.query<RoundRow>(`${ROUND_SELECT} where r.assignment_id = $1 and r.kind = $2`, [assignmentId, kind]);
    return rows[0] ?? null;
  }

  async round(id: string): Promise<RoundRow | null> {
    const rows = await this.query<RoundRow>(`${ROUND_SELECT} where r.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async roundByCode(code: string): Promise<RoundRow | null> {
    const rows = await this.query<RoundRow>(`${ROUND_SELECT} where r.code = $1`, [code]);
    return rows[0] ?? null;
  }

  /** Inserts the round unless the assignment already has one of that kind; false when the code was taken. */
  async insertRound(row: {
    organisationId: string;
    assignmentId: string;
    kind: CheckKind;
    code: string;
    opensOn: string;
    createdBy: string | null;
  }): Promise<boolean> {
    const inserted = await this.query<{ id: string }>(
      `insert into check_round (organisation_id, assignment_id, kind, code, opens_on, created_by)
       values ($1, $2, $3, $4, $5::date, $6) on conflict do nothing returning id`,
      [row.organisationId, row.assignmentId, row.kind, row.code, row.opensOn, row.createdBy],
    );
    return inserted.length === 1;
  }

  async isInvited(assignmentId: string, opensOn: string, personId: string): Promise<boolean> {
    const rows = await this.query<{ person_id: string }>(`select person_id from (${INVITED_SQL}) invited where person_id = $3`, [
      assignmentId,
      opensOn,
      personId,
    ]);
    return rows.length > 0;
  }

  async roster(assignmentId: string, opensOn: string): Promise<KioskRosterEntry[]> {
    return this.query<KioskRosterEntry>(
      `select p.id as "personId", p.first_name || ' ' || left(p.last_name, 1) || '.' as "displayName"
         from person p where p.id in (${INVITED_SQL}) order by p.first_name, p.last_name, p.id`,
      [assignmentId, opensOn],
    );
  }

  /** The session's unit and organisation, to check a check is linked to a session of its own unit. */
  async sessionUnit(sessionId: string): Promise<{ unitId: string; organisationId: string } | null> {
    const rows = await this.query<{ unitId: string; organisationId: string }>(
      `select unit_id as "unitId", organisation_id as "organisationId" from sessions where id = $1`,
      [sessionId],
    );
    return rows[0] ?? null;
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

  // --- support signals and aggregates ---

  /** Finished responses in a unit's assignments with their answers, and the person's name (for the ambassador). */
  async unitResponses(unitId: string): Promise<Array<ResponseData & { name: string; title: string; versionId: string }>> {
    return this.query(
      `select s.id as "responseId", s.person_id as "personId", r.assignment_id as "assignmentId", r.kind, s.status,
              p.first_name || ' ' || p.last_name as name, a.title, a.instrument_version_id as "versionId",
              coalesce((select json_agg(json_build_object('itemKey', c.item_key, 'declined', c.declined, 'value', c.value))
                          from check_answer c where c.response_id = s.id), '[]'::json) as answers
         from check_response s join check_round r on r.id = s.round_id join check_assignment a on a.id = r.assignment_id
         join person p on p.id = s.person_id
        where a.unit_id = $1 and s.status = 'submitted' and p.pseudonymised_at is null
        order by r.created_at, s.id`,
      [unitId],
    );
  }

  async groupAssignments(filter: GroupFilter): Promise<Array<{ id: string; unitId: string; opensOn: string | null; versionId: string }>> {
    return this.query(
      `select a.id, a.unit_id as "unitId", a.instrument_version_id as "versionId",
              (select min(r.opens_on)::text from check_round r where r.assignment_id = a.id) as "opensOn"
         from check_assignment a join check_instrument_version v on v.id = a.instrument_version_id join unit u on u.id = a.unit_id
        where a.organisation_id = $1 and v.instrument_id = $2 and ($3::uuid[] is null or a.unit_id = any($3)) and ($4::uuid is null or u.area_id = $4)
        order by a.id`,
      [filter.organisationId, filter.instrumentId, filter.unitIds, filter.areaId],
    );
  }

  /**
   * Persons expected to answer the assignments, narrowed by job title or employment type. Pseudonymised people stay
   * counted: removing who they were must not change the figures (api/src/personal-data).
   */
  async groupInvited(assignmentIds: string[], filter: GroupFilter): Promise<InvitedPerson[]> {
    return this.query<InvitedPerson>(
      `select distinct a.id as "assignmentId", m.person_id as "personId"
         from check_assignment a
         join lateral (select min(r.opens_on) as opens_on from check_round r where r.assignment_id = a.id) first on first.opens_on is not null
         join unit_membership m on m.unit_id = a.unit_id and m.start_date <= greatest(first.opens_on, current_date)
              and (m.end_date is null or m.end_date >= first.opens_on)
         join person p on p.id = m.person_id
        where a.id = any($1) and a.session_id is null
          and ($2::text is null or p.role_title = $2) and ($3::text is null or p.employment_type = $3)
        union
       select a.id, si.person_id
         from check_assignment a cross join lateral ${invitedTo('a.session_id')} si join person p on p.id = si.person_id
        where a.id = any($1)
          and ($2::text is null or p.role_title = $2) and ($3::text is null or p.employment_type = $3)
        union
       select distinct r.assignment_id, s.person_id
         from check_response s join check_round r on r.id = s.round_id join person p on p.id = s.person_id
        where r.assignment_id = any($1) and s.status <> 'in_progress'
          and ($2::text is null or p.role_title = $2) and ($3::text is null or p.employment_type = $3)`,
      [assignmentIds, filter.roleTitle, filter.employmentType],
    );
  }

  async groupResponses(assignmentIds: string[], filter: GroupFilter): Promise<ResponseData[]> {
    return this.query<ResponseData>(
      `select s.id as "responseId", s.person_id as "personId", r.assignment_id as "assignmentId", r.kind, s.status,
              coalesce((select json_agg(json_build_object('itemKey', c.item_key, 'declined', c.declined, 'value', c.value))
                          from check_answer c where c.response_id = s.id), '[]'::json) as answers
         from check_response s join check_round r on r.id = s.round_id join person p on p.id = s.person_id
        where r.assignment_id = any($1) and s.status <> 'in_progress'
          and ($2::text is null or p.role_title = $2) and ($3::text is null or p.employment_type = $3)
        order by s.id`,
      [assignmentIds, filter.roleTitle, filter.employmentType],
    );
  }
}
