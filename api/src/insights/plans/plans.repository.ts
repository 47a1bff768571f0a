import { Injectable } from '@nestjs/common';
import { EmploymentType, PlanEntry } from '@kunna/contracts';
import { Db } from '../../database/db';
import { ATTENDED_SQL, LOCAL_TODAY } from '../../database/participation.sql';

export interface TargetRow {
  id: string;
  unitId: string;
  organisationId: string;
  programId: string;
  programTitle: string;
  employmentTypes: EmploymentType[];
  targetPercent: number;
  dueDate: string;
  note: string | null;
  createdOn: string;
}

export interface TargetMemberRow {
  targetId: string;
  personId: string;
  name: string;
  employmentType: EmploymentType;
  stepsTotal: number;
  stepsDone: number;
  missing: string[];
}

const TARGET_SELECT = `
  select t.id, t.unit_id as "unitId", t.organisation_id as "organisationId", t.program_id as "programId", p.title as "programTitle",
         t.employment_types as "employmentTypes", t.target_percent as "targetPercent", t.due_date::text as "dueDate", t.note,
         (t.created_at at time zone 'Europe/Stockholm')::date::text as "createdOn"
    from insight_target t join library_program p on p.id = t.program_id`;

/** A unit's year plan entries and targets. Every read is by unit (insight_plan_entry_unit_idx, insight_target_unit_idx). */
@Injectable()
export class PlansRepository {
  constructor(private readonly db: Db) {}

  async entries(unitId: string, fromMonth: string, toMonth: string): Promise<PlanEntry[]> {
    const rows: Array<{
      id: string;
      month: string;
      program_id: string | null;
      program_title: string | null;
      series_id: string | null;
      module_id: string | null;
      module_title: string | null;
      note: string | null;
    }> = await this.db.manager.query(
      `select e.id, e.month::text as month, e.program_id, p.title as program_title, e.series_id, e.module_id,
              (select v.title from library_module_version v where v.module_id = e.module_id and v.status = 'published'
                order by v.version_number desc limit 1) as module_title, e.note
         from insight_plan_entry e left join library_program p on p.id = e.program_id
        where e.unit_id = $1 and e.month between $2 and $3
        order by e.month, e.created_at, e.id`,
      [unitId, fromMonth, toMonth],
    );
    return rows.map((row) => ({
      id: row.id,
      month: row.month,
      program: row.program_id ? { id: row.program_id, title: row.program_title ?? '' } : null,
      seriesId: row.series_id,
      module: row.module_id ? { id: row.module_id, title: row.module_title ?? '' } : null,
      note: row.note,
    }));
  }

  async sessionsPerMonth(unitId: string, fromMonth: string, toMonth: string): Promise<Map<string, number>> {
    const rows: Array<{ month: string; n: number }> = await this.db.manager.query(
      `select date_trunc('month', s.date)::date::text as month, count(*)::int as n
         from sessions s
        where s.unit_id = $1 and s.status = 'scheduled' and s.date >= $2 and s.date < ($3::date + interval '1 month')
        group by 1`,
      [unitId, fromMonth, toMonth],
    );
    return new Map(rows.map((row) => [row.month, row.n]));
  }

  async entry(id: string): Promise<{ id: string; unitId: string; month: string } | null> {
    const rows = await this.db.manager.query<Array<{ id: string; unitId: string; month: string }>>(
      `select id, unit_id as "unitId", month::text as month from insight_plan_entry where id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async insertEntry(entry: {
    id: string;
    organisationId: string;
    unitId: string;
    month: string;
    programId: string | null;
    seriesId: string | null;
    moduleId: string | null;
    note: string | null;
    createdBy: string;
  }): Promise<boolean> {
    const rows = await this.db.manager.query<unknown[]>(
      `insert into insight_plan_entry (id, organisation_id, unit_id, month, program_id, series_id, module_id, note, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (id) do nothing returning id`,
      [entry.id, entry.organisationId, entry.unitId, entry.month, entry.programId, entry.seriesId, entry.moduleId, entry.note, entry.createdBy],
    );
    return rows.length > 0;
  }

  async entryFields(
    id: string,
    unitId: string,
  ): Promise<{ month: string; programId: string | null; seriesId: string | null; moduleId: string | null; note: string | null } | null> {
    const rows = await this.db.manager.query<
      Array<{ month: string; programId: string | null; seriesId: string | null; moduleId: string | null; note: string | null }>
    >(
      `select month::text as month, program_id as "programId", series_id as "seriesId", module_id as "moduleId", note
         from insight_plan_entry where id = $1 and unit_id = $2`,
      [id, unitId],
    );
    return rows[0] ?? null;
  }

  async updateEntry(
    id: string,
    change: { month: string; programId: string | null; seriesId: string | null; moduleId: string | null; note: string | null },
  ): Promise<void> {
    await this.db.manager.query(`update insight_plan_entry set month = $2, program_id = $3, series_id = $4, module_id = $5, note = $6 where id = $1`, [
      id,
      change.month,
      change.programId,
      change.seriesId,
      change.moduleId,
      change.note,
    ]);
  }

  async deleteEntry(id: string, unitId: string): Promise<boolean> {
    const rows: Array<{ n: number }> = await this.db.manager.query(
      `with gone as (delete from insight_plan_entry where id = $1 and unit_id = $2 returning id) select count(*)::int as n from gone`,
      [id, unitId],
    );
    return rows[0].n > 0;
  }

  /** Can the unit's organisation use the program (its own or the network's, not archived)? */
  async programUsable(programId: string, organisationId: string): Promise<boolean> {
    const rows = await this.db.manager.query<unknown[]>(
      `select 1 from library_program p join organisation o on o.id = $2
        where p.id = $1 and p.archived_at is null and (p.organisation_id = o.id or (p.organisation_id is null and p.network_id = o.network_id))`,
      [programId, organisationId],
    );
    return rows.length > 0;
  }

  async moduleUsable(moduleId: string, organisationId: string): Promise<boolean> {
    const rows = await this.db.manager.query<unknown[]>(
      `select 1 from library_module m join organisation o on o.id = $2
        where m.id = $1 and m.archived_at is null and (m.organisation_id = o.id or (m.organisation_id is null and m.network_id = o.network_id))`,
      [moduleId, organisationId],
    );
    return rows.length > 0;
  }

  async seriesInUnit(seriesId: string, unitId: string): Promise<boolean> {
    const rows = await this.db.manager.query<unknown[]>(`select 1 from session_series where id = $1 and unit_id = $2`, [seriesId, unitId]);
    return rows.length > 0;
  }

  async targets(unitId: string): Promise<TargetRow[]> {
    return this.db.manager.query(`${TARGET_SELECT} where t.unit_id = $1 order by t.due_date, p.title, t.id`, [unitId]);
  }

  async target(id: string): Promise<TargetRow | null> {
    const rows = await this.db.manager.query<TargetRow[]>(`${TARGET_SELECT} where t.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /**
   * The unit's other target for the program, if any. Locks the unit's row first, so two requests adding a target for
   * the same program one after the other see each other's (the second waits for the first to commit).
   */
  async targetForProgram(unitId: string, programId: string, exceptTargetId: string): Promise<string | null> {
    await this.db.manager.query(`select 1 from unit where id = $1 for update`, [unitId]);
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `select id from insight_target where unit_id = $1 and program_id = $2 and id <> $3 limit 1`,
      [unitId, programId, exceptTargetId],
    );
    return rows[0]?.id ?? null;
  }

  async insertTarget(target: {
    id: string;
    organisationId: string;
    unitId: string;
    programId: string;
    employmentTypes: EmploymentType[];
    targetPercent: number;
    dueDate: string;
    note: string | null;
    createdBy: string;
  }): Promise<boolean> {
    const rows = await this.db.manager.query<unknown[]>(
      `insert into insight_target (id, organisation_id, unit_id, program_id, employment_types, target_percent, due_date, note, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (id) do nothing returning id`,
      [
        target.id,
        target.organisationId,
        target.unitId,
        target.programId,
        target.employmentTypes,
        target.targetPercent,
        target.dueDate,
        target.note,
        target.createdBy,
      ],
    );
    return rows.length > 0;
  }

  async updateTarget(
    id: string,
    change: { programId: string; employmentTypes: EmploymentType[]; targetPercent: number; dueDate: string; note: string | null },
  ): Promise<void> {
    await this.db.manager.query(
      `update insight_target set program_id = $2, employment_types = $3, target_percent = $4, due_date = $5, note = $6, updated_at = now()
        where id = $1`,
      [id, change.programId, change.employmentTypes, change.targetPercent, change.dueDate, change.note],
    );
  }

  async deleteTarget(id: string): Promise<void> {
    await this.db.manager.query(`delete from insight_target where id = $1`, [id]);
  }

  /**
   * For each target of the unit, each current member of the listed employment types with the program's steps
   * attended on or before the due date (a session of the step's module or of an adaptation of it).
   */
  async targetMembers(unitId: string): Promise<TargetMemberRow[]> {
    const rows: Array<{
      target_id: string;
      person_id: string;
      name: string;
      employment_type: EmploymentType;
      steps_total: number;
      steps_done: number;
      missing: string[] | null;
    }> = await this.db.manager.query(
      `with members as (
         select distinct p.id, p.first_name || ' ' || p.last_name as name, p.last_name, p.first_name, p.employment_type
           from unit_membership um join person p on p.id = um.person_id
          where um.unit_id = $1 and um.start_date <= ${LOCAL_TODAY} and (um.end_date is null or um.end_date >= ${LOCAL_TODAY})
            and (p.end_date is null or p.end_date >= ${LOCAL_TODAY}) and p.pseudonymised_at is null),
       population as (
         select t.id as target_id, t.program_id, t.due_date, mem.*
           from insight_target t join members mem on mem.employment_type = any(t.employment_types)
          where t.unit_id = $1),
       steps as (
         select pop.target_id, pop.id as person_id, st.position, st.module_id,
                exists (select 1 from attendance_marks m
                          join sessions s on s.id = m.session_id and s.status = 'scheduled' and s.date <= pop.due_date
                          join library_module_version v on v.id = s.module_version_id
                          join library_module lm on lm.id = v.module_id
                         where m.person_id = pop.id and (lm.id = st.module_id or lm.source_module_id = st.module_id) and ${ATTENDED_SQL}) as done
           from population pop join library_program_step st on st.program_id = pop.program_id)
       select pop.target_id, pop.id as person_id, pop.name, pop.employment_type,
              count(st.position)::int as steps_total, count(st.position) filter (where st.done)::int as steps_done,
              array_agg((select v.title from library_module_version v where v.module_id = st.module_id and v.status = 'published'
                          order by v.version_number desc limit 1) order by st.position) filter (where not st.done) as missing
         from population pop
         left join steps st on st.target_id = pop.target_id and st.person_id = pop.id
        group by pop.target_id, pop.id, pop.name, pop.last_name, pop.first_name, pop.employment_type
        order by pop.target_id, pop.last_name, pop.first_name, pop.id`,
      [unitId],
    );
    return rows.map((row) => ({
      targetId: row.target_id,
      personId: row.person_id,
      name: row.name,
      employmentType: row.employment_type,
      stepsTotal: row.steps_total,
      stepsDone: row.steps_done,
      missing: row.missing ?? [],
    }));
  }
}
