import { MigrationInterface, QueryRunner } from 'typeorm';
import type { RewritesTables } from './index';

/**
 * The funders' participant report written by PostgreSQL, in the query that finds its 10 000 and more participants:
 * parsing them as rows and writing them out again in the API's single thread was most of the report's time.
 *
 * - `kunna_csv_field(text)`: one CSV field by the rules of `@kunna/table-export` (libs/table-export/src/lib/csv.ts). A
 *   text that starts a formula (= + - @, tab, carriage return) gets a leading apostrophe; one holding a quote,
 *   semicolon or line break is quoted, its quotes doubled; null is empty. `csv-field.int-spec.ts` checks it against the
 *   library's writer for any text. A SQL-standard body, not strict, so the planner inlines it.
 * - `person.csv_identity`: the person's employee number and name as the report's first two CSV fields, kept by
 *   PostgreSQL whenever they change (a stored generated column, so a renamed or pseudonymised person's is rewritten in
 *   the same statement). Escaping both fields per participant on every read was a third of the query's time.
 * - `person_report_idx` (1763902700000) also carries it, so the report still reads people from the index alone.
 */
export class CsvField1763902900000 implements MigrationInterface, RewritesTables {
  name = 'CsvField1763902900000';
  readonly rewrites = ['person'];

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create function kunna_csv_field(value text) returns text
        language sql immutable parallel safe
        return case
          when value is null then ''
          when strpos(value, '"') > 0 or strpos(value, ';') > 0 or strpos(value, E'\\r') > 0 or strpos(value, E'\\n') > 0
            then '"' || replace(case when left(value, 1) in ('=', '+', '-', '@', E'\\t', E'\\r') then '''' else '' end || value, '"', '""') || '"'
          else case when left(value, 1) in ('=', '+', '-', '@', E'\\t', E'\\r') then '''' else '' end || value
        end`);
    await q.query(`
      alter table person add column csv_identity text collate "C"
        generated always as (kunna_csv_field(employee_number) || ';' || kunna_csv_field(first_name || ' ' || last_name)) stored`);
    await q.query(`drop index person_report_idx`);
    await q.query(
      `create index person_report_idx on person (organisation_id, last_name, first_name, employee_number) include (id, gender, csv_identity)
        where pseudonymised_at is null`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index person_report_idx`);
    await q.query(`alter table person drop column csv_identity`);
    await q.query(
      `create index person_report_idx on person (organisation_id, last_name, first_name, employee_number) include (id, gender)
        where pseudonymised_at is null`,
    );
    await q.query(`drop function kunna_csv_field(text)`);
  }
}
