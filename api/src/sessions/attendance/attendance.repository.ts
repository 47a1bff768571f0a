import { Injectable } from '@nestjs/common';
import { AttendanceRow, AttendanceStatus, MarkOutcome, WalkInCandidate } from '@kunna/contracts';
import { Db } from '../../database/db';
import { ATTENDED_SQL } from '../../database/participation.sql';

export interface MarkToApply {
  id: string;
  organisationId: string;
  sessionId: string;
  personId: string | null;
  walkInName: string | null;
  walkIn: boolean;
  status: AttendanceStatus;
  minutes: number | null;
  recordedAt: string;
  recordedBy: string;
}

/** Attendance marks of a session: the list, the offline-safe batch (receipts, the mark in force), clearing, walk-ins. */
@Injectable()
export class AttendanceRepository {
  constructor(private readonly db: Db) {}

  /** Which of these people the session invites (the session_invitees rule), in one query for a whole batch. */
  async invitedAmong(sessionId: string, personIds: string[]): Promise<Set<string>> {
    if (personIds.length === 0) return new Set();
    const rows: Array<{ person_id: string }> = await this.db.manager.query(
      `select person_id from session_invitees where session_id = $1 and person_id = any($2::uuid[])`,
      [sessionId, personIds],
    );
    return new Set(rows.map((row) => row.person_id));
  }

  /** Invited people (marked or not), marked people who were not invited, and walk-ins by name. */
  async attendance(sessionId: string): Promise<AttendanceRow[]> {
    const rows: Array<{
      person_id: string | null;
      person_name: string | null;
      employee_number: string | null;
      walk_in_name: string | null;
      invited: boolean;
      status: AttendanceStatus | null;
      minutes: number | null;
      mark_id: string | null;
      recorded_at: Date | null;
      recorded_by_id: string | null;
      recorded_by_name: string | null;
      /** Only for the order: a union is ordered by its own columns. */
      sort_last: string;
      sort_first: string;
    }> = await this.db.manager.query(
      `with invited as (select person_id from session_invitees where session_id = $1),
            people as (select person_id from invited union select person_id from attendance_marks where session_id = $1 and person_id is not null)
       select p.id as person_id, p.first_name || ' ' || p.last_name as person_name, p.employee_number, null as walk_in_name,
              exists (select 1 from invited i where i.person_id = p.id) as invited,
              m.status, m.minutes, m.id as mark_id, m.recorded_at, rb.id as recorded_by_id, rb.first_name || ' ' || rb.last_name as recorded_by_name,
              p.last_name as sort_last, p.first_name as sort_first
         from people x join person p on p.id = x.person_id
         left join attendance_marks m on m.session_id = $1 and m.person_id = p.id
         left join person rb on rb.id = m.recorded_by
       union all
       select null, null, null, m.walk_in_name, false, m.status, m.minutes, m.id, m.recorded_at, rb.id, rb.first_name || ' ' || rb.last_name,
              m.walk_in_name, ''
         from attendance_marks m join person rb on rb.id = m.recorded_by
        where m.session_id = $1 and m.person_id is null
       order by invited desc, sort_last, sort_first`,
      [sessionId],
    );
    return rows.map((row) => ({
      person: row.person_id ? { id: row.person_id, name: row.person_name ?? '', employeeNumber: row.employee_number ?? '' } : null,
      walkInName: row.walk_in_name,
      walkIn: !row.invited,
      status: row.status,
      minutes: row.minutes,
      markId: row.mark_id,
      recordedAt: row.recorded_at ? new Date(row.recorded_at).toISOString() : null,
      recordedBy: row.recorded_by_id ? { id: row.recorded_by_id, name: row.recorded_by_name ?? '' } : null,
    }));
  }

  /** The receipt of a mark id received before, if any. */
  async receipts(markIds: string[]): Promise<Map<string, { sessionId: string; personId: string | null; walkInName: string | null }>> {
    const rows: Array<{ markId: string; sessionId: string; personId: string | null; walkInName: string | null }> = await this.db.manager.query(
      `select mark_id as "markId", session_id as "sessionId", person_id as "personId", walk_in_name as "walkInName"
         from attendance_mark_receipts where mark_id = any($1::uuid[])`,
      [markIds],
    );
    return new Map(rows.map(({ markId, ...receipt }) => [markId, receipt]));
  }

  /**
   * Applies a batch of marks given in lock order (by participant, then mark id), in a few statements rather than two
   * per mark. The receipt insert makes a mark id count once: a concurrent request with the same id waits on the
   * receipt's primary key and then finds it taken (replayed). The upsert keeps, per person (or walk-in name), the mark
   * with the latest recordedAt, ties broken by the larger mark id, whatever order the marks arrive in. A person with
   * one mark in the batch joins the run of such people upserted in one statement; a person with several, and every
   * walk-in (whose name matching is PostgreSQL's lower()), is upserted alone in turn, since one statement may not
   * update a row twice. Runs and single upserts follow the given order, so concurrent batches lock rows in one order.
   */
  async applyMarks(marks: readonly MarkToApply[]): Promise<MarkOutcome[]> {
    const outcomes = new Array<MarkOutcome>(marks.length).fill(MarkOutcome.Replayed);
    const first = new Map<string, number>();
    marks.forEach((mark, index) => {
      if (!first.has(mark.id)) first.set(mark.id, index);
    });
    const unique = [...first.values()].map((index) => marks[index]);
    const received: Array<{ mark_id: string }> = await this.db.manager.query(
      `insert into attendance_mark_receipts (mark_id, organisation_id, session_id, person_id, walk_in_name, status, minutes, recorded_at,
                                             recorded_by, outcome)
       select t.*, 'applied'
         from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::int[], $8::timestamptz[], $9::uuid[]) as t
       on conflict (mark_id) do nothing returning mark_id`,
      [
        unique.map((m) => m.id),
        unique.map((m) => m.organisationId),
        unique.map((m) => m.sessionId),
        unique.map((m) => m.personId),
        unique.map((m) => m.walkInName),
        unique.map((m) => m.status),
        unique.map((m) => m.minutes),
        unique.map((m) => m.recordedAt),
        unique.map((m) => m.recordedBy),
      ],
    );
    const fresh = new Set(received.map((row) => row.mark_id));
    const toApply = [...first.entries()]
      .filter(([id]) => fresh.has(id))
      .map(([, index]) => index)
      .sort((a, b) => a - b);
    const marksPerPerson = new Map<string, number>();
    for (const index of toApply) {
      const personId = marks[index].personId;
      if (personId !== null) marksPerPerson.set(personId, (marksPerPerson.get(personId) ?? 0) + 1);
    }
    let run: number[] = [];
    const upsert = async (indexes: number[]) => {
      const applied = await this.upsertMarks(indexes.map((index) => marks[index]));
      for (const index of indexes) outcomes[index] = applied.has(marks[index].id) ? MarkOutcome.Applied : MarkOutcome.Superseded;
    };
    for (const index of toApply) {
      const personId = marks[index].personId;
      if (personId !== null && marksPerPerson.get(personId) === 1) {
        run.push(index);
        continue;
      }
      if (run.length > 0) await upsert(run);
      run = [];
      await upsert([index]);
    }
    if (run.length > 0) await upsert(run);
    const superseded = marks.filter((_, index) => outcomes[index] === MarkOutcome.Superseded).map((mark) => mark.id);
    if (superseded.length > 0) {
      await this.db.manager.query(`update attendance_mark_receipts set outcome = 'superseded' where mark_id = any($1::uuid[])`, [superseded]);
    }
    return outcomes;
  }

  /** A mark id received for the session: its receipt's outcome, and whether it is the participant's mark in force. */
  async markState(sessionId: string, markId: string): Promise<{ outcome: string; inForce: boolean } | null> {
    const rows: Array<{ outcome: string; in_force: boolean }> = await this.db.manager.query(
      `select r.outcome, exists (select 1 from attendance_marks m where m.id = r.mark_id) as in_force
         from attendance_mark_receipts r where r.mark_id = $1 and r.session_id = $2`,
      [markId, sessionId],
    );
    return rows[0] ? { outcome: rows[0].outcome, inForce: rows[0].in_force } : null;
  }

  /**
   * Removes the mark in force with this id and turns its receipt into the tombstone (outcome `cleared`, at the later of
   * `clearedAt` and the mark's own time). False when the mark was no longer in force (cleared or replaced meanwhile).
   */
  async clearMark(sessionId: string, markId: string, clearedAt: string, clearedBy: string): Promise<boolean> {
    const deleted: Array<{ id: string; recorded_at: Date }> = await this.db.manager.query(
      `with gone as (delete from attendance_marks where id = $1 and session_id = $2 returning id, recorded_at) select * from gone`,
      [markId, sessionId],
    );
    if (deleted.length === 0) return false;
    await this.db.manager.query(
      `update attendance_mark_receipts set outcome = 'cleared', cleared_at = greatest($2::timestamptz, $3::timestamptz), cleared_by = $4
        where mark_id = $1`,
      [markId, clearedAt, deleted[0].recorded_at, clearedBy],
    );
    return true;
  }

  /**
   * Upserts marks that are all of people or all one walk-in, each participant at most once; the ids that took effect.
   * A mark recorded before the participant's mark was cleared (a late sync) is left out: the clearing is newer.
   */
  private async upsertMarks(marks: readonly MarkToApply[]): Promise<Set<string>> {
    const target =
      marks[0].personId !== null ? `(session_id, person_id) where person_id is not null` : `(session_id, lower(walk_in_name)) where person_id is null`;
    const applied: Array<{ id: string }> = await this.db.manager.query(
      `insert into attendance_marks (id, organisation_id, session_id, person_id, walk_in_name, walk_in, status, minutes, recorded_at, recorded_by)
       select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::boolean[], $7::text[], $8::int[], $9::timestamptz[], $10::uuid[])
                  as t(id, organisation_id, session_id, person_id, walk_in_name, walk_in, status, minutes, recorded_at, recorded_by)
        where not exists (select 1 from attendance_mark_receipts r
                           where r.session_id = t.session_id and r.outcome = 'cleared' and r.cleared_at >= t.recorded_at
                             and (case when t.person_id is not null then r.person_id = t.person_id
                                       else r.person_id is null and lower(r.walk_in_name) = lower(t.walk_in_name) end))
       on conflict ${target}
       do update set id = excluded.id, walk_in_name = excluded.walk_in_name, walk_in = excluded.walk_in, status = excluded.status,
                     minutes = excluded.minutes, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by, received_at = now()
        where (excluded.recorded_at, excluded.id) > (attendance_marks.recorded_at, attendance_marks.id)
       returning id`,
      [
        marks.map((m) => m.id),
        marks.map((m) => m.organisationId),
        marks.map((m) => m.sessionId),
        marks.map((m) => m.personId),
        marks.map((m) => m.walkInName),
        marks.map((m) => m.walkIn),
        marks.map((m) => m.status),
        marks.map((m) => m.minutes),
        marks.map((m) => m.recordedAt),
        marks.map((m) => m.recordedBy),
      ],
    );
    return new Set(applied.map((row) => row.id));
  }

  /**
   * Has the person attended (see ATTENDED_SQL) a session of the program for every step's module? Then the day the last
   * step was first completed and the modules the program qualifies for.
   */
  async programCompletion(personId: string, programId: string): Promise<{ completedOn: string; qualifiesModuleIds: string[] } | null> {
    const rows: Array<{ steps: number; done: number; completed_on: string | null; qualifies: string[] | null }> = await this.db.manager.query(
      `with steps as (select position, module_id from library_program_step where program_id = $2),
            done as (select st.position, min(s.date) as day
                       from steps st
                       join library_module_version v on v.module_id = st.module_id
                       join sessions s on s.module_version_id = v.id and s.program_id = $2 and s.status = 'scheduled'
                       join attendance_marks m on m.session_id = s.id and m.person_id = $1 and ${ATTENDED_SQL}
                      group by st.position)
       select (select count(*)::int from steps) as steps, (select count(*)::int from done) as done,
              (select max(day)::text from done) as completed_on,
              array(select module_id from library_program_qualification where program_id = $2) as qualifies`,
      [personId, programId],
    );
    const row = rows[0];
    if (row.steps === 0 || row.done < row.steps || !row.completed_on) return null;
    return { completedOn: row.completed_on, qualifiesModuleIds: row.qualifies ?? [] };
  }

  /** People of the organisation matching a name, or exactly an employee number, for walk-ins: names and units only. */
  async walkInCandidates(organisationId: string, query: string, day: string): Promise<WalkInCandidate[]> {
    const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows: Array<{ id: string; name: string; unit_names: string[] | null }> = await this.db.manager.query(
      `select p.id, p.first_name || ' ' || p.last_name as name,
              array(select u.name from unit_membership m join unit u on u.id = m.unit_id
                     where m.person_id = p.id and m.start_date <= $3::date and (m.end_date is null or m.end_date >= $3::date) order by u.name) as unit_names
         from person p
        where p.organisation_id = $1 and p.pseudonymised_at is null and (p.end_date is null or p.end_date >= $3::date)
          and (lower(p.employee_number) = lower($2) or (p.first_name || ' ' || p.last_name) ilike $4)
        order by (lower(p.employee_number) = lower($2)) desc, p.last_name, p.first_name
        limit 20`,
      [organisationId, query, day, like],
    );
    return rows.map((row) => ({ id: row.id, name: row.name, unitNames: row.unit_names ?? [] }));
  }
}
