import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A check can be cancelled: its rounds close and its follow-up (a job in the queue since this release, opened
 * when due instead of being created with the after round) is not opened.
 */
export class ChecksFollowUp1763900950000 implements MigrationInterface {
  name = 'ChecksFollowUp1763900950000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table check_assignment add column cancelled_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table check_assignment drop column cancelled_at`);
  }
}
