import { Injectable } from '@nestjs/common';
import { Db } from '../../database/db';

/** Recurring series: the series row, where it sits (for the access guard), its sessions by position, the program it follows. */
@Injectable()
export class SeriesRepository {
  constructor(private readonly db: Db) {}

  /** A program the organisation may use, with its steps' modules in order. */
  async program(programId: string, networkId: string, organisationId: string): Promise<{ id: string; title: string; moduleIds: string[] } | null> {
    const rows: Array<{ id: string; title: string; module_ids: string[] | null }> = await this.db.manager.query(
      `select p.id, p.title, array(select module_id from library_program_step where program_id = p.id order by position) as module_ids
         from library_program p
        where p.id = $1 and p.archived_at is null and p.network_id = $2 and (p.organisation_id is null or p.organisation_id = $3)`,
      [programId, networkId, organisationId],
    );
    const row = rows[0];
    return row ? { id: row.id, title: row.title, moduleIds: row.module_ids ?? [] } : null;
  }

  async insertSeries(series: {
    id: string | null;
    organisationId: string;
    unitId: string;
    programId: string | null;
    intervalWeeks: number;
    count: number;
    createdBy: string;
  }): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `insert into session_series (id, organisation_id, unit_id, program_id, interval_weeks, occurrence_count, created_by)
       values (coalesce($1::uuid, gen_random_uuid()), $2, $3, $4, $5, $6, $7) returning id`,
      [series.id, series.organisationId, series.unitId, series.programId, series.intervalWeeks, series.count, series.createdBy],
    );
    return rows[0].id;
  }

  async seriesRow(
    seriesId: string,
    lock = false,
  ): Promise<{
    id: string;
    organisationId: string;
    unitId: string;
    areaId: string;
    programId: string | null;
    programTitle: string | null;
    intervalWeeks: number;
    count: number;
  } | null> {
    const rows = await this.db.manager.query<
      Array<{
        id: string;
        organisationId: string;
        unitId: string;
        areaId: string;
        programId: string | null;
        programTitle: string | null;
        intervalWeeks: number;
        count: number;
      }>
    >(
      `select ss.id, ss.organisation_id as "organisationId", ss.unit_id as "unitId", u.area_id as "areaId", ss.program_id as "programId",
              p.title as "programTitle", ss.interval_weeks as "intervalWeeks", ss.occurrence_count as count
         from session_series ss join unit u on u.id = ss.unit_id left join library_program p on p.id = ss.program_id
        where ss.id = $1 ${lock ? 'for update of ss' : ''}`,
      [seriesId],
    );
    return rows[0] ?? null;
  }

  /** Where a series sits, for the access guard: its unit and everyone facilitating one of its sessions. */
  async seriesPosition(seriesId: string): Promise<{ organisationId: string; unitId: string; areaId: string; facilitatorIds: string[] } | null> {
    const rows = await this.db.manager.query<Array<{ organisationId: string; unitId: string; areaId: string; facilitatorIds: string[] }>>(
      `select ss.organisation_id as "organisationId", ss.unit_id as "unitId", u.area_id as "areaId",
              array(select distinct f.person_id from sessions s join session_facilitators f on f.session_id = s.id where s.series_id = ss.id)
                as "facilitatorIds"
         from session_series ss join unit u on u.id = ss.unit_id where ss.id = $1`,
      [seriesId],
    );
    return rows[0] ?? null;
  }

  /** The series' session ids at or after a position (`following`) or at it (`one`), in order. */
  async seriesSessionIds(seriesId: string, position: number, following: boolean): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `select id from sessions where series_id = $1 and (case when $3 then series_position >= $2 else series_position = $2 end)
        order by series_position, starts_at for update`,
      [seriesId, position, following],
    );
    return rows.map((row) => row.id);
  }

  async markedSessionCount(sessionIds: string[]): Promise<number> {
    const rows: Array<{ count: number }> = await this.db.manager.query(
      `select count(distinct session_id)::int as count from attendance_marks where session_id = any($1::uuid[])`,
      [sessionIds],
    );
    return rows[0].count;
  }
}
