import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A mark in force can be cleared (DELETE /api/sessions/:sessionId/attendance/:markId): its row leaves
 * attendance_marks and its receipt says `cleared`, when and by whom. The receipt is the tombstone that keeps the rule
 * "the mark made last wins": a mark recorded before the clearing that arrives later (a tablet that was offline) is
 * superseded instead of bringing the cleared mark back.
 */
export class AttendanceMarkClearing1763901870000 implements MigrationInterface {
  name = 'AttendanceMarkClearing1763901870000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table attendance_mark_receipts drop constraint attendance_mark_receipts_outcome_check`);
    await q.query(
      `alter table attendance_mark_receipts add constraint attendance_mark_receipts_outcome_check check (outcome in ('applied', 'superseded', 'cleared'))`,
    );
    await q.query(`alter table attendance_mark_receipts add column cleared_at timestamptz, add column cleared_by uuid references person(id)`);
    await q.query(
      `alter table attendance_mark_receipts add constraint attendance_mark_receipts_cleared_check check ((outcome = 'cleared') = (cleared_at is not null and cleared_by is not null))`,
    );
    await q.query(`create index attendance_mark_receipts_cleared_idx on attendance_mark_receipts(session_id) where outcome = 'cleared'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index attendance_mark_receipts_cleared_idx`);
    await q.query(`alter table attendance_mark_receipts drop constraint attendance_mark_receipts_cleared_check`);
    await q.query(`update attendance_mark_receipts set outcome = 'superseded' where outcome = 'cleared'`);
    await q.query(`alter table attendance_mark_receipts drop column cleared_at, drop column cleared_by`);
    await q.query(`alter table attendance_mark_receipts drop constraint attendance_mark_receipts_outcome_check`);
    await q.query(`alter table attendance_mark_receipts add constraint attendance_mark_receipts_outcome_check check (outcome in ('applied', 'superseded'))`);
  }
}
