import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { CSRF_HEADER, CurrentUser, SessionDetail } from '@kunna/contracts';
import { FIXTURE_PASSWORD } from '../../api/src/test-support/fixture';
import { createTestApp, TestApp } from '../../api/src/test-support/test-app';

const AMBASSADORS = 50;
const MANAGERS = 20;
/** How long the load runs; `KUNNA_LOAD_SECONDS` shortens it for a quick local run or lengthens it. */
const SECONDS = Number(process.env['KUNNA_LOAD_SECONDS'] ?? 60);
const MARKS_PER_BATCH = 4;
/**
 * Pause of each simulated person between requests (a person at a tablet, not a benchmark client hammering):
 * `KUNNA_LOAD_THINK_MS`, 500 ms by default; 0 offers as much load as the server takes.
 */
const THINK_MS = Number(process.env['KUNNA_LOAD_THINK_MS'] ?? 500);
const think = () => new Promise((resolve) => setTimeout(resolve, THINK_MS * (0.5 + Math.random())));

interface Account {
  cookie: string;
  csrf: string;
}

interface Batch {
  marks: { id: string; walkInName: string; status: string; recordedAt: string }[];
}

interface Timing {
  kind: string;
  ms: number;
  status: number | string;
}

async function sql<T = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/**
 * Load on loopback, bounded in time: 50 ambassadors each recording attendance for their own session (new
 * walk-ins every batch, and every third batch a replay of the previous one, as a tablet retrying after a lost
 * answer) while 20 unit managers read their team dashboard, for `KUNNA_LOAD_SECONDS` (60 by default). Every
 * request must succeed, and the marks the server holds must be exactly the ones the clients sent, each once.
 */
describe('load: 50 ambassadors recording attendance and 20 managers reading dashboards', () => {
  let t: TestApp;
  let base: string;
  const ambassadors: { account: Account; personId: string; sessionId: string }[] = [];
  const managers: Account[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;

    // Extra staff of unit U1 with the fixture's password: 50 ambassadors (qualified for the network module) and 20 managers of the unit.
    const people = await sql<{ id: string; email: string; role: string }>(
      t.db.url,
      `with made as (
         insert into person (organisation_id, employee_number, first_name, last_name, email, role_title, employment_type, start_date, gender)
         select $1, 'L' || n, case when n <= $3::int then 'Ombud' else 'Chef' end, 'Last' || n, 'load' || n || '@test.example', 'undersköterska', 'permanent', '2024-01-01', 'female'
           from generate_series(1, $3::int + $4::int) n
         returning id, email, first_name
       ), membership as (
         insert into unit_membership (organisation_id, person_id, unit_id, start_date) select $1, id, $2, '2024-01-01' from made
       ), credentials as (
         insert into credential (person_id, organisation_id, password_hash, password_changed_at)
         select id, $1, (select password_hash from credential where person_id = $5), now() from made
       ), roles as (
         insert into role_assignment (organisation_id, person_id, role, scope_type, scope_id, start_date)
         select $1, id, case when first_name = 'Ombud' then 'ambassador' else 'manager' end, 'unit', $2, '2024-01-01' from made
       ), qualifications as (
         -- Qualified for the module they lead, so that scheduling needs no reason (facilitatorReason).
         insert into ambassador_qualification (organisation_id, person_id, module_id, source, valid_from)
         select $1, id, $6, 'explicit', '2024-01-01' from made where first_name = 'Ombud'
       )
       select id, email, case when first_name = 'Ombud' then 'ambassador' else 'manager' end as role from made`,
      [t.fixture.orgA, t.fixture.unitU1, AMBASSADORS, MANAGERS, t.fixture.people.ambassadorU1.id, t.fixture.library.networkModule.id],
    );
    const today = (await sql<{ today: string }>(t.db.url, `select ((now() at time zone 'Europe/Stockholm')::date)::text as today`))[0].today;

    // Sign-ins one at a time before the clock starts: argon2 is deliberately slow and capped in concurrency.
    for (const person of people) {
      const response = await fetch(`${base}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ identifier: person.email, password: FIXTURE_PASSWORD }),
      });
      if (response.status !== 200) throw new Error(`sign-in ${person.email}: ${response.status}`);
      const account = {
        cookie: response.headers
          .getSetCookie()
          .map((value) => value.split(';')[0])
          .join('; '),
        csrf: ((await response.json()) as CurrentUser).csrfToken,
      };
      if (person.role === 'manager') {
        managers.push(account);
        continue;
      }
      const created = await fetch(`${base}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: account.cookie, [CSRF_HEADER]: account.csrf },
        body: JSON.stringify({
          unitId: t.fixture.unitU1,
          moduleId: t.fixture.library.networkModule.id,
          date: today,
          startTime: '07:00',
          durationMinutes: 30,
          place: `Rum ${person.email}`,
          facilitatorIds: [person.id],
          activityCategory: 'workplace_learning',
          audience: 'unit_team',
        }),
      });
      if (created.status !== 201) throw new Error(`session for ${person.email}: ${created.status} ${await created.text()}`);
      ambassadors.push({ account, personId: person.id, sessionId: ((await created.json()) as SessionDetail).id });
    }
  }, 300000);
  afterAll(async () => {
    await t?.close();
  });

  it(
    `runs ${SECONDS} s with no errors and no lost or duplicated marks`,
    async () => {
      const timings: Timing[] = [];
      const sent = new Map<string, Set<string>>(ambassadors.map((a) => [a.sessionId, new Set<string>()]));
      const end = Date.now() + SECONDS * 1000;

      const timed = async (kind: string, run: () => Promise<Response>): Promise<Response | null> => {
        const started = performance.now();
        try {
          const response = await run();
          await response.arrayBuffer();
          timings.push({ kind, ms: performance.now() - started, status: response.status });
          return response;
        } catch (error) {
          timings.push({ kind, ms: performance.now() - started, status: error instanceof Error ? error.message : String(error) });
          return null;
        }
      };

      const ambassadorLoop = async (ambassador: (typeof ambassadors)[number], index: number) => {
        let previous: Batch | null = null;
        for (let round = 0; Date.now() < end; round++) {
          const replay: boolean = previous !== null && round % 3 === 0;
          const batch: Batch =
            replay && previous
              ? previous
              : {
                  marks: Array.from({ length: MARKS_PER_BATCH }, (_, i) => ({
                    id: randomUUID(),
                    walkInName: `Gäst ${index}-${round}-${i}`,
                    status: 'present',
                    recordedAt: new Date().toISOString(),
                  })),
                };
          const response = await timed(replay ? 'attendance replay' : 'attendance batch', () =>
            fetch(`${base}/api/sessions/${ambassador.sessionId}/attendance`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', cookie: ambassador.account.cookie, [CSRF_HEADER]: ambassador.account.csrf },
              body: JSON.stringify(batch),
            }),
          );
          if (response?.status === 200) for (const mark of batch.marks) sent.get(ambassador.sessionId)?.add(mark.id);
          previous = batch;
          await think();
        }
      };
      const managerLoop = async (manager: Account) => {
        while (Date.now() < end) {
          await timed('unit dashboard', () => fetch(`${base}/api/insights/units/${t.fixture.unitU1}/team`, { headers: { cookie: manager.cookie } }));
          await think();
        }
      };

      const started = Date.now();
      await Promise.all([...ambassadors.map((a, i) => ambassadorLoop(a, i)), ...managers.map((m) => managerLoop(m))]);
      const elapsed = (Date.now() - started) / 1000;

      const kinds = [...new Set(timings.map((timing) => timing.kind))].sort();
      const lines = kinds.map((kind) => {
        const ms = timings
          .filter((timing) => timing.kind === kind)
          .map((timing) => timing.ms)
          .sort((a, b) => a - b);
        return `  ${kind.padEnd(18)} ${String(ms.length).padStart(6)} requests  p50 ${percentile(ms, 50).toFixed(0).padStart(5)} ms  p95 ${percentile(ms, 95).toFixed(0).padStart(5)} ms`;
      });
      const errors = timings.filter((timing) => timing.status !== 200);
      process.stdout.write(
        `\nLoad test: ${AMBASSADORS} ambassadors, ${MANAGERS} managers, think time ${THINK_MS} ms, ${elapsed.toFixed(1)} s, ${timings.length} requests (${(timings.length / elapsed).toFixed(1)}/s), ${errors.length} errors\n${lines.join('\n')}\n`,
      );

      expect(errors.slice(0, 5).map(({ kind, status }) => ({ kind, status }))).toEqual([]);
      expect(kinds).toEqual(['attendance batch', 'attendance replay', 'unit dashboard']);
      // The server holds exactly the marks the clients sent, each once (a replayed batch added nothing).
      const stored = await sql<{ session_id: string; id: string }>(t.db.url, `select session_id, id from attendance_marks where session_id = any($1::uuid[])`, [
        ambassadors.map((a) => a.sessionId),
      ]);
      const total = [...sent.values()].reduce((sum, ids) => sum + ids.size, 0);
      expect(stored).toHaveLength(total);
      for (const ambassador of ambassadors) {
        const ids = stored
          .filter((row) => row.session_id === ambassador.sessionId)
          .map((row) => row.id)
          .sort();
        expect(ids).toEqual([...(sent.get(ambassador.sessionId) ?? [])].sort());
      }
    },
    (SECONDS + 120) * 1000,
  );
});
