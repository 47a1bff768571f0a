import { Injectable } from '@nestjs/common';
import { CheckKind, CheckRound, KioskRosterEntry } from '@kunna/contracts';
import { Db } from '../../database/db';
import type { ScopePosition } from '../../auth';
import { ISO } from '../../database/iso-time.sql';

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

/** Check assignments of a unit, their rounds and who is asked to answer them. */
@Injectable()
export class RoundsRepository {
  constructor(private readonly db: Db) {}

  private query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.db.manager.query(sql, params);
  }

  async unitPosition(unitId: string): Promise<(ScopePosition & { name: string }) | null> {
    const rows = await this.query<{ network_id: string; organisation_id: string; area_id: string; name: string }>(
      `select o.network_id, u.organisation_id, u.area_id, u.name from unit u join organisation o on o.id = u.organisation_id where u.id = $1`,
      [unitId],
    );
    const row = rows[0];
    return row ? { networkId: row.network_id, organisationId: row.organisation_id, areaIds: [row.area_id], unitIds: [unitId], name: row.name } : null;
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
}
