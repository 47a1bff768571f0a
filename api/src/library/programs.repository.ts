import { Injectable } from '@nestjs/common';
import { ModuleRef, Ownership, ProgramAssignment, ProgramAssignmentTarget, ProgramDeadlineBase, ProgramKind, ProgramStep } from '@kunna/contracts';
import { Db } from '../database/db';

export interface ProgramHeader {
  id: string;
  networkId: string;
  organisationId: string | null;
  archived: boolean;
}

export interface ProgramRow extends ProgramHeader {
  ownership: Ownership;
  title: string;
  summary: string;
  kind: ProgramKind;
  completeWithinDays: number | null;
  deadlineBase: ProgramDeadlineBase;
  stepCount: number;
  totalMinutes: number;
}

export interface ProgramContent {
  title: string;
  summary: string;
  kind: ProgramKind;
  completeWithinDays: number | null;
  deadlineBase: ProgramDeadlineBase;
}

export interface StepModuleRow {
  id: string;
  organisationId: string | null;
  networkId: string;
  archived: boolean;
  published: boolean;
}

export interface AssignmentRow {
  id: string;
  organisationId: string;
  programId: string;
  targetType: ProgramAssignmentTarget;
  unitId: string | null;
  areaId: string | null;
  role: string | null;
  roleTitle: string | null;
  startDate: string;
  endDate: string | null;
}

/** Which assignments a caller sees, from their grants (computed by the service). */
export interface AssignmentVisibility {
  organisationWide: boolean;
  areaIds: string[];
  unitIds: string[];
}

const PROGRAM_COLUMNS = `
  p.id, p.network_id, p.organisation_id, p.ownership, p.title, p.summary, p.kind, p.complete_within_days, p.deadline_base,
  p.archived_at is not null as archived,
  (select count(*)::int from library_program_step s where s.program_id = p.id) as step_count,
  (select coalesce(sum(v.duration_minutes), 0)::int from library_program_step s
     join lateral (select duration_minutes from library_module_version v where v.module_id = s.module_id and v.status = 'published'
                    order by v.version_number desc limit 1) v on true
    where s.program_id = p.id) as total_minutes`;

interface ProgramDbRow {
  id: string;
  network_id: string;
  organisation_id: string | null;
  ownership: Ownership;
  title: string;
  summary: string;
  kind: ProgramKind;
  complete_within_days: number | null;
  deadline_base: ProgramDeadlineBase;
  archived: boolean;
  step_count: number;
  total_minutes: number;
}

function toProgram(row: ProgramDbRow): ProgramRow {
  return {
    id: row.id,
    networkId: row.network_id,
    organisationId: row.organisation_id,
    ownership: row.ownership,
    title: row.title,
    summary: row.summary,
    kind: row.kind,
    completeWithinDays: row.complete_within_days,
    deadlineBase: row.deadline_base,
    archived: row.archived,
    stepCount: row.step_count,
    totalMinutes: row.total_minutes,
  };
}

const ROLE_LABELS: Record<string, string> = { ambassador: 'Ombud', manager: 'Enhetschefer' };

const ASSIGNMENT_SELECT = `
  select a.id, a.program_id, p.title as program_title, a.target_type, coalesce(a.unit_id, a.area_id) as target_id,
         case a.target_type when 'unit' then u.name when 'area' then ar.name when 'organisation' then o.name
                            when 'role' then a.role else a.role_title end as target_name,
         a.start_date::text as start_date, a.end_date::text as end_date, a.note,
         (a.start_date <= current_date and (a.end_date is null or a.end_date >= current_date)) as active
    from library_program_assignment a
    join library_program p on p.id = a.program_id
    join organisation o on o.id = a.organisation_id
    left join unit u on u.id = a.unit_id
    left join area ar on ar.id = a.area_id`;

interface AssignmentDbRow {
  id: string;
  program_id: string;
  program_title: string;
  target_type: ProgramAssignmentTarget;
  target_id: string | null;
  target_name: string;
  start_date: string;
  end_date: string | null;
  note: string | null;
  active: boolean;
}

function toAssignment(row: AssignmentDbRow): ProgramAssignment {
  return {
    id: row.id,
    programId: row.program_id,
    programTitle: row.program_title,
    targetType: row.target_type,
    targetId: row.target_id,
    targetName: row.target_type === ProgramAssignmentTarget.Role ? (ROLE_LABELS[row.target_name] ?? row.target_name) : row.target_name,
    startDate: row.start_date,
    endDate: row.end_date,
    note: row.note,
    active: row.active,
  };
}

@Injectable()
export class ProgramsRepository {
  constructor(private readonly db: Db) {}

  async header(programId: string, lock = false): Promise<ProgramHeader | null> {
    const rows: Array<{ id: string; network_id: string; organisation_id: string | null; archived: boolean }> = await this.db.manager.query(
      `select id, network_id, organisation_id, archived_at is not null as archived from library_program where id = $1
         ${lock ? 'for update' : ''}`,
      [programId],
    );
    const row = rows[0];
    return row ? { id: row.id, networkId: row.network_id, organisationId: row.organisation_id, archived: row.archived } : null;
  }

  async list(networkId: string, organisationId: string, filter: { kind?: ProgramKind; includeArchived: boolean }): Promise<ProgramRow[]> {
    const rows: ProgramDbRow[] = await this.db.manager.query(
      `select ${PROGRAM_COLUMNS} from library_program p
        where p.network_id = $1 and (p.organisation_id is null or p.organisation_id = $2)
          and ($3 or p.archived_at is null) and ($4::text is null or p.kind = $4)
        order by p.archived_at is not null, lower(p.title), p.id`,
      [networkId, organisationId, filter.includeArchived, filter.kind ?? null],
    );
    return rows.map(toProgram);
  }

  async program(programId: string): Promise<ProgramRow | null> {
    const rows: ProgramDbRow[] = await this.db.manager.query(`select ${PROGRAM_COLUMNS} from library_program p where p.id = $1`, [programId]);
    return rows[0] ? toProgram(rows[0]) : null;
  }

  async steps(programId: string): Promise<ProgramStep[]> {
    const rows: Array<{
      position: number;
      module_id: string;
      days_after_previous: number;
      note: string | null;
      title: string | null;
      duration_minutes: number | null;
    }> = await this.db.manager.query(
      `select s.position, s.module_id, s.days_after_previous, s.note, v.title, v.duration_minutes
         from library_program_step s
         left join lateral (select title, duration_minutes from library_module_version v
                             where v.module_id = s.module_id and v.status = 'published'
                             order by v.version_number desc limit 1) v on true
        where s.program_id = $1 order by s.position`,
      [programId],
    );
    let offset = 0;
    return rows.map((row) => {
      offset += row.days_after_previous;
      return {
        position: row.position,
        moduleId: row.module_id,
        moduleTitle: row.title ?? '',
        durationMinutes: row.duration_minutes,
        daysAfterPrevious: row.days_after_previous,
        dayOffset: offset,
        note: row.note,
      };
    });
  }

  async qualifiesFor(programId: string): Promise<ModuleRef[]> {
    return this.db.manager.query(
      `select q.module_id as id, coalesce(v.title, '') as title from library_program_qualification q
         left join lateral (select title from library_module_version v where v.module_id = q.module_id and v.status = 'published'
                             order by v.version_number desc limit 1) v on true
        where q.program_id = $1 order by v.title`,
      [programId],
    );
  }

  /** The modules named by ids, as far as they exist in the network. */
  async stepModules(networkId: string, moduleIds: string[]): Promise<StepModuleRow[]> {
    if (moduleIds.length === 0) return [];
    const rows: Array<{ id: string; organisation_id: string | null; network_id: string; archived: boolean; published: boolean }> = await this.db.manager.query(
      `select m.id, m.organisation_id, m.network_id, m.archived_at is not null as archived,
                exists (select 1 from library_module_version v where v.module_id = m.id and v.status = 'published') as published
           from library_module m where m.id = any($1::uuid[]) and m.network_id = $2`,
      [moduleIds, networkId],
    );
    return rows.map((row) => ({
      id: row.id,
      organisationId: row.organisation_id,
      networkId: row.network_id,
      archived: row.archived,
      published: row.published,
    }));
  }

  async insertProgram(
    program: ProgramContent & { networkId: string; organisationId: string | null; personId: string | null; starterKey?: string },
  ): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `insert into library_program (network_id, organisation_id, ownership, title, summary, kind, complete_within_days, deadline_base,
                                    starter_key, created_by, updated_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) returning id`,
      [
        program.networkId,
        program.organisationId,
        program.organisationId === null ? Ownership.Network : Ownership.Organisation,
        program.title,
        program.summary,
        program.kind,
        program.completeWithinDays,
        program.deadlineBase,
        program.starterKey ?? null,
        program.personId,
      ],
    );
    return rows[0].id;
  }

  async updateProgram(programId: string, content: ProgramContent, personId: string): Promise<void> {
    await this.db.manager.query(
      `update library_program set title = $2, summary = $3, kind = $4, complete_within_days = $5, deadline_base = $6,
              updated_by = $7, updated_at = now()
        where id = $1`,
      [programId, content.title, content.summary, content.kind, content.completeWithinDays, content.deadlineBase, personId],
    );
  }

  async setArchived(programId: string, archived: boolean, personId: string): Promise<void> {
    await this.db.manager.query(
      `update library_program set archived_at = case when $2 then coalesce(archived_at, now()) else null end,
              updated_by = $3, updated_at = now()
        where id = $1`,
      [programId, archived, personId],
    );
  }

  async replaceSteps(
    programId: string,
    organisationId: string | null,
    steps: Array<{ moduleId: string; daysAfterPrevious: number; note: string | null }>,
  ): Promise<void> {
    await this.db.manager.query(`delete from library_program_step where program_id = $1`, [programId]);
    if (steps.length === 0) return;
    await this.db.manager.query(
      `insert into library_program_step (program_id, position, organisation_id, module_id, days_after_previous, note)
       select $1, e.position, $2, (e.step->>'module_id')::uuid, (e.step->>'days_after_previous')::integer, e.step->>'note'
         from jsonb_array_elements($3::jsonb) with ordinality as e(step, position)`,
      [
        programId,
        organisationId,
        JSON.stringify(steps.map((step) => ({ module_id: step.moduleId, days_after_previous: step.daysAfterPrevious, note: step.note }))),
      ],
    );
  }

  async replaceQualifications(programId: string, organisationId: string | null, moduleIds: string[]): Promise<void> {
    await this.db.manager.query(`delete from library_program_qualification where program_id = $1`, [programId]);
    if (moduleIds.length === 0) return;
    await this.db.manager.query(
      `insert into library_program_qualification (program_id, module_id, organisation_id)
       select $1, unnest($2::uuid[]), $3 on conflict do nothing`,
      [programId, moduleIds, organisationId],
    );
  }

  // --- assignments ---

  async assignments(organisationId: string, programId: string, visibility: AssignmentVisibility, includeEnded: boolean): Promise<ProgramAssignment[]> {
    const rows: AssignmentDbRow[] = await this.db.manager.query(
      `${ASSIGNMENT_SELECT}
        where a.organisation_id = $1 and a.program_id = $2
          and ($3 or a.target_type in ('organisation', 'role', 'role_title')
               or a.area_id = any($4::uuid[]) or u.area_id = any($4::uuid[]) or a.unit_id = any($5::uuid[])
               or a.area_id in (select area_id from unit where id = any($5::uuid[])))
          and ($6 or a.end_date is null or a.end_date >= current_date)
        order by a.start_date, target_name`,
      [organisationId, programId, visibility.organisationWide, visibility.areaIds, visibility.unitIds, includeEnded],
    );
    return rows.map(toAssignment);
  }

  async assignment(assignmentId: string): Promise<ProgramAssignment | null> {
    const rows: AssignmentDbRow[] = await this.db.manager.query(`${ASSIGNMENT_SELECT} where a.id = $1`, [assignmentId]);
    return rows[0] ? toAssignment(rows[0]) : null;
  }

  async assignmentRow(assignmentId: string, lock = false): Promise<AssignmentRow | null> {
    const rows: Array<{
      id: string;
      organisation_id: string;
      program_id: string;
      target_type: ProgramAssignmentTarget;
      unit_id: string | null;
      area_id: string | null;
      role: string | null;
      role_title: string | null;
      start_date: string;
      end_date: string | null;
    }> = await this.db.manager.query(
      `select id, organisation_id, program_id, target_type, unit_id, area_id, role, role_title,
              start_date::text as start_date, end_date::text as end_date
         from library_program_assignment where id = $1 ${lock ? 'for update' : ''}`,
      [assignmentId],
    );
    const row = rows[0];
    return row
      ? {
          id: row.id,
          organisationId: row.organisation_id,
          programId: row.program_id,
          targetType: row.target_type,
          unitId: row.unit_id,
          areaId: row.area_id,
          role: row.role,
          roleTitle: row.role_title,
          startDate: row.start_date,
          endDate: row.end_date,
        }
      : null;
  }

  /** An assignment of the program to the same target whose period overlaps [start, end]. */
  async overlappingAssignment(assignment: Omit<AssignmentRow, 'id'>): Promise<AssignmentRow | null> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `select id from library_program_assignment
        where organisation_id = $1 and program_id = $2 and target_type = $3
          and unit_id is not distinct from $4 and area_id is not distinct from $5 and role is not distinct from $6
          and lower(role_title) is not distinct from lower($7)
          and start_date <= coalesce($9::date, 'infinity'::date) and coalesce(end_date, 'infinity'::date) >= $8::date
        limit 1`,
      [
        assignment.organisationId,
        assignment.programId,
        assignment.targetType,
        assignment.unitId,
        assignment.areaId,
        assignment.role,
        assignment.roleTitle,
        assignment.startDate,
        assignment.endDate,
      ],
    );
    return rows[0] ? this.assignmentRow(rows[0].id) : null;
  }

  async insertAssignment(assignment: Omit<AssignmentRow, 'id'> & { note: string | null; createdBy: string }): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `insert into library_program_assignment (organisation_id, program_id, target_type, unit_id, area_id, role, role_title,
                                               start_date, end_date, note, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
      [
        assignment.organisationId,
        assignment.programId,
        assignment.targetType,
        assignment.unitId,
        assignment.areaId,
        assignment.role,
        assignment.roleTitle,
        assignment.startDate,
        assignment.endDate,
        assignment.note,
        assignment.createdBy,
      ],
    );
    return rows[0].id;
  }

  /** Ends an assignment: one that has begun ends yesterday (history kept), one that has not begun is removed. */
  async endAssignment(assignmentId: string, personId: string): Promise<'ended' | 'removed' | 'unchanged'> {
    const rows: Array<{ outcome: 'ended' | 'removed' | 'unchanged' }> = await this.db.manager.query(
      `with target as (select id, start_date, end_date from library_program_assignment where id = $1),
            removed as (delete from library_program_assignment a using target t
                         where a.id = t.id and t.start_date >= current_date returning a.id),
            ended as (update library_program_assignment a set end_date = current_date - 1, ended_by = $2
                        from target t
                       where a.id = t.id and t.start_date < current_date and (t.end_date is null or t.end_date >= current_date)
                       returning a.id)
       select case when exists (select 1 from removed) then 'removed'
                   when exists (select 1 from ended) then 'ended' else 'unchanged' end as outcome`,
      [assignmentId, personId],
    );
    return rows[0].outcome;
  }

  /** Assignments in force now or later that reach a unit: directly, through its area or organisation, or by role or title. */
  async unitAssignments(unitId: string): Promise<ProgramAssignment[]> {
    const rows: AssignmentDbRow[] = await this.db.manager.query(
      `${ASSIGNMENT_SELECT}
         join unit target on target.id = $1
        where a.organisation_id = target.organisation_id
          and (a.unit_id = target.id or a.area_id = target.area_id or a.target_type in ('organisation', 'role', 'role_title'))
          and (a.end_date is null or a.end_date >= current_date)
          and p.archived_at is null
        order by a.start_date, p.title`,
      [unitId],
    );
    return rows.map(toAssignment);
  }

  async unitPosition(unitId: string): Promise<{ organisationId: string; areaId: string; closed: boolean } | null> {
    const rows: Array<{ organisation_id: string; area_id: string; closed: boolean }> = await this.db.manager.query(
      `select organisation_id, area_id, (closed_at is not null and closed_at <= current_date) as closed from unit where id = $1`,
      [unitId],
    );
    return rows[0] ? { organisationId: rows[0].organisation_id, areaId: rows[0].area_id, closed: rows[0].closed } : null;
  }

  async areaOrganisation(areaId: string): Promise<string | null> {
    const rows: Array<{ organisation_id: string }> = await this.db.manager.query(`select organisation_id from area where id = $1`, [areaId]);
    return rows[0]?.organisation_id ?? null;
  }

  async today(): Promise<string> {
    const rows: Array<{ today: string }> = await this.db.manager.query(`select current_date::text as today`);
    return rows[0].today;
  }
}
