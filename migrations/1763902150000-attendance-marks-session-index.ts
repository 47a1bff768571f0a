import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A plain index on the session of a mark. The two unique indexes on `attendance_marks` are partial (people, and
 * walk-ins by name), so a query that reads all marks of a session (walk-ins included: the session list's counts,
 * the start page's and the network's "held" test, the cost report) could use neither and scanned every mark of
 * every organisation once per session: the cost report for one year of a 770-person organisation took more than
 * 200 s (the statement timeout answered 500) and 0.14 s with this index.
 */
export class AttendanceMarksSessionIndex1763902150000 implements MigrationInterface {
  name = 'AttendanceMarksSessionIndex1763902150000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create index attendance_marks_session_idx on attendance_marks (session_id) include (status, minutes)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index attendance_marks_session_idx`);
  }
}
