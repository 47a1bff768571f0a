import { hash } from '@node-rs/argon2';
import type { Client } from 'pg';
import { ARGON2_OPTIONS } from '../../api/src/auth/password-hasher';

/**
 * A large, realistic network for `npm run bench`, generated set-based inside PostgreSQL (`insert … select` over
 * `generate_series`) so 100 000 staff load in minutes. Every value comes from md5 of the seed and the row's key,
 * so the same seed, size and day give the same rows. It builds on the demo data (the network, its starter library
 * and the published check instrument), which must already be loaded: the new organisations join the demo network.
 *
 * Shape at `staff` = 100 000 (everything scales with it): 10 organisations of 5 areas, 250 units each (40 staff per
 * unit), a manager and 1–2 ambassadors per unit, one HR per organisation; 8 % of staff have left, 6 % changed unit,
 * 40 % of substitutes and hourly staff also work in a second unit; 100 sessions per unit over two years (4 %
 * cancelled); about 8 marks per held session; two before/after checks per unit answered by a third of the team.
 */

export const BENCH_PASSWORD = 'Kunna-bench-2026';
export const BENCH_ORGANISATIONS = 10;

export interface SeedOptions {
  staff: number;
  seed: number;
  /** The day the data is relative to (ISO date): sessions run up to it, people started and left before it. */
  today: string;
}

export interface BenchAccount {
  organisation: string;
  role: 'manager' | 'hr' | 'ambassador';
  email: string;
  /** The unit a manager or ambassador account works in (the first unit of its organisation). */
  unitId: string | null;
}

export interface SeedResult {
  password: string;
  accounts: BenchAccount[];
  counts: Record<string, number>;
}

export interface SeedShape {
  unitsPerOrganisation: number;
  sessionsPerUnit: number;
  /** Per mille of the invited team that has a mark on a held session (about 8 of 40). */
  markPerMille: number;
  /** Per mille of the team that answers a unit's check. */
  responsePerMille: number;
}

export function seedShape(staff: number): SeedShape {
  return { unitsPerOrganisation: Math.max(2, Math.round(staff / 400)), sessionsPerUnit: 100, markPerMille: 200, responsePerMille: 350 };
}

const ORGANISATION_NAMES = [
  'Ekeby kommun',
  'Granåsa kommun',
  'Hallvik kommun',
  'Ljungsta kommun',
  'Mossby kommun',
  'Norrvike kommun',
  'Rönnås kommun',
  'Sjöbacka kommun',
  'Omsorg i Väst AB',
  'Trygga Händer Vård AB',
];
const AREAS = [
  ['Äldreomsorg', 'elderly_care'],
  ['Hemtjänst', 'home_care'],
  ['Funktionsstöd', 'disability_support'],
  ['Hälso- och sjukvård', 'health_care'],
  ['Individ- och familjeomsorg', 'social_services'],
];
const FIRST_NAMES = [
  'Anna',
  'Maria',
  'Fatima',
  'Elin',
  'Sara',
  'Amina',
  'Karin',
  'Lena',
  'Emma',
  'Hanna',
  'Ida',
  'Sofia',
  'Aisha',
  'Leyla',
  'Erik',
  'Johan',
  'Ali',
  'Mohammed',
  'Anders',
  'Omar',
  'Jonas',
  'Hassan',
  'Per',
  'Yusuf',
];
const LAST_NAMES = [
  'Andersson',
  'Johansson',
  'Karlsson',
  'Nilsson',
  'Eriksson',
  'Larsson',
  'Olsson',
  'Persson',
  'Hassan',
  'Ali',
  'Ahmed',
  'Lindberg',
  'Berg',
  'Holm',
  'Yilmaz',
  'Nowak',
  'Jönsson',
  'Åberg',
  'Öberg',
  'Abdi',
];
const TITLES = ['undersköterska', 'undersköterska', 'undersköterska', 'vårdbiträde', 'vårdbiträde', 'sjuksköterska', 'stödassistent', 'personlig assistent'];

const textArray = (values: string[]) => `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]::text[]`;

/** Generates the large network into a migrated database holding the demo data. One transaction. */
export async function seedLarge(client: Client, options: SeedOptions): Promise<SeedResult> {
  const { staff, seed, today } = options;
  if (!Number.isInteger(staff) || staff < 100 || staff % BENCH_ORGANISATIONS !== 0) throw new Error('--staff must be an integer ≥ 100, a multiple of 10');
  if (!Number.isInteger(seed) || seed < 0) throw new Error('--seed must be a non-negative integer');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error('today must be an ISO date');
  const shape = seedShape(staff);
  const upo = shape.unitsPerOrganisation;
  const passwordHash = await hash(BENCH_PASSWORD, ARGON2_OPTIONS);
  const q = async (sql: string, params: unknown[] = []) => {
    try {
      return await client.query(sql, params);
    } catch (error) {
      throw new Error(`${error instanceof Error ? error.message : String(error)} in: ${sql.replace(/\s+/g, ' ').slice(0, 160)}`);
    }
  };

  await q(`select set_config('kunna.system', 'on', false)`);
  const existing = await q(`select count(*)::int as n from organisation where name = any($1)`, [ORGANISATION_NAMES]);
  if ((existing.rows[0] as { n: number }).n > 0) throw new Error('This database already has the benchmark organisations: seed an empty one.');
  const network = await q(`select id from network order by created_at, id limit 1`);
  const networkId = (network.rows[0] as { id: string } | undefined)?.id;
  if (!networkId) throw new Error('Load the demo data first (it provides the network, the library and the check instrument).');
  const versions = await q(
    // In a stable order (the demo's ids are random): by starter key and title.
    `select id, duration_minutes, module_id from (
       select distinct on (v.module_id) v.id, v.duration_minutes, v.module_id, m.starter_key, v.title
         from library_module_version v join library_module m on m.id = v.module_id
        where v.network_id = $1 and v.organisation_id is null and v.status = 'published' and m.archived_at is null
        order by v.module_id, v.version_number desc) x
      order by starter_key nulls last, title, module_id`,
    [networkId],
  );
  const moduleRows = versions.rows as Array<{ id: string; duration_minutes: number; module_id: string }>;
  if (moduleRows.length === 0) throw new Error('The demo network has no published modules.');
  const instrument = await q(
    `select v.items, v.support_threshold from check_instrument_version v join organisation o on o.id = v.organisation_id
      where o.network_id = $1 order by v.published_at, v.id limit 1`,
    [networkId],
  );
  const instrumentRow = instrument.rows[0] as { items: unknown; support_threshold: number } | undefined;
  if (!instrumentRow) throw new Error('The demo data has no published check instrument.');

  await q('begin');
  try {
    await q(`set local synchronous_commit = off`);
    // h(key): a non-negative 48-bit number; u(key): a uuid. Both from md5 of the seed and the key.
    await q(
      `create function pg_temp.h(k text) returns bigint language sql immutable as $$ select ('x' || substr(md5('${seed}:' || k), 1, 12))::bit(48)::bigint $$`,
    );
    // Shaped as version 4 (the API validates ids as UUIDs with a version and variant).
    await q(
      `create function pg_temp.u(k text) returns uuid language sql immutable as $$
         select (substr(h, 1, 12) || '4' || substr(h, 14, 3) || substr('89ab', ('x' || substr(h, 17, 1))::bit(4)::int % 4 + 1, 1) || substr(h, 18))::uuid
           from (select md5('${seed}:' || k) as h) x $$`,
    );

    await q(
      `create temp table bench_org on commit drop as
         select o, pg_temp.u('org:' || o) as id, (${textArray(ORGANISATION_NAMES)})[o + 1] as name from generate_series(0, 9) o`,
    );
    await q(
      `insert into organisation (id, network_id, name, kind, min_group_size)
       select id, $1::uuid, name, case when o < 8 then 'municipality' else 'private_provider' end, 5 from bench_org order by o`,
      [networkId],
    );
    await q(
      `insert into area (id, organisation_id, name, kind)
       select pg_temp.u('area:' || o || ':' || a), b.id, (${textArray(AREAS.map((x) => x[0]))})[a + 1], (${textArray(AREAS.map((x) => x[1]))})[a + 1]
         from bench_org b cross join generate_series(0, 4) a order by o, a`,
    );
    await q(
      `create temp table bench_unit on commit drop as
         select b.o, l, b.o * $1::int + l as un, pg_temp.u('unit:' || (b.o * $1::int + l)) as id, b.id as organisation_id,
                pg_temp.u('area:' || b.o || ':' || (l % 5)) as area_id, l % 5 as a
           from bench_org b cross join generate_series(0, $1::int - 1) l`,
      [upo],
    );
    await q(
      `insert into unit (id, organisation_id, area_id, name, code)
       select id, organisation_id, area_id,
              (array['Vård- och omsorgsboende', 'Hemtjänstgrupp', 'Gruppbostad', 'Hälsocentral', 'Stödenhet'])[a + 1] || ' ' || (l + 1),
              'E' || lpad((l + 1)::text, 4, '0')
         from bench_unit order by un`,
    );

    // People: org = i % 10, local index k = i / 10, unit = k % upo, slot = k / upo. Slot 0 manages the unit,
    // slot 1 (and slot 2 in three units of five) are its ambassadors, slot 3 of unit 0 is the organisation's HR.
    await q(
      `create temp table bench_person on commit drop as
       with base as (
         select i, i % 10 as o, i / 10 as k, (i / 10) % $1::int as l, (i / 10) / $1::int as slot,
                pg_temp.h('p:' || i) as h1, pg_temp.h('p2:' || i) as h2
           from generate_series(0, $2::int - 1) i
       ), roles as (
         select *, case when slot = 0 then 'manager'
                        when slot = 1 or (slot = 2 and l % 5 < 3) then 'ambassador'
                        when slot = 3 and l = 0 then 'hr' end as role
           from base
       )
       select i, o, k, l, slot, o * $1::int + l as un, role, pg_temp.u('person:' || i) as id, pg_temp.u('org:' || o) as organisation_id,
              case when role is not null then 'permanent' when h1 % 1000 < 750 then 'permanent' when h1 % 1000 < 900 then 'substitute' else 'hourly' end as employment_type,
              role is null and h2 % 100 < 8 as left_org,
              role is null and h2 % 100 between 8 and 13 as moved,
              role is null and h1 % 1000 >= 750 and h2 % 100 >= 14 and h2 % 10 < 4 and $1::int >= 3 as second_unit,
              h1, h2
         from roles`,
      [upo, staff],
    );
    await q(`alter table bench_person add column start_date date, add column end_date date, add column moved_on date`);
    await q(
      `update bench_person set
         start_date = case when role is not null then $1::date - 1460 - (h1 % 365)::int
                           when left_org or moved then $1::date - 1000 - (h1 % 2000)::int
                           else $1::date - (h1 % 3650)::int end,
         end_date = case when left_org then $1::date - 1 - (h2 % 700)::int end,
         moved_on = case when moved then $1::date - 30 - (h2 % 300)::int end`,
      [today],
    );
    await q(`create index on bench_person (un)`);
    await q(`analyze bench_person`);
    await q(
      `insert into person (id, organisation_id, employee_number, first_name, last_name, email, role_title, employment_type,
                           start_date, end_date, gender, preferred_language)
       select id, organisation_id, 'L' || lpad(k::text, 6, '0'),
              (${textArray(FIRST_NAMES)})[1 + (h1 / 7) % ${FIRST_NAMES.length}], (${textArray(LAST_NAMES)})[1 + (h2 / 11) % ${LAST_NAMES.length}],
              case when l = 0 and slot in (0, 1, 3) then
                     (case slot when 0 then 'chef' when 1 then 'ombud' else 'hr' end) || '@bench' || (o + 1) || '.example' end,
              case role when 'manager' then 'enhetschef' when 'hr' then 'HR-strateg' else (${textArray(TITLES)})[1 + (h1 / 13) % ${TITLES.length}] end,
              employment_type, start_date, end_date,
              (array['female', 'female', 'female', 'male', 'male', 'other'])[1 + (h2 / 17) % 6], 'sv'
         from bench_person order by i`,
    );
    // Memberships: the current (or last) unit; the unit before a move; a substitute's second unit.
    await q(
      `insert into unit_membership (id, organisation_id, person_id, unit_id, start_date, end_date)
       select pg_temp.u('m:' || i), organisation_id, id, pg_temp.u('unit:' || un), coalesce(moved_on, start_date), end_date from bench_person
       union all
       select pg_temp.u('m-old:' || i), organisation_id, id, pg_temp.u('unit:' || (o * $1::int + (l + 1) % $1::int)), start_date, moved_on - 1
         from bench_person where moved
       union all
       select pg_temp.u('m-2:' || i), organisation_id, id, pg_temp.u('unit:' || (o * $1::int + (l + 2) % $1::int)), start_date, end_date
         from bench_person where second_unit`,
      [upo],
    );
    await q(
      `insert into role_assignment (id, organisation_id, person_id, role, scope_type, scope_id, start_date)
       select pg_temp.u('role:' || i), organisation_id, id, role, case when role = 'hr' then 'organisation' else 'unit' end,
              case when role = 'hr' then organisation_id else pg_temp.u('unit:' || un) end, $1::date - 1095
         from bench_person where role is not null order by i`,
      [today],
    );
    await q(
      `insert into credential (person_id, organisation_id, password_hash, password_changed_at)
       select id, organisation_id, $1, now() from bench_person where l = 0 and slot in (0, 1, 3) order by i`,
      [passwordHash],
    );
    await q(
      `insert into ambassador_appointment (id, organisation_id, person_id, allocation_kind, allocation_value, start_date)
       select pg_temp.u('appointment:' || i), organisation_id, id, 'hours_per_month', 8, $1::date - 730
         from bench_person where role = 'ambassador' order by i`,
      [today],
    );
    await q(
      `insert into ambassador_appointment_unit (appointment_id, unit_id, organisation_id, role_assignment_id, grant_created)
       select pg_temp.u('appointment:' || i), pg_temp.u('unit:' || un), organisation_id, pg_temp.u('role:' || i), true
         from bench_person where role = 'ambassador' order by i`,
    );
    await q(
      `insert into ambassador_qualification (id, organisation_id, person_id, module_id, source, valid_from)
       select pg_temp.u('qualification:' || p.i || ':' || m.n), p.organisation_id, p.id, m.module_id, 'explicit', $2::date - 730
         from bench_person p cross join unnest($1::uuid[]) with ordinality m(module_id, n)
        where p.role = 'ambassador' order by p.i, m.n`,
      [moduleRows.map((m) => m.module_id), today],
    );
    await q(
      `insert into insight_hourly_rate (organisation_id, valid_from, participant_rate, facilitator_rate)
       select id, $1::date - 1095, 260, 320 from bench_org order by o`,
      [today],
    );

    // Sessions: weekly per unit for two years up to today, led by the unit's first ambassador (slot 1).
    await q(
      `create temp table bench_session on commit drop as
       select u.un, j, pg_temp.u('session:' || u.un || ':' || j) as id, u.organisation_id, u.id as unit_id,
              $1::date - ($2::int - 1) * 7 + j * 7 - 2 + (pg_temp.h('sd:' || u.un || ':' || j) % 3)::int as date,
              pg_temp.h('sx:' || u.un || ':' || j) as hs,
              pg_temp.u('person:' || ((u.o + 10 * ($3::int + u.l)))) as facilitator_id,
              (u.un + j) % $4::int + 1 as version_index
         from bench_unit u cross join generate_series(0, $2::int - 1) j`,
      [today, shape.sessionsPerUnit, upo, moduleRows.length],
    );
    await q(`alter table bench_session add column cancelled boolean, add column duration int, add column version_id uuid`);
    await q(
      `update bench_session set cancelled = hs % 100 < 4 and date <= $1::date,
              duration = least(greatest(($2::int[])[version_index], 20), 90), version_id = ($3::uuid[])[version_index]`,
      [today, moduleRows.map((m) => m.duration_minutes), moduleRows.map((m) => m.id)],
    );
    await q(`create index on bench_session (unit_id)`);
    await q(`analyze bench_session`);
    await q(
      `insert into sessions (id, organisation_id, unit_id, module_version_id, date, start_time, duration_minutes, starts_at, ends_at, place,
                             activity_category, shift, audience, status, cancel_reason, cancelled_at, created_by, updated_by)
       select id, organisation_id, unit_id, version_id, date, '14:00', duration,
              timezone('Europe/Stockholm', date + time '14:00'), timezone('Europe/Stockholm', date + time '14:00') + make_interval(mins => duration),
              'Personalrummet', case when hs % 10 = 0 then 'try_out' else 'workplace_learning' end, 'handover', 'unit_team',
              case when cancelled then 'cancelled' else 'scheduled' end, case when cancelled then 'Personalbrist' end,
              case when cancelled then timezone('Europe/Stockholm', date - 1 + time '12:00') end, facilitator_id, facilitator_id
         from bench_session order by un, j`,
    );
    await q(
      `insert into session_facilitators (session_id, person_id, organisation_id)
       select id, facilitator_id, organisation_id from bench_session order by un, j`,
    );

    // Marks on held sessions for about a fifth of the people invited (members on the session date).
    await q(
      `insert into attendance_marks (id, organisation_id, session_id, person_id, walk_in, status, minutes, recorded_at, recorded_by, received_at)
       select pg_temp.u('mark:' || s.id || ':' || m.person_id), s.organisation_id, s.id, m.person_id, false,
              st.status, case when st.status = 'partial' then s.duration / 2 end,
              timezone('Europe/Stockholm', s.date + time '15:00'), s.facilitator_id, timezone('Europe/Stockholm', s.date + time '15:00')
         from bench_session s
         join unit_membership m on m.unit_id = s.unit_id and m.start_date <= s.date and (m.end_date is null or m.end_date >= s.date)
         join person p on p.id = m.person_id and (p.end_date is null or p.end_date >= s.date)
         cross join lateral (select pg_temp.h('a:' || s.id || ':' || m.person_id) as ha) x
         cross join lateral (select case when x.ha % 100 < 85 then 'present' when x.ha % 100 < 92 then 'absent'
                                         when x.ha % 100 < 96 then 'excused' else 'partial' end as status) st
        where not s.cancelled and s.date <= $1::date and m.person_id <> s.facilitator_id and (x.ha / 100) % 1000 < $2::int
        order by s.un, s.j, m.person_id
       on conflict (session_id, person_id) where person_id is not null do nothing`,
      [today, shape.markPerMille],
    );
    await q(
      `insert into attendance_mark_receipts (mark_id, organisation_id, session_id, person_id, status, minutes, recorded_at, recorded_by, outcome, received_at)
       select a.id, a.organisation_id, a.session_id, a.person_id, a.status, a.minutes, a.recorded_at, a.recorded_by, 'applied', a.received_at
         from attendance_marks a join bench_session s on s.id = a.session_id order by s.un, s.j, a.person_id`,
    );

    // Checks: the demo instrument published in each organisation; two before/after checks per unit, linked to
    // sessions 40 and 80, answered by about a third of the team (not the role holders), most again afterwards.
    await q(
      `insert into check_instrument (id, organisation_id, title) select pg_temp.u('instrument:' || o), id, 'Digital vardag i omsorgen' from bench_org order by o`,
    );
    await q(
      `insert into check_instrument_version (id, organisation_id, instrument_id, version, title, support_threshold, items, published_at)
       select pg_temp.u('instrument-version:' || o), id, pg_temp.u('instrument:' || o), 1, 'Digital vardag i omsorgen', $1, $2::jsonb,
              timezone('Europe/Stockholm', $3::date - 800 + time '09:00')
         from bench_org order by o`,
      [instrumentRow.support_threshold, JSON.stringify(instrumentRow.items), today],
    );
    await q(
      `create temp table bench_check on commit drop as
       select s.un, x, pg_temp.u('assignment:' || s.un || ':' || x) as id, s.organisation_id, s.unit_id, s.id as session_id, s.date,
              s.facilitator_id, u.o
         from bench_session s join bench_unit u on u.un = s.un cross join generate_series(0, 1) x
        where s.j = 40 + 40 * x`,
    );
    await q(
      `insert into check_assignment (id, organisation_id, unit_id, instrument_version_id, title, session_id, follow_up_weeks, created_by, created_at)
       select id, organisation_id, unit_id, pg_temp.u('instrument-version:' || o), 'Tillfälle ' || (x + 1), session_id, 10, facilitator_id,
              timezone('Europe/Stockholm', date - 3 + time '09:00')
         from bench_check order by un, x`,
    );
    await q(
      `insert into check_round (id, organisation_id, assignment_id, kind, code, opens_on, closes_on, created_by)
       select pg_temp.u('round:' || c.id || ':' || r.kind), c.organisation_id, c.id, r.kind,
              'L' || upper(lpad(to_hex(c.un * 6 + c.x * 3 + r.n), 7, '0')), c.date + r.opens, c.date + r.closes, c.facilitator_id
         from bench_check c
        cross join (values ('before', 0, -2, 0), ('after', 1, 0, 7), ('follow_up', 2, 70, null)) r(kind, n, opens, closes)
        order by c.un, c.x, r.n`,
    );
    await q(
      `create temp table bench_response on commit drop as
       select c.id as assignment_id, c.organisation_id, c.o, m.person_id, c.date, pg_temp.h('r:' || c.id || ':' || m.person_id) as hr,
              case when get_byte(sha256(convert_to(c.id || ':' || m.person_id, 'UTF8')), 0) % 2 = 0 then 'A' else 'B' end as before_form
         from bench_check c
         join unit_membership m on m.unit_id = c.unit_id and m.start_date <= c.date and (m.end_date is null or m.end_date >= c.date)
         join person p on p.id = m.person_id and (p.end_date is null or p.end_date >= c.date)
        where not exists (select 1 from role_assignment r where r.person_id = m.person_id)
          and pg_temp.h('r:' || c.id || ':' || m.person_id) % 1000 < $1::int`,
      [shape.responsePerMille],
    );
    await q(
      `create temp table bench_response_round on commit drop as
       select pg_temp.u('response:' || b.assignment_id || ':' || b.person_id || ':' || r.kind) as id, b.organisation_id, b.o,
              pg_temp.u('round:' || b.assignment_id || ':' || r.kind) as round_id, b.person_id, r.kind,
              case when r.kind = 'before' then b.before_form when b.before_form = 'A' then 'B' else 'A' end as form,
              timezone('UTC', b.date + r.day + time '10:00') as at, b.hr
         from bench_response b
        cross join (values ('before', -1), ('after', 0)) r(kind, day)
        where r.kind = 'before' or b.hr / 1000 % 100 < 85`,
    );
    await q(
      `insert into check_response (id, organisation_id, round_id, person_id, status, form, via, started_at, finished_at)
       select id, organisation_id, round_id, person_id, 'submitted', form, case when hr % 3 = 0 then 'link' else 'kiosk' end, at, at
         from bench_response_round order by round_id, person_id`,
    );
    await q(
      `insert into check_answer (response_id, item_key, organisation_id, declined, value, answered_at)
       select r.id, i.item ->> 'key', r.organisation_id, false,
              case i.item ->> 'kind'
                when 'knowledge' then jsonb_build_object('options', jsonb_build_array(case when v.h % 4 = 0 then 'b' else 'a' end))
                when 'post_session' then jsonb_build_object('choice', (array['yes', 'yes', 'partly', 'no'])[1 + v.h % 4])
                else jsonb_build_object('rating', case when r.kind = 'after' and i.item ->> 'kind' <> 'then' then 2 + v.h % 3 else 1 + v.h % 3 end)
              end, r.at
         from bench_response_round r
        cross join lateral jsonb_array_elements($1::jsonb) i(item)
        cross join lateral (select pg_temp.h('v:' || r.id || ':' || (i.item ->> 'key')) as h) v
        where i.item ->> 'kind' <> 'observation'
          and (i.item ->> 'kind' in ('self_rating', 'attitude', 'knowledge')
               or (r.kind = 'after' and i.item ->> 'kind' in ('then', 'post_session')))
          and (i.item ->> 'kind' <> 'knowledge' or i.item ->> 'form' is null or i.item ->> 'form' = r.form)
        order by r.id, i.item ->> 'key'`,
      [JSON.stringify(instrumentRow.items)],
    );
    await q('commit');
  } catch (error) {
    await q('rollback').catch(() => undefined);
    throw error;
  }

  // Vacuumed as well as analysed: a database in use has its pages marked all-visible by autovacuum, freshly loaded ones
  // have none, and the bench would then measure index-only scans (the funder report's people) reading the tables too.
  for (const table of [
    'organisation',
    'unit',
    'person',
    'unit_membership',
    'role_assignment',
    'sessions',
    'session_facilitators',
    'attendance_marks',
    'attendance_mark_receipts',
    'check_assignment',
    'check_round',
    'check_response',
    'check_answer',
    'ambassador_appointment',
  ]) {
    await q(`vacuum (analyze) ${table}`);
  }
  const counts = await q(
    `select (select count(*) from organisation where network_id = $1)::int as organisations, (select count(*) from unit)::int as units,
            (select count(*) from person)::int as people, (select count(*) from unit_membership)::int as memberships,
            (select count(*) from ambassador_appointment)::int as ambassadors, (select count(*) from sessions)::int as sessions,
            (select count(*) from attendance_marks)::int as attendance_marks, (select count(*) from check_response)::int as check_responses,
            (select count(*) from check_answer)::int as check_answers`,
    [networkId],
  );
  const accounts = await q(
    `select o.name as organisation, p.email, case split_part(p.email, '@', 1) when 'chef' then 'manager' when 'ombud' then 'ambassador' else 'hr' end as role,
            (select m.unit_id from unit_membership m where m.person_id = p.id order by m.start_date limit 1) as "unitId"
       from person p join organisation o on o.id = p.organisation_id
      where p.email like '%@bench%.example' order by o.name, p.email`,
  );
  return { password: BENCH_PASSWORD, accounts: accounts.rows as BenchAccount[], counts: counts.rows[0] as Record<string, number> };
}
