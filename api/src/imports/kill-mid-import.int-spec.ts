import { Client } from 'pg';
import { CSRF_HEADER, ImportOptions, ImportResult } from '@kunna/contracts';
import { ChildApi, killChildren, rolledBack, signInOverHttp, startChildApi, until } from '../test-support/child-api';
import { tableCounts, Uploader, uploader } from '../test-support/import-client';
import { createTestApp, sql, TestApp } from '../test-support/test-app';

const ROWS = 5000;
const FIRST_NAMES = ['Anna', 'Bo', 'Cecilia', 'Dragan', 'Eva', 'Fredrik', 'Gunilla', 'Hamid', 'Ingrid', 'Johan'];
const UNITS = ['U1', 'U2', 'U3'];
const MAPPING: ImportOptions['mapping'] = { employeeNumber: 0, firstName: 1, lastName: 2, email: 3, unitCode: 4 };
const OPTIONS: ImportOptions = { mapping: MAPPING, mode: 'partial' };

/** A staff file of ROWS new people of organisation A (employee numbers K00001…), spread over its three units. */
function largeFile(): Buffer {
  const lines = ['Anställningsnummer;Förnamn;Efternamn;E-post;Enhetskod'];
  for (let i = 1; i <= ROWS; i++) {
    const number = `K${String(i).padStart(5, '0')}`;
    lines.push(`${number};${FIRST_NAMES[i % FIRST_NAMES.length]};Avbrutensson;${number.toLowerCase()}@kommun-a.example;${UNITS[i % UNITS.length]}`);
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

/** How many of the file's people exist, and how many distinct employee numbers and memberships they have. */
async function imported(t: TestApp) {
  const rows = await sql<{ people: number; numbers: number; memberships: number; members: number }>(
    t,
    `select count(distinct p.id)::int as people, count(distinct p.employee_number)::int as numbers,
            count(m.id)::int as memberships, count(distinct m.person_id)::int as members
       from person p left join unit_membership m on m.person_id = p.id
      where p.organisation_id = $1 and p.employee_number like 'K_____'`,
    [t.fixture.orgA],
  );
  return rows[0];
}

/**
 * An API process killed with SIGKILL in the middle of a large staff import (5 000 new people, one transaction):
 * the database rolls the open transaction back, so none of it is visible; the client's retry through another
 * process imports every person exactly once, and a further retry changes nothing.
 *
 * To kill it at the worst moment, a test connection holds a SHARE lock on `import_run` while the child imports:
 * the child then writes every person and membership and waits, uncommitted, to record the run (the last step
 * before commit). The test waits until PostgreSQL shows exactly that (a transaction of another connection that
 * has written and is blocked by the test's connection), and kills the process there.
 */
describe('killing the API in the middle of a large import (integration)', () => {
  let t: TestApp;
  let hr: Uploader;
  const children: ChildApi[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    hr = await uploader(t, 'hrA');
  }, 60000);
  afterAll(async () => {
    killChildren(children);
    await t?.close();
  });

  it('leaves none of the import behind, and the retry imports every person once', async () => {
    const file = largeFile();
    const before = await tableCounts(t);
    const personBytesBefore = (await sql<{ bytes: string }>(t, `select pg_relation_size('person')::text as bytes`))[0].bytes;
    expect(await imported(t)).toEqual({ people: 0, numbers: 0, memberships: 0, members: 0 });

    const child = await startChildApi(t.db.url);
    children.push(child);
    const { cookie, user } = await signInOverHttp(child.base, t.fixture.people.hrA.email);

    const holder = new Client({ connectionString: t.db.url });
    await holder.connect();
    let inFlight: Promise<number | 'connection lost'>;
    try {
      const holderPid = (await holder.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0].pid;
      await holder.query('begin');
      await holder.query('lock table import_run in share mode');

      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(file)], { type: 'text/csv' }), 'Personal stor.csv');
      form.append('options', JSON.stringify(OPTIONS));
      inFlight = fetch(`${child.base}/api/imports`, { method: 'POST', headers: { cookie, [CSRF_HEADER]: user.csrfToken }, body: form }).then(
        (response) => response.status,
        () => 'connection lost' as const,
      );

      // The child's transaction has written (has a transaction id), is still open, and waits for the test's lock.
      const blocked = await until(
        async () =>
          (
            await sql<{ n: number }>(
              t,
              `select count(*)::int as n from pg_stat_activity
                where datname = current_database() and backend_xid is not null and $1::int = any(pg_blocking_pids(pid))
                  and query ilike '%import_run%'`,
              [holderPid],
            )
          )[0].n === 1,
        60000,
        20,
      );
      expect(blocked).toBe(true);
      // Every person has been written into the table (it grew by thousands of rows), yet none is visible.
      const personBytesDuring = (await sql<{ bytes: string }>(t, `select pg_relation_size('person')::text as bytes`))[0].bytes;
      expect(Number(personBytesDuring) - Number(personBytesBefore)).toBeGreaterThan(ROWS * 50);
      expect((await imported(t)).people).toBe(0);

      child.process.kill('SIGKILL');
      expect(await inFlight).toBe('connection lost');
    } finally {
      await holder.query('rollback');
      await holder.end();
    }

    // PostgreSQL notices the closed connection and rolls the import back: nothing of it remains.
    expect(await rolledBack(t)).toBe(true);
    expect(await imported(t)).toEqual({ people: 0, numbers: 0, memberships: 0, members: 0 });
    expect(await tableCounts(t)).toEqual(before);

    // The client retries the same file; the load balancer sends it to a surviving process.
    const retry = await hr.upload('/api/imports', file, OPTIONS, 'Personal stor.csv');
    expect(retry.status).toBe(201);
    expect((retry.body as ImportResult).counts).toEqual({ created: ROWS, updated: 0, unchanged: 0, ended: 0, unitsCreated: 0 });
    expect(await imported(t)).toEqual({ people: ROWS, numbers: ROWS, memberships: ROWS, members: ROWS });
    const afterRetry = await tableCounts(t);
    expect(Number(afterRetry.person)).toBe(Number(before.person) + ROWS);
    expect(Number(afterRetry.membership)).toBe(Number(before.membership) + ROWS);
    expect(Number(afterRetry.import_run)).toBe(Number(before.import_run) + 1);
    expect(Number(afterRetry.audit)).toBe(Number(before.audit) + 1);
    const perUnit = await sql<{ code: string; n: number }>(
      t,
      `select u.code, count(*)::int as n from person p join unit_membership m on m.person_id = p.id join unit u on u.id = m.unit_id
        where p.organisation_id = $1 and p.employee_number like 'K_____' group by u.code order by u.code`,
      [t.fixture.orgA],
    );
    expect(perUnit).toEqual(UNITS.map((code, index) => ({ code, n: countInUnit(index) })));

    // A second retry (the answer to the first was lost too) finds everyone in place and changes nobody.
    const again = await hr.upload('/api/imports', file, OPTIONS, 'Personal stor.csv');
    expect(again.status).toBe(201);
    expect((again.body as ImportResult).counts).toEqual({ created: 0, updated: 0, unchanged: ROWS, ended: 0, unitsCreated: 0 });
    const afterAgain = await tableCounts(t);
    expect(afterAgain).toEqual({ ...afterRetry, import_run: String(Number(afterRetry.import_run) + 1), audit: String(Number(afterRetry.audit) + 1) });
  }, 180000);
});

/** Rows of the file in UNITS[index]: row i goes to UNITS[i % UNITS.length]. */
function countInUnit(index: number): number {
  let n = 0;
  for (let i = 1; i <= ROWS; i++) if (i % UNITS.length === index) n++;
  return n;
}
