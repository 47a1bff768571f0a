import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log is append-only: row triggers already refuse UPDATE and DELETE, but TRUNCATE fires no row
 * triggers and would empty it in one statement (also as a cascade from another table). A statement trigger
 * refuses it too; retention removes old entries row by row (see audit_log_immutable), never by TRUNCATE.
 */
export class AuditLogNoTruncate1763900320000 implements MigrationInterface {
  name = 'AuditLogNoTruncate1763900320000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create function audit_log_no_truncate() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_log is append-only';
      end $$`);
    await q.query(`
      create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_no_truncate()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop trigger audit_log_no_truncate on audit_log`);
    await q.query(`drop function audit_log_no_truncate()`);
  }
}
