import { randomUUID } from 'node:crypto';
import type { SqlRunner } from '../library';
import { localDay, localToday } from '../database/local-day';
import { addMonths } from './shared/period';

/**
 * Insight in the demo: hourly rates in every organisation (so costs show from the start), an external cost for the
 * ambassador training, and for each unit with a manager a target for the themed workplace sessions (80 % of the
 * permanent staff within five months) and that program planned in the coming months.
 */
export async function loadDemoInsights(sql: SqlRunner, networkId: string, today: Date): Promise<void> {
  const organisations = await sql.query<{ id: string }>(`select id from organisation where network_id = $1 order by name`, [networkId]);
  const yearStart = `${today.getFullYear()}-01-01`;
  for (const organisation of organisations) {
    await sql.query(
      `insert into insight_hourly_rate (organisation_id, valid_from, participant_rate, facilitator_rate) values ($1, $2, 290, 330)
       on conflict do nothing`,
      [organisation.id, yearStart],
    );
    await sql.query(
      `insert into insight_external_cost (id, organisation_id, period_start, period_end, category, amount, description)
       values ($1, $2, $3, $4, 'ambassador_training', 24000, 'Ombudsutbildning, kursavgift')`,
      [randomUUID(), organisation.id, yearStart, `${today.getFullYear()}-12-31`],
    );
  }
  const units = await sql.query<{ unit_id: string; organisation_id: string; manager_id: string; program_id: string }>(
    `select distinct on (r.scope_id) r.scope_id as unit_id, r.organisation_id, r.person_id as manager_id, p.id as program_id
       from role_assignment r
       join organisation o on o.id = r.organisation_id and o.network_id = $1
       join library_program p on p.network_id = o.network_id and p.starter_key = 'fem-arbetsplatstraffar'
      where r.role = 'manager' and r.scope_type = 'unit'
      order by r.scope_id, r.created_at`,
    [networkId],
  );
  for (const unit of units) {
    await sql.query(
      `insert into insight_target (id, organisation_id, unit_id, program_id, employment_types, target_percent, due_date, note, created_by)
       values ($1, $2, $3, $4, '{permanent}', 80, $5, 'Fem träffar på arbetsplatsen under våren', $6)`,
      [randomUUID(), unit.organisation_id, unit.unit_id, unit.program_id, localDay(today, 150), unit.manager_id],
    );
    for (const months of [1, 3]) {
      const month = addMonths(`${localToday(today).slice(0, 7)}-01`, months);
      await sql.query(
        `insert into insight_plan_entry (id, organisation_id, unit_id, month, program_id, note, created_by) values ($1, $2, $3, $4, $5, $6, $7)`,
        [randomUUID(), unit.organisation_id, unit.unit_id, month, unit.program_id, months === 1 ? 'Dagpass och kvällspass' : 'Uppföljning', unit.manager_id],
      );
    }
  }
}
