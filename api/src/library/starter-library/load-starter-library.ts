import type { StarterLibraryResult } from '@kunna/contracts';
import { AMBASSADOR_MODULES } from './ambassador-training';
import { CARE_TECHNOLOGY_MODULES } from './care-technology';
import { DOCUMENTATION_SECURITY_MODULES } from './documentation-security';
import { EVERYDAY_IT_MODULES } from './everyday-it';
import { STARTER_PROGRAMS } from './programs';
import type { StarterModule, StarterProgram } from './starter-types';

/**
 * Runs SQL and returns rows: a pg `Client` (the demo loader's transaction) or a TypeORM `EntityManager`
 * (a request's transaction) both fit through the adapters below.
 */
export interface SqlRunner {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export function pgClientRunner(client: { query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }> }): SqlRunner {
  return { query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[] };
}

export function entityManagerRunner(manager: { query(sql: string, params?: unknown[]): Promise<unknown> }): SqlRunner {
  return { query: async <T>(sql: string, params?: unknown[]) => (await manager.query(sql, params)) as T[] };
}

export const STARTER_MODULES: StarterModule[] = [...EVERYDAY_IT_MODULES, ...CARE_TECHNOLOGY_MODULES, ...DOCUMENTATION_SECURITY_MODULES, ...AMBASSADOR_MODULES];

export { STARTER_PROGRAMS };

export interface LoadedStarterLibrary extends StarterLibraryResult {
  /** Module id by starter key, for the modules in the network (new or existing). */
  moduleIds: Record<string, string>;
  programIds: Record<string, string>;
}

/**
 * Loads the starter library into a network as shared modules (published as version 1) and programs. Idempotent:
 * what the network already has (by starter key) is left as it is, edits and newer versions included.
 * Runs inside the caller's transaction.
 */
export async function loadStarterLibrary(sql: SqlRunner, networkId: string, createdBy: string | null): Promise<LoadedStarterLibrary> {
  const result: LoadedStarterLibrary = { modulesCreated: 0, modulesExisting: 0, programsCreated: 0, programsExisting: 0, moduleIds: {}, programIds: {} };
  // Two loads at once (two coordinators clicking) must not both insert: the second waits here.
  await sql.query(`select id from network where id = $1 for update`, [networkId]);

  for (const module of STARTER_MODULES) {
    const existing = await sql.query<{ id: string }>(`select id from library_module where network_id = $1 and starter_key = $2`, [networkId, module.key]);
    if (existing[0]) {
      result.moduleIds[module.key] = existing[0].id;
      result.modulesExisting++;
      continue;
    }
    const [{ id }] = await sql.query<{ id: string }>(
      `insert into library_module (network_id, organisation_id, ownership, starter_key, created_by)
       values ($1, null, 'network', $2, $3) returning id`,
      [networkId, module.key, createdBy],
    );
    const c = module.content;
    await sql.query(
      `insert into library_module_version (module_id, network_id, organisation_id, version_number, status, title, summary,
                                           learning_goals, competence_dimensions, digcomp_codes, target_groups, format,
                                           duration_minutes, glossary, facilitator_guide, exercises, links, knowledge_items,
                                           repeat_interval_weeks, change_note, created_by, updated_by, published_by, published_at)
       values ($1, $2, null, 1, 'published', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
               'Från Kunnas startbibliotek.', $17, $17, $17, now())`,
      [
        id,
        networkId,
        c.title,
        c.summary,
        c.learningGoals,
        c.competenceDimensions,
        c.digCompCodes,
        c.targetGroups,
        c.format,
        c.durationMinutes,
        JSON.stringify(c.glossary),
        c.facilitatorGuide,
        JSON.stringify(c.exercises),
        JSON.stringify(c.links),
        JSON.stringify(c.knowledgeItems),
        c.repeatIntervalWeeks,
        createdBy,
      ],
    );
    result.moduleIds[module.key] = id;
    result.modulesCreated++;
  }

  for (const program of STARTER_PROGRAMS) {
    const existing = await sql.query<{ id: string }>(`select id from library_program where network_id = $1 and starter_key = $2`, [networkId, program.key]);
    if (existing[0]) {
      result.programIds[program.key] = existing[0].id;
      result.programsExisting++;
      continue;
    }
    result.programIds[program.key] = await insertProgram(sql, networkId, program, result.moduleIds, createdBy);
    result.programsCreated++;
  }
  return result;
}

async function insertProgram(
  sql: SqlRunner,
  networkId: string,
  program: StarterProgram,
  moduleIds: Record<string, string>,
  createdBy: string | null,
): Promise<string> {
  const moduleId = (key: string) => {
    const id = moduleIds[key];
    if (!id) throw new Error(`starter program ${program.key} names unknown module ${key}`);
    return id;
  };
  const [{ id }] = await sql.query<{ id: string }>(
    `insert into library_program (network_id, organisation_id, ownership, title, summary, kind, complete_within_days, deadline_base,
                                  starter_key, created_by, updated_by)
     values ($1, null, 'network', $2, $3, $4, $5, $6, $7, $8, $8) returning id`,
    [networkId, program.title, program.summary, program.kind, program.completeWithinDays, program.deadlineBase, program.key, createdBy],
  );
  for (const [index, step] of program.steps.entries()) {
    await sql.query(
      `insert into library_program_step (program_id, position, organisation_id, module_id, days_after_previous, note)
       values ($1, $2, null, $3, $4, $5)`,
      [id, index + 1, moduleId(step.module), step.daysAfterPrevious, step.note ?? null],
    );
  }
  for (const key of program.qualifies) {
    await sql.query(`insert into library_program_qualification (program_id, module_id, organisation_id) values ($1, $2, null)`, [id, moduleId(key)]);
  }
  return id;
}
