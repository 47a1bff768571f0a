import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import { AttendanceBatchResult, CSRF_HEADER, CurrentUser, MarkOutcome, SessionDetail } from '@kunna/contracts';
import { FIXTURE_PASSWORD } from '../test-support/fixture';
import { createTestApp, TestApp } from '../test-support/test-app';

const root = path.resolve(__dirname, '../../..');

interface ChildApi {
  process: ChildProcess;
  base: string;
}

/** Starts the API in its own process (api/src/test-support/serve-child.ts) on the test database. */
function startChild(databaseUrl: string): Promise<ChildApi> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', path.join(root, 'api/src/test-support/serve-child.ts')],
    { cwd: root, env: { ...process.env, TS_NODE_PROJECT: path.join(root, 'api/tsconfig.spec.json'), KUNNA_CHILD_DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match) resolve({ process: child, base: `http://127.0.0.1:${match[1]}` });
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`API child exited with ${code}: ${output}`)));
  });
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

const until = async (check: () => Promise<boolean>, timeoutMs: number, intervalMs = 5): Promise<boolean> => {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return false;
};

/**
 * An API process killed with SIGKILL while it writes a 500-mark attendance batch: the database rolls the open
 * transaction back, so either all marks are stored or none; the client's retry (to another process) completes
 * the batch with every mark exactly once.
 */
describe('killing the API in the middle of an attendance sync (integration)', () => {
  let t: TestApp;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    t = await createTestApp();
  }, 60000);
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await t?.close();
  });

  it('leaves all or none of the batch, and the retry stores each mark once', async () => {
    const ambassador = await t.as('ambassadorU1');
    const today = (await sql<{ today: string }>(t.db.url, `select ((now() at time zone 'Europe/Stockholm')::date)::text as today`))[0].today;
    const created = await ambassador.post('/api/sessions', {
      unitId: t.fixture.unitU1,
      moduleId: t.fixture.library.networkModule.id,
      date: today,
      startTime: '08:00',
      durationMinutes: 30,
      place: 'Avbruten synk',
      facilitatorIds: [t.fixture.people.ambassadorU1.id],
      activityCategory: 'workplace_learning',
      audience: 'unit_team',
    });
    expect(created.status).toBe(201);
    const sessionId = (created.body as SessionDetail).id;
    // The largest batch a client may send, so the transaction is open long enough to be killed inside it.
    const batch = {
      marks: Array.from({ length: 500 }, (_, i) => ({ id: randomUUID(), walkInName: `Drop-in ${i}`, status: 'present', recordedAt: new Date().toISOString() })),
    };

    const child = await startChild(t.db.url);
    children.push(child.process);
    const signIn = await fetch(`${child.base}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: t.fixture.people.ambassadorU1.email, password: FIXTURE_PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const user = (await signIn.json()) as CurrentUser;
    const cookie = signIn.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ');
    const send = (base: string) =>
      fetch(`${base}/api/sessions/${sessionId}/attendance`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, [CSRF_HEADER]: user.csrfToken },
        body: JSON.stringify(batch),
      });

    const inFlight = send(child.base).then(
      (response) => response.status,
      () => 'connection lost' as const,
    );
    // A transaction of the child that has written (has a transaction id) and not committed: kill it now.
    const writing = await until(
      async () =>
        (await sql<{ n: number }>(t.db.url, `select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_xid is not null and xact_start is not null`))[0].n > 0,
      20000,
    );
    child.process.kill('SIGKILL');
    expect(writing).toBe(true);
    expect(await inFlight).toBe('connection lost');

    // PostgreSQL notices the closed connection and rolls the transaction back.
    const settled = await until(
      async () => (await sql<{ n: number }>(t.db.url, `select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_xid is not null`))[0].n === 0,
      20000,
      50,
    );
    expect(settled).toBe(true);
    const afterKill = (await sql<{ n: number }>(t.db.url, `select count(*)::int as n from attendance_marks where session_id = $1`, [sessionId]))[0].n;
    expect([0, 500]).toContain(afterKill);
    const receiptsAfterKill = (await sql<{ n: number }>(t.db.url, `select count(*)::int as n from attendance_mark_receipts where session_id = $1`, [sessionId]))[0].n;
    expect(receiptsAfterKill).toBe(afterKill);

    // The client retries; the load balancer sends it to a surviving process (the same session cookie works there).
    const retry = await ambassador.post(`/api/sessions/${sessionId}/attendance`, batch);
    expect(retry.status).toBe(200);
    const outcomes = new Set((retry.body as AttendanceBatchResult).results.map((result) => result.outcome));
    expect(outcomes).toEqual(new Set([afterKill === 0 ? MarkOutcome.Applied : MarkOutcome.Replayed]));
    const stored = await sql<{ id: string }>(t.db.url, `select id from attendance_marks where session_id = $1`, [sessionId]);
    expect(stored.map((row) => row.id).sort()).toEqual(batch.marks.map((mark) => mark.id).sort());
    expect((await sql<{ n: number }>(t.db.url, `select count(*)::int as n from attendance_mark_receipts where session_id = $1`, [sessionId]))[0].n).toBe(500);
  }, 120000);
});
