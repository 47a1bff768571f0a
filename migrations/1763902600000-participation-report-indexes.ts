import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two covering indexes on `insight_participation_day` for the reads that list people, not groups: the funder report
 * sums every participant's days of a period (about 80 000 rows for a year of a 10 000-person organisation), and it
 * counts the walk-ins without a record. Both read the primary key's (organisation, date) range and then every row of
 * the table's heap, the walk-in count to keep none of them. Partial on person_id, so each reads only its own rows,
 * from the index alone.
 */
export class ParticipationReportIndexes1763902600000 implements MigrationInterface {
  name = 'ParticipationReportIndexes1763902600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `create index insight_participation_day_people_idx on insight_participation_day (organisation_id, date) include (person_id, minutes)
        where person_id is not null`,
    );
    await q.query(
      `create index insight_participation_day_walk_in_idx on insight_participation_day (organisation_id, date) include (who) where person_id is null`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index insight_participation_day_walk_in_idx`);
    await q.query(`drop index insight_participation_day_people_idx`);
  }
}
