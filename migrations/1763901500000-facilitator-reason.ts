import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why a session is led by someone not qualified for its module: required by the API when it schedules such a
 * facilitator (before, the scheduling form only appended it to the free-text note). Null when every facilitator
 * is qualified. The column inherits the table's row-level security; no grant is needed for a new column.
 */
export class FacilitatorReason1763901500000 implements MigrationInterface {
  name = 'FacilitatorReason1763901500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table sessions add column facilitator_reason text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table sessions drop column facilitator_reason`);
  }
}
