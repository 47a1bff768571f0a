import type { Client } from 'pg';

/**
 * Sessions of the tenant fixture, one per scope the authorization matrix checks: today at 14:00 in U1 (led by
 * ambassadorU1), U2 (led by staffU2) and U4 in organisation B (led by staffU4), each delivering the network module and
 * inviting the unit's team; and a two-date series in each of the same units. No attendance is recorded.
 */
export interface SessionsFixture {
  sessionU1: string;
  sessionU2: string;
  sessionU4: string;
  seriesU1: string;
  seriesU2: string;
  seriesU4: string;
}

interface Base {
  orgA: string;
  orgB: string;
  unitU1: string;
  unitU2: string;
  unitU4: string;
  networkModuleVersionId: string;
  ambassadorU1: string;
  staffU2: string;
  staffU4: string;
}

export async function loadSessionsFixture(client: Client, base: Base): Promise<SessionsFixture> {
  const one = async (sql: string, params: unknown[]) => ((await client.query(sql, params)).rows[0] as { id: string }).id;
  const session = async (organisationId: string, unitId: string, facilitatorId: string, seriesId: string | null, position: number | null, days: number) => {
    const id = await one(
      `insert into sessions (organisation_id, unit_id, module_version_id, series_id, series_position, date, start_time, duration_minutes,
                             starts_at, ends_at, place, activity_category, audience)
       values ($1, $2, $3, $4, $5, (now() at time zone 'Europe/Stockholm')::date + $6::int, '14:00', 30,
               timezone('Europe/Stockholm', (now() at time zone 'Europe/Stockholm')::date + $6::int + time '14:00'),
               timezone('Europe/Stockholm', (now() at time zone 'Europe/Stockholm')::date + $6::int + time '14:30'),
               'Personalrummet', 'workplace_learning', 'unit_team') returning id`,
      [organisationId, unitId, base.networkModuleVersionId, seriesId, position, days],
    );
    await client.query(`insert into session_facilitators (session_id, person_id, organisation_id) values ($1, $2, $3)`, [id, facilitatorId, organisationId]);
    return id;
  };
  const series = async (organisationId: string, unitId: string, facilitatorId: string) => {
    const id = await one(`insert into session_series (organisation_id, unit_id, interval_weeks, occurrence_count) values ($1, $2, 2, 2) returning id`, [
      organisationId,
      unitId,
    ]);
    await session(organisationId, unitId, facilitatorId, id, 1, 7);
    await session(organisationId, unitId, facilitatorId, id, 2, 21);
    return id;
  };
  return {
    sessionU1: await session(base.orgA, base.unitU1, base.ambassadorU1, null, null, 0),
    sessionU2: await session(base.orgA, base.unitU2, base.staffU2, null, null, 0),
    sessionU4: await session(base.orgB, base.unitU4, base.staffU4, null, null, 0),
    seriesU1: await series(base.orgA, base.unitU1, base.ambassadorU1),
    seriesU2: await series(base.orgA, base.unitU2, base.staffU2),
    seriesU4: await series(base.orgB, base.unitU4, base.staffU4),
  };
}
