import { MigrationInterface, QueryRunner } from 'typeorm';

/** Checks linked to a session: the link becomes a foreign key now that the sessions feature has its table. */
export class ChecksSessions1763900510000 implements MigrationInterface {
  name = 'ChecksSessions1763900510000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table check_assignment add constraint check_assignment_session_fk foreign key (session_id) references sessions(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table check_assignment drop constraint check_assignment_session_fk`);
  }
}
