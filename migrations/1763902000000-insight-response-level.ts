import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Competence levels kept as answers arrive (issue 15, item 1): `insight_response_level` holds, per check response and
 * measure (each SIS dimension, and `overall` for all four), the sum and count of the response's four-step ratings
 * (self-ratings and attitudes, declined items left out) on that measure's items: a response's level is sum ÷ count.
 * The competence trend reads these rows instead of every answer of the organisation.
 *
 * Statement-level triggers on `check_answer` recompute the levels of every response a write touched, in the same
 * statement, whatever wrote it (answering on a link or the kiosk, edits, imports, demo data, the large seed); a
 * deleted response takes its rows along. Whether a response counts (submitted, before or after, its round's day) is
 * read with it, so a status change needs no trigger. Instrument versions do not change once answered.
 * `insight_response_level_source` computes the same rows from the raw answers (for `npm run insights:rebuild` and the
 * property test).
 */
export class InsightResponseLevel1763902000000 implements MigrationInterface {
  name = 'InsightResponseLevel1763902000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table insight_response_level (
        organisation_id uuid not null references organisation(id),
        response_id uuid not null references check_response(id) on delete cascade,
        measure text not null check (measure in ('knowledge', 'skills', 'ability', 'will', 'overall')),
        rating_sum double precision not null,
        rating_count integer not null check (rating_count > 0),
        primary key (response_id, measure)
      )`);
    await q.query(`create index insight_response_level_organisation_idx on insight_response_level (organisation_id)`);
    await q.query(`select kunna_enable_tenant_rls('insight_response_level')`);

    // The rule the trend had in responseLevel: numeric ratings of the version's self-rating and attitude items of the
    // dimension, not declined. Each version's items are expanded once (the first item of a key decides), not per answer.
    await q.query(`
      create view insight_response_level_source with (security_invoker = true) as
      select s.organisation_id, s.id as response_id, m.measure, sum((c.value->>'rating')::float8) as rating_sum, count(*)::int as rating_count
        from check_response s
        join check_round r on r.id = s.round_id
        join check_assignment a on a.id = r.assignment_id
        join check_answer c on c.response_id = s.id and not c.declined and jsonb_typeof(c.value->'rating') = 'number'
        join (select distinct on (v.id, i.item->>'key') v.id as version_id, i.item->>'key' as item_key, i.item->>'dimension' as dimension
                from check_instrument_version v cross join jsonb_array_elements(v.items) with ordinality i(item, position)
               where i.item->>'kind' in ('self_rating', 'attitude') and i.item->>'dimension' in ('knowledge', 'skills', 'ability', 'will')
               order by v.id, i.item->>'key', i.position) item on item.version_id = a.instrument_version_id and item.item_key = c.item_key
        cross join lateral (values (item.dimension), ('overall')) m(measure)
       group by s.organisation_id, s.id, m.measure`);

    for (const [event, referencing, touched] of [
      ['insert', 'new table as new_rows', `select response_id from new_rows`],
      ['update', 'old table as old_rows new table as new_rows', `select response_id from old_rows union select response_id from new_rows`],
      ['delete', 'old table as old_rows', `select response_id from old_rows`],
    ] as const) {
      await q.query(`
        create function kunna_response_level_answers_${event}() returns trigger language plpgsql as $fn$
        begin
          delete from insight_response_level where response_id in (${touched});
          insert into insight_response_level (organisation_id, response_id, measure, rating_sum, rating_count)
          select organisation_id, response_id, measure, rating_sum, rating_count from insight_response_level_source
           where response_id in (${touched})
           order by response_id, measure;
          return null;
        end $fn$`);
      await q.query(`
        create trigger insight_response_level_answers_${event} after ${event} on check_answer
        referencing ${referencing} for each statement execute function kunna_response_level_answers_${event}()`);
    }

    // What is there already: every organisation's rows, in this migration's transaction (with hundreds of thousands of
    // rows it outlasts the connection's 30 s statement timeout, which is for requests).
    await q.query(`set local statement_timeout = 0`);
    await q.query(`select set_config('kunna.system', 'on', true)`);
    await q.query(`insert into insight_response_level (organisation_id, response_id, measure, rating_sum, rating_count)
                   select organisation_id, response_id, measure, rating_sum, rating_count from insight_response_level_source`);
    // Statistics now, so that the first reads are planned for the rows there are (not for an empty table).
    await q.query(`analyze insight_response_level`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete']) {
      await q.query(`drop trigger insight_response_level_answers_${event} on check_answer`);
      await q.query(`drop function kunna_response_level_answers_${event}()`);
    }
    await q.query(`drop view insight_response_level_source`);
    await q.query(`drop table insight_response_level`);
  }
}
