import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Client } from 'pg';
import { CheckResults, CompetenceBreakdown, CompetenceFigures, CompetenceTrend, ParticipationGrouping, UnitCompetence } from '@kunna/contracts';
import { exactlyExposedOwners } from '@kunna/learning-gain';
import { createTestApp, TestApp } from '../../test-support/test-app';

/**
 * The privacy gate tested as an attacker would (issue 15, docs/security.md › "Aggregates"): fast-check generates
 * people in two units (role title, employment type, a before and an after answer or none) and a sequence of reads by
 * HR, who may open every view a manager may and more (competence breakdown with every grouping, filter and period, the
 * unit block, the trend, check results with every filter), with answers arriving or being edited between reads. Every
 * figure the API releases is turned into the membership vectors of the values it is a mean of, over columns
 * person × before/after × version of that answer (an edited answer is a new column); the test knows who is in
 * each group from the data it generated, as an attacker who knows the organisation would. Exact rational
 * elimination (BigInt fractions) then checks that no non-zero combination of released groups is confined to one
 * person's columns: no one's answer, and no one's change between two reads, can be had by adding and subtracting
 * released means and counts. Means are treated as exact (rounding to two decimals only helps the attacker's victim).
 *
 * The counts checked against the API (pairs, people) prove that the test's idea of each group is the service's.
 */
describe('privacy gate against an attacker (integration, property-based)', () => {
  let t: TestApp;
  let db: Client;
  let instrumentId: string;
  let versionId: string;
  let seq = 0;
  const MINIMUM = 3;
  const ITEMS = [
    {
      key: 's',
      kind: 'self_rating',
      dimension: 'skills',
      textSv: 's',
      textEn: null,
      digCompCode: null,
      thenOf: null,
      form: null,
      multiple: false,
      options: [],
      explanationSv: null,
      explanationEn: null,
      coreItemId: null,
    },
  ];
  // Unit 0 asks before in Q1 and after in Q2, unit 1 before in Q2 and after in Q3: periods split them differently.
  const ROUNDS = [
    { before: '2025-02-10', after: '2025-05-12' },
    { before: '2025-04-14', after: '2025-08-11' },
  ];
  const PERIODS = [
    { from: '2025-01-01', to: '2025-12-31' },
    { from: '2025-01-01', to: '2025-03-31' },
    { from: '2025-04-01', to: '2025-06-30' },
    { from: '2025-01-01', to: '2025-06-30' },
    { from: '2025-04-01', to: '2025-09-30' },
  ];
  const ROLES = ['r0', 'r1'];
  const TYPES = ['permanent', 'substitute'] as const;

  beforeAll(async () => {
    t = await createTestApp();
    db = new Client({ connectionString: t.db.url });
    await db.connect();
    const orgA = t.fixture.orgA;
    await db.query(`update organisation set min_group_size = $2 where id = $1`, [orgA, MINIMUM]);
    instrumentId = (await db.query(`insert into check_instrument (organisation_id, title) values ($1, 'Angripare') returning id`, [orgA])).rows[0].id;
    versionId = (
      await db.query(
        `insert into check_instrument_version (organisation_id, instrument_id, version, title, support_threshold, items) values ($1, $2, 1, 'Angripare', 2, $3) returning id`,
        [orgA, instrumentId, JSON.stringify(ITEMS)],
      )
    ).rows[0].id;
  });

  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  interface Person {
    unit: number;
    role: number;
    type: number;
    before: number | null;
    after: number | null;
  }
  const person = fc.record({
    unit: fc.integer({ min: 0, max: 1 }),
    role: fc.integer({ min: 0, max: 1 }),
    type: fc.integer({ min: 0, max: 1 }),
    before: fc.option(fc.integer({ min: 1, max: 4 }), { freq: 5 }),
    after: fc.option(fc.integer({ min: 1, max: 4 }), { freq: 3 }),
  });
  const filters = fc.record({
    unit: fc.option(fc.integer({ min: 0, max: 1 })),
    role: fc.option(fc.integer({ min: 0, max: 1 })),
    type: fc.option(fc.integer({ min: 0, max: 1 })),
  });
  const step = fc.oneof(
    fc.record({
      kind: fc.constant('breakdown' as const),
      filters,
      groupBy: fc.constantFrom(...Object.values(ParticipationGrouping)),
      period: fc.nat(PERIODS.length - 1),
    }),
    fc.record({ kind: fc.constant('unit' as const), unit: fc.integer({ min: 0, max: 1 }), period: fc.nat(PERIODS.length - 1) }),
    fc.record({ kind: fc.constant('trend' as const), filters, period: fc.nat(PERIODS.length - 1) }),
    fc.record({ kind: fc.constant('results' as const), filters }),
    // Someone answers (or edits an answer) between reads.
    fc.record({ kind: fc.constant('answer' as const), person: fc.nat(), after: fc.boolean(), rating: fc.integer({ min: 1, max: 4 }) }),
  );

  it('never releases figures whose sums and differences single out one person’s answer or change', async () => {
    const hr = await t.as('hrA');
    const orgA = t.fixture.orgA;
    const get = async <T>(path: string): Promise<T> => {
      const response = await hr.get(path);
      expect(response.status).toBe(200);
      return response.body as T;
    };

    await fc.assert(
      fc.asyncProperty(fc.array(person, { minLength: 4, maxLength: 12 }), fc.array(step, { minLength: 1, maxLength: 14 }), async (staff, steps) => {
        for (const table of ['check_answer', 'check_response', 'privacy_release', 'check_round', 'check_assignment'])
          await db.query(`delete from ${table} where organisation_id = $1`, [orgA]);
        const run = ++seq;
        const areaId = (await db.query(`insert into area (organisation_id, name, kind) values ($1, $2, 'home_care') returning id`, [orgA, `Angripare ${run}`]))
          .rows[0].id as string;
        const units: string[] = [];
        const rounds: Array<{ before: string; after: string }> = [];
        for (const [index, dates] of ROUNDS.entries()) {
          const unitId = (
            await db.query(`insert into unit (organisation_id, area_id, name, code) values ($1, $2, $3, $4) returning id`, [
              orgA,
              areaId,
              `Angripare ${run}.${index}`,
              `X${run}U${index}`,
            ])
          ).rows[0].id as string;
          units.push(unitId);
          const assignment = randomUUID();
          await db.query(`insert into check_assignment (id, organisation_id, unit_id, instrument_version_id, title) values ($1, $2, $3, $4, 'Angripare')`, [
            assignment,
            orgA,
            unitId,
            versionId,
          ]);
          const round = async (kind: string, day: string) =>
            (
              await db.query(`insert into check_round (organisation_id, assignment_id, kind, code, opens_on) values ($1, $2, $3, $4, $5) returning id`, [
                orgA,
                assignment,
                kind,
                `X${run}${kind[0]}${index}`.toUpperCase(),
                day,
              ])
            ).rows[0].id as string;
          rounds.push({ before: await round('before', dates.before), after: await round('after', dates.after) });
        }
        // The model: each person's answers and their versions (a new version whenever the value changes).
        const people: Array<Person & { id: string; responses: { before?: string; after?: string }; version: { before: number; after: number } }> = [];
        const respond = async (p: (typeof people)[number], kind: 'before' | 'after', rating: number) => {
          const response = randomUUID();
          await db.query(
            `insert into check_response (id, organisation_id, round_id, person_id, status, form, via, finished_at) values ($1, $2, $3, $4, 'submitted', 'A', 'kiosk', now())`,
            [response, orgA, rounds[p.unit][kind], p.id],
          );
          await db.query(`insert into check_answer (response_id, item_key, organisation_id, value) values ($1, 's', $2, $3)`, [
            response,
            orgA,
            JSON.stringify({ rating }),
          ]);
          p.responses[kind] = response;
          p[kind] = rating;
          p.version[kind]++;
        };
        for (const generated of staff) {
          const id = (
            await db.query(
              `insert into person (organisation_id, employee_number, first_name, last_name, role_title, employment_type, start_date) values ($1, $2, 'Angripen', 'Test', $3, $4, '2024-01-01') returning id`,
              [orgA, `ATK${run}-${people.length}`, ROLES[generated.role], TYPES[generated.type]],
            )
          ).rows[0].id as string;
          await db.query(`insert into unit_membership (organisation_id, person_id, unit_id, start_date) values ($1, $2, $3, '2024-01-01')`, [
            orgA,
            id,
            units[generated.unit],
          ]);
          const p = { ...generated, before: null, after: null, id, responses: {}, version: { before: 0, after: 0 } };
          people.push(p);
          if (generated.before !== null) await respond(p, 'before', generated.before);
          if (generated.after !== null) await respond(p, 'after', generated.after);
        }

        // Released groups: each a set of columns `person|kind|version`.
        const released: Array<Set<string>> = [];
        const column = (p: (typeof people)[number], kind: 'before' | 'after') => `${p.id}|${kind}|${p.version[kind]}`;
        type F = { unit: number | null; role: number | null; type: number | null };
        const matches = (p: Person, f: F) =>
          (f.unit === null || p.unit === f.unit) && (f.role === null || p.role === f.role) && (f.type === null || p.type === f.type);
        const pairsOf = (members: typeof people) => members.filter((p) => p.before !== null && p.after !== null);
        /** A released before/after figure: means over the pairs of the group, before and after. */
        const releasePairs = (members: typeof people, figure: { pairs: number | null; meanBefore: number | null; suppressed: boolean }) => {
          if (figure.suppressed || figure.meanBefore === null) return;
          const pairs = pairsOf(members);
          expect(figure.pairs).toBe(pairs.length);
          released.push(new Set(pairs.map((p) => column(p, 'before'))), new Set(pairs.map((p) => column(p, 'after'))));
        };
        const query = (f: F) =>
          [
            f.unit !== null ? `unitId=${units[f.unit]}` : '',
            f.role !== null ? `roleTitle=${ROLES[f.role]}` : '',
            f.type !== null ? `employmentType=${TYPES[f.type]}` : '',
          ]
            .filter(Boolean)
            .join('&');
        const inPeriod = (p: Person, period: number) => ROUNDS[p.unit].before >= PERIODS[period].from && ROUNDS[p.unit].before <= PERIODS[period].to;
        const skills = (figures: CompetenceFigures[]) => figures.filter((f) => f.dimension === 'skills' || f.dimension === 'overall');

        for (const s of steps) {
          if (s.kind === 'answer') {
            const p = people[s.person % people.length];
            const kind = s.after ? 'after' : 'before';
            if (!p.responses[kind]) await respond(p, kind, s.rating);
            else if (p[kind] !== s.rating) {
              await db.query(`update check_answer set value = $2 where response_id = $1 and item_key = 's'`, [
                p.responses[kind],
                JSON.stringify({ rating: s.rating }),
              ]);
              p[kind] = s.rating;
              p.version[kind]++;
            }
          } else if (s.kind === 'breakdown') {
            const { from, to } = PERIODS[s.period];
            const body = await get<CompetenceBreakdown>(`/api/insights/competence?from=${from}&to=${to}&groupBy=${s.groupBy}&${query(s.filters)}`);
            const shown = people.filter((p) => matches(p, s.filters) && inPeriod(p, s.period));
            if (!body.total.suppressed) expect(body.total.people).toBe(shown.length);
            for (const figure of skills(body.total.figures)) releasePairs(shown, figure);
            for (const group of body.groups) {
              const members = shown.filter((p) =>
                s.groupBy === ParticipationGrouping.Unit
                  ? units[p.unit] === group.key
                  : s.groupBy === ParticipationGrouping.RoleTitle
                    ? ROLES[p.role] === group.key
                    : s.groupBy === ParticipationGrouping.EmploymentType
                      ? TYPES[p.type] === group.key
                      : areaId === group.key,
              );
              if (!group.suppressed) expect(group.people).toBe(members.length);
              for (const figure of skills(group.figures)) releasePairs(members, figure);
            }
          } else if (s.kind === 'unit') {
            const { from, to } = PERIODS[s.period];
            const body = await get<UnitCompetence>(`/api/insights/units/${units[s.unit]}/competence?from=${from}&to=${to}`);
            const members = people.filter((p) => p.unit === s.unit && inPeriod(p, s.period));
            for (const figure of skills(body.unit.figures)) releasePairs(members, figure);
          } else if (s.kind === 'trend') {
            const { from, to } = PERIODS[s.period];
            const body = await get<CompetenceTrend>(`/api/insights/competence/trend?from=${from}&to=${to}&${query(s.filters)}`);
            for (const quarter of body.quarters) {
              for (const point of quarter.points) {
                if ((point.dimension !== 'skills' && point.dimension !== 'overall') || point.mean === null) continue;
                // The answers given in rounds that open in this quarter (and in the period).
                const members: string[] = [];
                for (const p of people) {
                  if (!matches(p, s.filters)) continue;
                  for (const kind of ['before', 'after'] as const) {
                    const day = ROUNDS[p.unit][kind];
                    if (p[kind] !== null && day >= quarter.from && day <= quarter.to && day >= from && day <= to) members.push(column(p, kind));
                  }
                }
                expect(point.people).toBe(members.length);
                released.push(new Set(members));
              }
            }
          } else {
            const body = await get<CheckResults>(`/api/checks/results?instrumentId=${instrumentId}&${query(s.filters)}`);
            if (body.suppressed) continue;
            const members = people.filter((p) => matches(p, s.filters));
            for (const dimension of body.dimensions) {
              if (dimension.key !== 'skills') continue;
              releasePairs(members, { pairs: dimension.pairs, meanBefore: dimension.meanBefore, suppressed: dimension.suppressed });
            }
          }
        }

        const columns = [...new Set(released.flatMap((group) => [...group]))];
        const rows = released.map((group) => columns.map((c) => (group.has(c) ? 1 : 0)));
        const owners = columns.map((c) => c.slice(0, c.indexOf('|')));
        expect(rows.length ? exactlyExposedOwners(rows, owners) : []).toEqual([]);
      }),
      { numRuns: Number(process.env.KUNNA_ATTACKER_RUNS ?? 25), interruptAfterTimeLimit: Number(process.env.KUNNA_ATTACKER_MS ?? 25_000) },
    );
  }, 600_000);
});
