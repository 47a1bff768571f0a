import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Names and titles sort in Swedish order. The database's collation is C.UTF-8 (byte order), which puts Ä before Å
 * and every lower-case initial after Ö: a staff list went "Zetterberg, Ärlig, Åberg, Östlund, ängel". `kunna_sv` is
 * ICU's Swedish collation (A … Z, Å, Ä, Ö; case after letter), deterministic, so equality, unique indexes and LIKE
 * behave as before. Both the embedded PostgreSQL and the packaged servers are built with ICU.
 */
const COLUMNS: ReadonlyArray<[table: string, column: string]> = [
  ['person', 'first_name'],
  ['person', 'last_name'],
  ['person', 'role_title'],
  ['unit', 'name'],
  ['area', 'name'],
  ['organisation', 'name'],
  ['network', 'name'],
  ['check_instrument', 'title'],
  ['check_instrument_version', 'title'],
  ['check_assignment', 'title'],
  ['library_module_version', 'title'],
  ['library_program', 'title'],
  ['library_version_attachment', 'title'],
];

export class SwedishCollation1763902800000 implements MigrationInterface {
  name = 'SwedishCollation1763902800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create collation kunna_sv (provider = icu, locale = 'sv-SE')`);
    for (const [table, column] of COLUMNS) await q.query(`alter table ${table} alter column ${column} type text collate kunna_sv`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, column] of COLUMNS) await q.query(`alter table ${table} alter column ${column} type text collate "default"`);
    await q.query(`drop collation kunna_sv`);
  }
}
