import { Injectable } from '@nestjs/common';
import { EmploymentType, Gender, ImportCounts, ImportMode, ImportRunSummary, UiLanguage } from '@kunna/contracts';
import { Db } from '../database/db';
import { ImportRunEntity } from './import-run.entity';
import type { ImportPlan, OrganisationState, UnitRef } from './import-plan';

/** Rows per statement when applying a plan: bounded statements, few round trips. */
const BATCH = 1000;

/**
 * Every query of the import, always scoped to one organisation and always through `Db.manager`, so that
 * the whole import lands in one transaction (see ImportsService).
 */
@Injectable()
export class ImportsRepository {
  constructor(private readonly db: Db) {}

  /**
   * One import per organisation at a time: a second one (a retry after a lost answer, a double click)
   * waits for the first to commit and then finds everything already in place.
   */
  async lockOrganisation(organisationId: string): Promise<void> {
    await this.db.manager.query(`select pg_advisory_xact_lock(hashtextextended('kunna.import:' || $1::text, 0))`, [organisationId]);
  }

  /** The import date, as the rest of the application counts days (`current_date`). */
  async today(): Promise<string> {
    const rows: Array<{ today: string }> = await this.db.manager.query(`select current_date::text as today`);
    return rows[0].today;
  }

  async loadState(organisationId: string, today: string): Promise<OrganisationState> {
    const manager = this.db.manager;
    const persons: Array<{
      id: string;
      employee_number: string;
      first_name: string;
      last_name: string;
      email: string | null;
      role_title: string;
      employment_type: EmploymentType;
      start_date: string;
      end_date: string | null;
      gender: Gender | null;
      preferred_language: UiLanguage;
      pseudonymised: boolean;
    }> = await manager.query(
      `select id, employee_number, first_name, last_name, email, role_title, employment_type,
              start_date::text as start_date, end_date::text as end_date, gender, preferred_language,
              pseudonymised_at is not null as pseudonymised
         from person where organisation_id = $1`,
      [organisationId],
    );
    const memberships: Array<{ id: string; person_id: string; unit_id: string; start_date: string; end_date: string | null }> = await manager.query(
      `select id, person_id, unit_id, start_date::text as start_date, end_date::text as end_date
           from unit_membership
          where organisation_id = $1 and (end_date is null or end_date >= $2::date)`,
      [organisationId, today],
    );
    const units: Array<{ id: string; code: string | null; name: string; area_id: string; closed_at: string | null }> = await manager.query(
      `select id, code, name, area_id, closed_at::text as closed_at from unit where organisation_id = $1`,
      [organisationId],
    );
    const areas: Array<{ id: string; name: string }> = await manager.query(`select id, name from area where organisation_id = $1`, [organisationId]);
    return {
      persons: persons.map((row) => ({
        id: row.id,
        employeeNumber: row.employee_number,
        firstName: row.first_name,
        lastName: row.last_name,
        email: row.email,
        roleTitle: row.role_title,
        employmentType: row.employment_type,
        startDate: row.start_date,
        endDate: row.end_date,
        gender: row.gender,
        preferredLanguage: row.preferred_language,
        pseudonymised: row.pseudonymised,
      })),
      activeMemberships: memberships.map((row) => ({
        id: row.id,
        personId: row.person_id,
        unitId: row.unit_id,
        startDate: row.start_date,
        endDate: row.end_date,
      })),
      units: units.map((row) => ({ id: row.id, code: row.code, name: row.name, areaId: row.area_id, closedAt: row.closed_at })),
      areas,
    };
  }

  /** Writes a plan made from the state loaded in this same transaction. */
  async apply(organisationId: string, plan: ImportPlan, today: string): Promise<void> {
    const manager = this.db.manager;

    const newUnitIds = new Map<string, string>();
    for (const batch of chunks(plan.newUnits)) {
      const rows: Array<{ id: string; code: string }> = await manager.query(
        `insert into unit (organisation_id, area_id, name, code)
         select $1, v.area_id, v.name, v.code from unnest($2::uuid[], $3::text[], $4::text[]) as v(area_id, name, code)
         returning id, code`,
        [organisationId, batch.map((unit) => unit.areaId), batch.map((unit) => unit.name), batch.map((unit) => unit.code)],
      );
      for (const row of rows) newUnitIds.set(row.code, row.id);
    }
    const unitId = (unit: UnitRef): string => {
      if ('unitId' in unit) return unit.unitId;
      const id = newUnitIds.get(unit.newUnitCode);
      if (!id) throw new Error(`planned unit ${unit.newUnitCode} was not created`);
      return id;
    };

    // Addresses that change are cleared first: the final state is checked to be unique, the way there
    // (A takes B's address while B takes a new one) must not trip the unique index half-way.
    const clearing = plan.updates.filter((update) => update.emailChanged).map((update) => update.personId);
    for (const batch of chunks(clearing)) {
      await manager.query(`update person set email = null where organisation_id = $1 and id = any($2::uuid[])`, [organisationId, batch]);
    }

    const newPersonIds = new Map<string, string>();
    for (const batch of chunks(plan.creates)) {
      const rows: Array<{ id: string; employee_number: string }> = await manager.query(
        `insert into person (organisation_id, employee_number, first_name, last_name, email, role_title, employment_type,
                             start_date, end_date, gender, preferred_language)
         select $1, v.employee_number, v.first_name, v.last_name, v.email, v.role_title, v.employment_type,
                v.start_date, v.end_date, v.gender, v.preferred_language
           from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::date[], $9::date[], $10::text[], $11::text[])
             as v(employee_number, first_name, last_name, email, role_title, employment_type, start_date, end_date, gender, preferred_language)
         returning id, employee_number`,
        [organisationId, batch.map((create) => create.employeeNumber), ...personColumns(batch.map((create) => create.fields))],
      );
      for (const row of rows) newPersonIds.set(row.employee_number, row.id);
    }

    for (const batch of chunks(plan.updates)) {
      await manager.query(
        `update person p
            set first_name = v.first_name, last_name = v.last_name, email = v.email, role_title = v.role_title,
                employment_type = v.employment_type, start_date = v.start_date, end_date = v.end_date, gender = v.gender,
                preferred_language = v.preferred_language, updated_at = now()
           from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::date[], $9::date[], $10::text[], $11::text[])
             as v(id, first_name, last_name, email, role_title, employment_type, start_date, end_date, gender, preferred_language)
          where p.id = v.id and p.organisation_id = $1`,
        [organisationId, batch.map((update) => update.personId), ...personColumns(batch.map((update) => update.fields))],
      );
    }

    for (const batch of chunks(plan.ends)) {
      await manager.query(`update person set end_date = $2::date, updated_at = now() where organisation_id = $1 and id = any($3::uuid[])`, [
        organisationId,
        today,
        batch,
      ]);
    }

    for (const batch of chunks(plan.membershipUpdates)) {
      await manager.query(
        `update unit_membership m
            set unit_id = coalesce(v.unit_id, m.unit_id), end_date = v.end_date
           from unnest($2::uuid[], $3::uuid[], $4::date[]) as v(id, unit_id, end_date)
          where m.id = v.id and m.organisation_id = $1`,
        [
          organisationId,
          batch.map((update) => update.id),
          batch.map((update) => (update.unit ? unitId(update.unit) : null)),
          batch.map((update) => update.endDate),
        ],
      );
    }

    const memberships = [
      ...plan.membershipCreates.map((create) => ({ personId: create.personId, unit: create.unit, startDate: create.startDate, endDate: create.endDate })),
      ...plan.creates.map((create) => {
        const personId = newPersonIds.get(create.employeeNumber);
        if (!personId) throw new Error(`planned person ${create.employeeNumber} was not created`);
        return { personId, ...create.membership };
      }),
    ];
    for (const batch of chunks(memberships)) {
      await manager.query(
        `insert into unit_membership (organisation_id, person_id, unit_id, start_date, end_date)
         select $1, v.person_id, v.unit_id, v.start_date, v.end_date
           from unnest($2::uuid[], $3::uuid[], $4::date[], $5::date[]) as v(person_id, unit_id, start_date, end_date)`,
        [
          organisationId,
          batch.map((membership) => membership.personId),
          batch.map((membership) => unitId(membership.unit)),
          batch.map((membership) => membership.startDate),
          batch.map((membership) => membership.endDate),
        ],
      );
    }
  }

  async recordRun(run: {
    organisationId: string;
    createdBy: string | null;
    fileName: string;
    fileSha256: string;
    mode: ImportMode;
    counts: ImportCounts;
  }): Promise<string> {
    const result = await this.db.manager.insert(ImportRunEntity, run);
    return (result.identifiers[0] as { id: string }).id;
  }

  /** Newest first; `createdBy` is the name of the person who ran the import. */
  async listRuns(organisationId: string, limit: number): Promise<ImportRunSummary[]> {
    const rows: Array<{ id: string; file_name: string; mode: ImportMode; counts: ImportCounts; created_at: Date; created_by: string | null }> =
      await this.db.manager.query(
        `select r.id, r.file_name, r.mode, r.counts, r.created_at,
                case when p.id is null then null else p.first_name || ' ' || p.last_name end as created_by
           from import_run r
           left join person p on p.id = r.created_by and p.organisation_id = r.organisation_id
          where r.organisation_id = $1
          order by r.created_at desc, r.id
          limit $2`,
        [organisationId, limit],
      );
    return rows.map((row) => ({
      id: row.id,
      fileName: row.file_name,
      mode: row.mode,
      counts: row.counts,
      createdAt: new Date(row.created_at).toISOString(),
      createdBy: row.created_by,
    }));
  }
}

function personColumns(fields: ImportPlan['creates'][number]['fields'][]): unknown[][] {
  return [
    fields.map((field) => field.firstName),
    fields.map((field) => field.lastName),
    fields.map((field) => field.email),
    fields.map((field) => field.roleTitle),
    fields.map((field) => field.employmentType),
    fields.map((field) => field.startDate),
    fields.map((field) => field.endDate),
    fields.map((field) => field.gender),
    fields.map((field) => field.preferredLanguage),
  ];
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}
