import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal data (api/src/personal-data): how long each organisation keeps data about people who have left, in
 * months after the end of employment. Null means not set: the organisation disposes of records under its own
 * archive decision (gallringsbeslut), and nothing is pseudonymised automatically.
 */
export class PersonalData1763901000000 implements MigrationInterface {
  name = 'PersonalData1763901000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table personal_data_settings (
        organisation_id uuid primary key references organisation(id),
        retention_months integer check (retention_months between 1 and 240),
        updated_by uuid references person(id),
        updated_at timestamptz not null default now()
      )`);
    await q.query(`select kunna_enable_tenant_rls('personal_data_settings')`);
    // The retention job looks for people who left long ago and are not yet pseudonymised.
    await q.query(`create index person_retention_idx on person(organisation_id, end_date) where end_date is not null and pseudonymised_at is null`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index person_retention_idx`);
    await q.query(`drop table personal_data_settings`);
  }
}
