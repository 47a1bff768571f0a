import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Client } from 'pg';
import { CompetenceTrend, ParticipantReport, ParticipationBreakdown } from '@kunna/contracts';
import { toCsv } from '@kunna/table-export';
import { PersonalDataService } from '../personal-data';
import { KeptViews } from '../snapshots';
import { asBytes, createTestApp, SignedInClient, TestApp } from '../test-support/test-app';
import { aggregateDifferences, rebuildAggregates } from './aggregates.repository';
import { participantTable } from './costs/report-export';

/**
 * The kept insight aggregates equal a recomputation from the raw rows after any sequence of writes (issue 15, item 1):
 * marks (late ones that lose to a newer mark, superseding ones, walk-ins by name in any case), cancelled, restored,
 * moved and shortened sessions, individual support, check answers given, edited, declined and submitted on the kiosk,
 * moves between units, ended employments, pseudonymisation and the retention job, all through the API as an
 * administrator or the unit's manager would make them. After every sequence the kept rows of both organisations must
 * equal the source views' (what `npm run insights:rebuild` writes), and the participation and trend reads must answer
 * the same before and after a rebuild.
 */
/** What the API answers when a database check constraint fails (api/src/common/errors.ts, 23514). */
const DATABASE_CHECK = 'Ett värde är utanför tillåtet intervall.';

describe('kept insight aggregates (property)', () => {
  let t: TestApp;
  let db: Client;
  let admin: SignedInClient;
  let manager: SignedInClient;
  const rounds: string[] = [];
  const responses = new Map<string, string>();
  let today: string;
  const sessions: string[] = [];
  const people: string[] = [];
  const succeeded = new Map<string, number>();
  const day = (offset: number) => {
    const date = new Date(`${today}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + offset);
    return date.toISOString().slice(0, 10);
  };

  beforeAll(async () => {
    t = await createTestApp();
    db = new Client({ connectionString: t.db.url });
    await db.connect();
    today = (await db.query(`select (now() at time zone 'Europe/Stockholm')::date::text as today`)).rows[0].today;
    admin = await t.as('adminA');
    manager = await t.as('managerU1');
    const f = t.fixture;
    // The fixture's check in U1 has its before round open today; an after round opens today as well.
    rounds.push(f.checks.roundU1);
    const after = await db.query(
      `insert into check_round (organisation_id, assignment_id, kind, code, opens_on) values ($1, $2, 'after', 'PROPAFTR', current_date) returning id`,
      [f.orgA, f.checks.assignmentU1],
    );
    rounds.push(after.rows[0].id);
    for (let n = 0; n < 5; n++) {
      const { rows } = await db.query(
        `insert into person (organisation_id, employee_number, first_name, last_name, role_title, employment_type, start_date)
         values ($1, $2, 'Prop', $3, 'undersköterska', $4, '2024-01-01') returning id`,
        [f.orgA, `PROP${n}`, `Person${n}`, n % 2 === 0 ? 'permanent' : 'substitute'],
      );
      await db.query(`insert into unit_membership (organisation_id, person_id, unit_id, start_date) values ($1, $2, $3, '2024-01-01')`, [
        f.orgA,
        rows[0].id,
        f.unitU1,
      ]);
      people.push(rows[0].id);
    }
    for (const offset of [-4, -3, -2, -1]) {
      const { rows } = await db.query(
        `insert into sessions (organisation_id, unit_id, module_version_id, date, start_time, duration_minutes, starts_at, ends_at, place, activity_category, audience)
         values ($1, $2, $3, $4::date, '09:00', 60, timezone('Europe/Stockholm', $4::date + time '09:00'), timezone('Europe/Stockholm', $4::date + time '10:00'),
                 'Personalrummet', 'workplace_learning', 'unit_team') returning id`,
        [f.orgA, f.unitU1, f.library.networkModule.versionId, day(offset)],
      );
      await db.query(`insert into session_facilitators (session_id, person_id, organisation_id) values ($1, $2, $3)`, [
        rows[0].id,
        f.people.ambassadorU1.id,
        f.orgA,
      ]);
      sessions.push(rows[0].id);
    }
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  const oneMark = fc.oneof(
    fc.record({ who: fc.nat(4).map((index) => ({ person: index })), status: fc.constantFrom('present', 'absent', 'excused', 'partial') }),
    // A walk-in who was not there is removed, not marked: walk-ins are present or partial.
    fc.record({
      who: fc.constantFrom('Gästa Gäst', 'gästa GÄST', 'Olle Drop').map((name) => ({ walkIn: name })),
      status: fc.constantFrom('present', 'partial'),
    }),
  );
  const mark = fc.record({
    kind: fc.constant('mark' as const),
    session: fc.nat(3),
    marks: fc.array(
      fc.record({
        mark: oneMark,
        minutes: fc.integer({ min: 1, max: 59 }),
        // Negative: recorded earlier than the marks already there (a tablet that was offline), so it may lose.
        recordedMinutesAgo: fc.integer({ min: -5, max: 600 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  });
  const sessionChange = fc.record({
    kind: fc.constant('session' as const),
    session: fc.nat(3),
    change: fc.oneof(
      fc.constant({ cancelled: true, cancelReason: 'Sjukdom' }),
      fc.constant({ cancelled: false }),
      fc.constant({ cancelled: false }),
      fc.integer({ min: 15, max: 120 }).map((durationMinutes) => ({ durationMinutes })),
      fc.integer({ min: -6, max: -1 }).map((offset) => ({ date: offset })),
    ),
  });
  const support = fc.record({
    kind: fc.constant('support' as const),
    person: fc.nat(4),
    offset: fc.integer({ min: -6, max: 0 }),
    minutes: fc.integer({ min: 1, max: 120 }),
  });
  const move = fc.record({ kind: fc.constant('move' as const), person: fc.nat(4), offset: fc.integer({ min: -3, max: 0 }) });
  // Only the last two people leave, so that the others can still be marked.
  const end = fc.record({ kind: fc.constant('end' as const), person: fc.integer({ min: 3, max: 4 }), offset: fc.integer({ min: -3, max: 0 }) });
  const pseudonymise = fc.record({ kind: fc.constant('pseudonymise' as const), person: fc.integer({ min: 3, max: 4 }) });
  const retention = fc.record({ kind: fc.constant('retention' as const) });
  // A kiosk answer: started if the person has no response in the round yet, the item saved (again: an edit while in
  // progress), then perhaps submitted or declined.
  const answer = fc.record({
    kind: fc.constant('answer' as const),
    round: fc.nat(1),
    person: fc.nat(4),
    value: fc.oneof(
      fc.integer({ min: 1, max: 4 }).map((rating) => ({ value: { rating } })),
      fc.constant({ declined: true }),
    ),
    finish: fc.constantFrom('keep', 'keep', 'submit', 'decline'),
  });
  const write = fc.oneof(
    { arbitrary: mark, weight: 6 },
    { arbitrary: sessionChange, weight: 3 },
    { arbitrary: support, weight: 2 },
    { arbitrary: move, weight: 1 },
    { arbitrary: end, weight: 1 },
    { arbitrary: pseudonymise, weight: 1 },
    { arbitrary: retention, weight: 1 },
    { arbitrary: answer, weight: 4 },
  );
  type Write = typeof write extends fc.Arbitrary<infer T> ? T : never;

  async function apply(w: Write): Promise<void> {
    const f = t.fixture;
    let status = 0;
    let message = '';
    // The API's answer to each write: a refusal is fine (the property holds whatever is refused), a failed database
    // check is not (the API validates input first, so only the kept rows can fail one).
    const sent = async (request: Promise<{ status: number; body: { message?: string } }>) => {
      const response = await request;
      message = response.body?.message ?? '';
      return response.status;
    };
    if (w.kind === 'mark') {
      const body = {
        marks: w.marks.map(({ mark: m, minutes, recordedMinutesAgo }) => ({
          id: randomUUID(),
          ...('person' in m.who ? { personId: people[m.who.person] } : { walkInName: m.who.walkIn }),
          status: m.status,
          ...(m.status === 'partial' ? { minutes } : {}),
          recordedAt: new Date(Date.now() - recordedMinutesAgo * 60_000).toISOString(),
        })),
      };
      status = await sent(admin.post(`/api/sessions/${sessions[w.session]}/attendance`, body));
    } else if (w.kind === 'session') {
      const change = 'date' in w.change ? { date: day(w.change.date) } : w.change;
      status = await sent(admin.patch(`/api/sessions/${sessions[w.session]}`, change));
    } else if (w.kind === 'support') {
      const body = { id: randomUUID(), personId: people[w.person], unitId: f.unitU1, date: day(w.offset), minutes: w.minutes, topic: 'Surfplattan' };
      status = await sent(admin.post('/api/support-entries', body));
    } else if (w.kind === 'move') {
      status = await sent(admin.post(`/api/people/${people[w.person]}/move`, { toUnitId: f.unitU2, date: day(w.offset) }));
    } else if (w.kind === 'end') {
      status = await sent(admin.post(`/api/people/${people[w.person]}/end`, { endDate: day(w.offset) }));
    } else if (w.kind === 'pseudonymise') {
      status = await sent(admin.post(`/api/people/${people[w.person]}/pseudonymise`));
    } else if (w.kind === 'answer') {
      const key = `${w.round}:${w.person}`;
      let responseId = responses.get(key);
      if (!responseId) {
        responseId = randomUUID();
        const started = await manager.post(`/api/checks/rounds/${rounds[w.round]}/kiosk`, { responseId, personId: people[w.person] });
        if (started.status >= 500) throw new Error(`kiosk start answered ${started.status}`);
        if (started.status >= 300) return;
        responses.set(key, responseId);
      }
      status = await sent(manager.put(`/api/checks/kiosk/${responseId}/items/s1`, w.value));
      if (status < 300 && w.finish !== 'keep') {
        status = await sent(manager.post(`/api/checks/kiosk/${responseId}/${w.finish === 'submit' ? 'submit' : 'decline'}`));
      }
    } else {
      // Retention: the recurring job pseudonymises everyone whose employment ended longer ago than the months set.
      status = await sent(admin.put('/api/personal-data/retention', { retentionMonths: 1 }));
      await db.query(`update person set end_date = least(end_date, $2::date - 40) where organisation_id = $1 and end_date is not null`, [f.orgA, today]);
      await t.app.get(PersonalDataService).applyRetention();
    }
    if (status < 300) succeeded.set(w.kind, (succeeded.get(w.kind) ?? 0) + 1);
    else if (status >= 500 || message === DATABASE_CHECK) throw new Error(`${w.kind} answered ${status} ${message}`);
  }

  async function readAll(): Promise<[ParticipationBreakdown, ParticipantReport, CompetenceTrend, ParticipantReport, ParticipantReport]> {
    const period = `from=${day(-30)}&to=${today}`;
    const breakdown = await admin.get(`/api/insights/participation?groupBy=unit&${period}`).expect(200);
    const report = await admin.get(`/api/insights/participant-report?${period}`).expect(200);
    const trend = await admin.get(`/api/insights/competence/trend?${period}`).expect(200);
    // The year before and the year so far, as a funder asks for them.
    const years = await admin.get(`/api/insights/participant-report?from=${Number(today.slice(0, 4)) - 1}-01-01&to=${today}`).expect(200);
    // A period ending before the last participation days: its last year is summed from the days, not the year rows.
    const partYear = await admin.get(`/api/insights/participant-report?from=${Number(today.slice(0, 4)) - 1}-01-01&to=${day(-3)}`).expect(200);
    // When kept figures were computed is not a figure.
    const { asOf: _breakdownAsOf, ...breakdownFigures } = breakdown.body as ParticipationBreakdown;
    const { asOf: _trendAsOf, ...trendFigures } = trend.body as CompetenceTrend;
    return [breakdownFigures, report.body, trendFigures, years.body, partYear.body];
  }

  /** The participant report's rows computed directly from the raw rows (marks, sessions, support). */
  async function reportFromRawRows(from: string, to: string): Promise<Array<{ employeeNumber: string; hours: number; firstDate: string; lastDate: string }>> {
    const { rows } = await db.query(
      `select p.employee_number as "employeeNumber", round(sum(s.minutes) / 60.0, 2)::float8 as hours, min(s.date)::text as "firstDate", max(s.date)::text as "lastDate"
         from insight_participation_source s join person p on p.id = s.person_id
        where s.organisation_id = $1 and s.date between $2 and $3 and p.pseudonymised_at is null
        group by p.id, p.employee_number`,
      [t.fixture.orgA, from, to],
    );
    return rows as Array<{ employeeNumber: string; hours: number; firstDate: string; lastDate: string }>;
  }

  /** The participant report's CSV (written by PostgreSQL) is the library's CSV of the JSON report, marked years or not. */
  async function expectCsvAsLibrary(): Promise<void> {
    for (const period of [`from=${Number(today.slice(0, 4)) - 1}-01-01&to=${today}`, `from=${Number(today.slice(0, 4)) - 1}-01-01&to=${day(-3)}`]) {
      const json = await admin.get(`/api/insights/participant-report?${period}`).expect(200);
      const csv = await admin.get(`/api/insights/participant-report?${period}&format=csv`).buffer(true).parse(asBytes).expect(200);
      expect((csv.body as Buffer).toString('utf8')).toBe(toCsv(participantTable(json.body as ParticipantReport)));
    }
  }

  /**
   * The figures after the writes: the organisation-wide views are kept between reads (api/src/snapshots), so they are
   * recomputed first, as the refresh job would after the writes marked the organisation.
   */
  async function reads(): Promise<[ParticipationBreakdown, ParticipantReport, CompetenceTrend, ParticipantReport, ParticipantReport]> {
    await readAll();
    await t.inTenant(() => t.app.get(KeptViews).refresh(t.fixture.orgA));
    return readAll();
  }

  it('after any sequence of writes the kept rows equal the recomputation, and a rebuild changes no figure', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 15 }), async (writes) => {
        for (const w of writes) await apply(w);
        for (const organisationId of [t.fixture.orgA, t.fixture.orgB]) expect(await aggregateDifferences(db, organisationId)).toEqual([]);
        await expectCsvAsLibrary();
        // Person-years the writes marked read from their days until settled; settled (organisation A only, so B keeps
        // its marks from run to run) they read from the rows, and must still agree.
        await db.query(`select kunna_participation_year_settle($1)`, [t.fixture.orgA]);
        const marks = await db.query(`select count(*)::int as n from insight_participation_person_year_dirty where organisation_id = $1`, [t.fixture.orgA]);
        expect(marks.rows[0].n).toBe(0);
        for (const organisationId of [t.fixture.orgA, t.fixture.orgB]) expect(await aggregateDifferences(db, organisationId)).toEqual([]);
        const before = await reads();
        const byNumber = (a: { employeeNumber: string }, b: { employeeNumber: string }) => (a.employeeNumber < b.employeeNumber ? -1 : 1);
        for (const report of [before[3], before[4]]) {
          expect(report.rows.map(({ employeeNumber, hours, firstDate, lastDate }) => ({ employeeNumber, hours, firstDate, lastDate })).sort(byNumber)).toEqual(
            (await reportFromRawRows(report.period.from, report.period.to)).sort(byNumber),
          );
        }
        await expectCsvAsLibrary();
        await db.query('begin');
        await db.query(`select set_config('kunna.system', 'on', true)`);
        await rebuildAggregates(db, t.fixture.orgA);
        await db.query('commit');
        expect(await reads()).toEqual(before);
        // What the refresh kept equals a computation from scratch.
        await t.inTenant(() => t.app.get(KeptViews).forget(t.fixture.orgA));
        expect(await readAll()).toEqual(before);
      }),
      // The database carries over from one sequence to the next (the property holds in any state), so shrinking would
      // only mislead: the failure names the sequence that broke it and the rows that differ.
      { numRuns: 20, seed: 15, endOnFailure: true },
    );
    // The sequences really wrote: every kind of write succeeded at least once.
    for (const kind of ['mark', 'session', 'support', 'move', 'end', 'pseudonymise', 'retention', 'answer'])
      expect(succeeded.get(kind) ?? 0).toBeGreaterThan(0);
    for (const table of ['insight_participation_day', 'insight_participation_person_year', 'insight_response_level']) {
      const kept = await db.query(`select count(*)::int as n from ${table} where organisation_id = $1`, [t.fixture.orgA]);
      expect(kept.rows[0].n).toBeGreaterThan(0);
    }
  }, 120_000);

  it('a kept row that disagrees with the raw rows is found (control)', async () => {
    await db.query(
      `update insight_participation_day set minutes = minutes + 1 where ctid = (select ctid from insight_participation_day where organisation_id = $1 limit 1)`,
      [t.fixture.orgA],
    );
    await db.query(`select kunna_participation_year_settle($1)`, [t.fixture.orgA]);
    await db.query(
      `update insight_participation_person_year set last_date = last_date + 1 where ctid = (select ctid from insight_participation_person_year where organisation_id = $1 limit 1)`,
      [t.fixture.orgA],
    );
    await db.query(
      `update insight_response_level set rating_sum = rating_sum + 1 where ctid = (select ctid from insight_response_level where organisation_id = $1 limit 1)`,
      [t.fixture.orgA],
    );
    const differences = await aggregateDifferences(db, t.fixture.orgA);
    // The tampered day row, once settled, makes its person's year disagree as well (perhaps a second row), hence a set.
    expect([...new Set(differences.map((d) => `${d.table}:${d.side}`))].sort()).toEqual([
      'insight_participation_day:kept',
      'insight_participation_day:missing',
      'insight_participation_person_year:kept',
      'insight_participation_person_year:missing',
      'insight_response_level:kept',
      'insight_response_level:missing',
    ]);
  });
});
