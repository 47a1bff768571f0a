import type { SqlRunner } from '../library';
import { localDay } from '../database/local-day';

/**
 * Demo sessions, in the demo loader's transaction, after the library and the ambassadors:
 * - for each of the first three ambassador appointments in Älvstad: "Fem arbetsplatsträffar" (the five themed
 *   sessions) as a series at their unit, every other week at 14:00 in the staff room, from six weeks ago: three held,
 *   one today (the ambassador's "today" on the tablet) and one ahead;
 * - attendance for the held sessions: most present, some absent or excused, one partly, one walk-in substitute by name
 *   (so hours, catch-up and the reports have something to show);
 * - a 1:1 support entry with a private note.
 * Deterministic: the same data every time for the same day. Skipped when the network already has sessions.
 */
export async function loadDemoSessions(sql: SqlRunner, networkId: string, today: Date): Promise<void> {
  const [existing] = await sql.query<{ count: number }>(
    `select count(*)::int as count from sessions s join organisation o on o.id = s.organisation_id where o.network_id = $1`,
    [networkId],
  );
  if (existing.count > 0) return;
  const [program] = await sql.query<{ id: string }>(
    `select id from library_program where network_id = $1 and starter_key = 'fem-arbetsplatstraffar' and archived_at is null`,
    [networkId],
  );
  if (!program) return;
  const steps = await sql.query<{ version_id: string; duration_minutes: number }>(
    `select v.id as version_id, v.duration_minutes
       from library_program_step st
       join lateral (select id, duration_minutes from library_module_version
                      where module_id = st.module_id and status = 'published' order by version_number desc limit 1) v on true
      where st.program_id = $1 order by st.position`,
    [program.id],
  );
  if (steps.length === 0) return;
  const ambassadors = await sql.query<{ person_id: string; organisation_id: string; unit_id: string }>(
    `select a.person_id, a.organisation_id, au.unit_id
       from ambassador_appointment a
       join ambassador_appointment_unit au on au.appointment_id = a.id
       join organisation o on o.id = a.organisation_id
       join person p on p.id = a.person_id
      where o.network_id = $1 and o.name = 'Älvstads kommun'
      order by p.employee_number, au.unit_id
      limit 3`,
    [networkId],
  );

  for (const [ambassadorIndex, ambassador] of ambassadors.entries()) {
    const [series] = await sql.query<{ id: string }>(
      `insert into session_series (organisation_id, unit_id, program_id, interval_weeks, occurrence_count, created_by)
       values ($1, $2, $3, 2, $4, $5) returning id`,
      [ambassador.organisation_id, ambassador.unit_id, program.id, Math.min(5, steps.length), ambassador.person_id],
    );
    for (let position = 1; position <= Math.min(5, steps.length); position++) {
      const date = localDay(today, (position - 4) * 14);
      const step = steps[position - 1];
      const duration = Math.min(Math.max(step.duration_minutes, 20), 90);
      const [session] = await sql.query<{ id: string }>(
        `insert into sessions (organisation_id, unit_id, module_version_id, series_id, series_position, program_id, date, start_time,
                               duration_minutes, starts_at, ends_at, place, activity_category, shift, audience, created_by, updated_by)
         values ($1, $2, $3, $4, $5, $6, $7::date, '14:00', $8,
                 timezone('Europe/Stockholm', $7::date + time '14:00'),
                 timezone('Europe/Stockholm', $7::date + time '14:00') + make_interval(mins => $8::int),
                 'Personalrummet (APT)', 'workplace_learning', 'handover', 'unit_team', $9, $9)
         returning id`,
        [ambassador.organisation_id, ambassador.unit_id, step.version_id, series.id, position, program.id, date, duration, ambassador.person_id],
      );
      await sql.query(`insert into session_facilitators (session_id, person_id, organisation_id) values ($1, $2, $3)`, [
        session.id,
        ambassador.person_id,
        ambassador.organisation_id,
      ]);
      if (position > 3) continue;

      const invitees = await sql.query<{ person_id: string }>(
        `select i.person_id from session_invitees i join person p on p.id = i.person_id
          where i.session_id = $1 and i.person_id <> $2 order by p.employee_number`,
        [session.id, ambassador.person_id],
      );
      for (const [index, invitee] of invitees.entries()) {
        // A fixed pattern: every fifth absent, every seventh excused, the third partly (half the time).
        const spread = index + position + ambassadorIndex;
        const status = spread % 5 === 0 ? 'absent' : spread % 7 === 0 ? 'excused' : index === 2 ? 'partial' : 'present';
        await mark(sql, {
          ...ambassador,
          sessionId: session.id,
          personId: invitee.person_id,
          walkInName: null,
          status,
          minutes: status === 'partial' ? Math.round(duration / 2) : null,
          date,
        });
      }
      if (position === 2) {
        await mark(sql, {
          ...ambassador,
          sessionId: session.id,
          personId: null,
          walkInName: 'Vikarie från bemanningen',
          status: 'present',
          minutes: null,
          date,
        });
      }
    }

    const [supported] = await sql.query<{ person_id: string }>(
      `select m.person_id from unit_membership m join person p on p.id = m.person_id
        where m.unit_id = $1 and m.person_id <> $2 and m.end_date is null order by p.employee_number desc limit 1`,
      [ambassador.unit_id, ambassador.person_id],
    );
    if (supported) {
      await sql.query(
        `insert into support_entries (organisation_id, unit_id, person_id, ambassador_id, date, minutes, topic, notes)
         values ($1, $2, $3, $4, $5, 20, 'Logga in med SITHS-kort och byta lösenord', 'Vill gärna öva en gång till nästa vecka.')`,
        [ambassador.organisation_id, ambassador.unit_id, supported.person_id, ambassador.person_id, localDay(today, -9)],
      );
    }
  }
}

async function mark(
  sql: SqlRunner,
  m: {
    organisation_id: string;
    person_id: string;
    sessionId: string;
    personId: string | null;
    walkInName: string | null;
    status: string;
    minutes: number | null;
    date: string;
  },
): Promise<void> {
  const [receipt] = await sql.query<{ id: string }>(`select gen_random_uuid() as id`);
  const recordedAt = `${m.date}T15:00:00+01:00`;
  await sql.query(
    `insert into attendance_mark_receipts (mark_id, organisation_id, session_id, person_id, walk_in_name, status, minutes, recorded_at, recorded_by, outcome)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'applied')`,
    [receipt.id, m.organisation_id, m.sessionId, m.personId, m.walkInName, m.status, m.minutes, recordedAt, m.person_id],
  );
  await sql.query(
    `insert into attendance_marks (id, organisation_id, session_id, person_id, walk_in_name, walk_in, status, minutes, recorded_at, recorded_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [receipt.id, m.organisation_id, m.sessionId, m.personId, m.walkInName, m.personId === null, m.status, m.minutes, recordedAt, m.person_id],
  );
}
