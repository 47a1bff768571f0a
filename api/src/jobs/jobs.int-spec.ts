import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '@kunna/migrations';
import { createApp } from '../app/create-app';
import { loadConfig } from '../config/app-config';
import { DEFAULT_APP_ROLE } from '../database/app-role';
import { dataSourceOptions } from '../database/data-source';
import { Db } from '../database/db';
import { createTestApp, TestApp } from '../test-support/test-app';
import { defineJobKind, JobContext, PermanentJobError } from './job-kind';
import { JobQueue } from './job-queue';
import { JobRegistry } from './job-registry';
import { JobWorker } from './job-worker';
import { JobBoss, KEEP_FINISHED_JOBS_SECONDS, KEEP_WAITING_JOBS_SECONDS } from './job-boss';

type Probe = { label: string; failTimes?: number; sleepSeconds?: number; permanent?: boolean };
const PROBE = defineJobKind<Probe>('test.probe', { maxAttempts: 3, backoff: { baseSeconds: 60, maxSeconds: 600 } });

/**
 * The job queue (pg-boss) against real PostgreSQL. The probe handler writes a row to `job_probe` in the job's
 * transaction (so a row means "this run committed"), and can fail, sleep or fail for good on request.
 */
describe('job queue (integration)', () => {
  let t: TestApp;
  let sql: Client;

  const probeHandler = (appLabel: string) => async (payload: Probe, context: JobContext) => {
    await context.manager.query(
      `insert into job_probe (label, job_id, attempt, app, organisation_setting) values ($1, $2, $3, $4, current_setting('kunna.organisation_id', true))`,
      [payload.label, context.jobId, context.attempt, appLabel],
    );
    if (payload.sleepSeconds) await context.manager.query('select pg_sleep($1)', [payload.sleepSeconds]);
    if (payload.permanent) throw new PermanentJobError('the session is gone');
    if (context.attempt <= (payload.failTimes ?? 0)) throw new Error(`planned failure ${context.attempt}`);
  };

  const rows = async <T>(text: string, params: unknown[] = []) => (await sql.query(text, params)).rows as T[];
  const job = async (id: string) => {
    const view = await queue().findById(PROBE, id);
    return view && { status: view.status, attempts: view.attempts, last_error: view.lastError, run_at: view.runAt, finished_at: view.finishedAt };
  };
  const probes = (label: string) =>
    rows<{ job_id: string; attempt: number; app: string; organisation_setting: string }>(
      `select job_id, attempt, app, organisation_setting from job_probe where label = $1 order by attempt`,
      [label],
    );

  const queue = () => t.app.get(JobQueue);
  const worker = () => t.app.get(JobWorker);
  const secondApp = (env: Record<string, string> = {}) =>
    createApp(
      { ...loadConfig({ ...process.env, WEB_DIST: 'none', LOG_LEVEL: 'silent', KUNNA_JOBS_WORKER: 'false', ...env }), databaseUrl: t.db.url },
      t.db.url,
    );
  const farFuture = () => new Date(Date.now() + 365 * 86400_000);

  beforeAll(async () => {
    t = await createTestApp();
    sql = new Client({ connectionString: t.db.url });
    await sql.connect();
    await sql.query(`create table job_probe (label text not null, job_id uuid not null, attempt int not null, app text not null, organisation_setting text)`);
    // The API connects as the application role (row-level security); a table made after start-up needs its grant.
    await sql.query(`grant select, insert on job_probe to ${DEFAULT_APP_ROLE}`);
    t.app.get(JobRegistry).register(PROBE, probeHandler('first'));
  });
  afterAll(async () => {
    await sql?.end();
    await t?.close();
  });

  it('runs a due job once with its payload, in a transaction carrying its organisation', async () => {
    const { id, created } = await queue().enqueue(PROBE, { label: 'simple' }, { organisationId: t.fixture.orgA });
    expect(await rows(`select name, data from pgboss.job where id = $1`, [id])).toEqual([
      { name: 'test.probe', data: { organisationId: t.fixture.orgA, payload: { label: 'simple' } } },
    ]);
    expect(created).toBe(true);
    expect(await worker().runDue()).toBe(1);
    expect(await worker().runDue()).toBe(0);
    expect(await probes('simple')).toEqual([{ job_id: id, attempt: 1, app: 'first', organisation_setting: t.fixture.orgA }]);
    expect(await job(id)).toMatchObject({ status: 'done', attempts: 1, last_error: null });
  });

  it('enqueues inside the caller transaction: a rolled-back transaction leaves no job', async () => {
    const db = t.app.get(Db);
    await expect(
      db.transaction(async () => {
        await queue().enqueue(PROBE, { label: 'rolled-back' }, { uniqueKey: 'rolled-back' });
        throw new Error('the request failed');
      }),
    ).rejects.toThrow('the request failed');
    expect(await queue().find(PROBE, 'rolled-back')).toBeNull();
    await db.transaction(() => queue().enqueue(PROBE, { label: 'committed' }, { uniqueKey: 'committed' }));
    expect(await queue().find(PROBE, 'committed')).toMatchObject({ status: 'pending', payload: { label: 'committed' } });
    await worker().runDue();
  });

  it('waits for the run-at time', async () => {
    const runAt = new Date(Date.now() + 24 * 3600_000);
    const { id } = await queue().enqueue(PROBE, { label: 'tomorrow' }, { runAt });
    expect(await worker().runDue()).toBe(0);
    expect(await worker().runDue({ until: new Date(runAt.getTime() - 1000) })).toBe(0);
    expect(await worker().runDue({ until: runAt })).toBe(1);
    expect(await job(id)).toMatchObject({ status: 'done' });
  });

  it("retries a failing job with a doubling backoff, rolling back the failed attempts' writes", async () => {
    const { id } = await queue().enqueue(PROBE, { label: 'flaky', failTimes: 2 });
    const before = Date.now();
    expect(await worker().runDue()).toBe(1);
    let state = await job(id);
    expect(state).toMatchObject({ status: 'pending', attempts: 1, last_error: 'Error: planned failure 1' });
    // pg-boss's backoff: base · 2^(failures − 1) · (1 + up to 100 % jitter), so 60 to 120 s after the first failure.
    const firstDelay = (state!.run_at.getTime() - before) / 1000;
    expect(firstDelay).toBeGreaterThanOrEqual(59);
    expect(firstDelay).toBeLessThan(120 + 5);
    expect(await worker().runDue()).toBe(0);

    expect(await worker().runDue({ until: farFuture() })).toBe(2);
    state = await job(id);
    expect(state).toMatchObject({ status: 'done', attempts: 3, last_error: null });
    // Only the successful third attempt's write was committed.
    expect((await probes('flaky')).map((row) => row.attempt)).toEqual([3]);
  });

  it("gives up after the kind's maximum attempts, and at once on a permanent error", async () => {
    const { id: hopeless } = await queue().enqueue(PROBE, { label: 'hopeless', failTimes: 99 });
    const { id: gone } = await queue().enqueue(PROBE, { label: 'gone', permanent: true });
    for (let round = 0; round < 5; round++) await worker().runDue({ until: farFuture() });
    expect(await job(hopeless)).toMatchObject({ status: 'failed', attempts: 3, last_error: 'Error: planned failure 3' });
    expect(await job(gone)).toMatchObject({ status: 'failed', attempts: 1, last_error: 'PermanentJobError: the session is gone' });
    expect(await probes('hopeless')).toEqual([]);
  });

  it('schedules idempotently with unique keys: keep, replace (also after it ran) and cancel', async () => {
    const runAt = new Date(Date.now() + 3600_000);
    const first = await queue().enqueue(PROBE, { label: 'keyed-1' }, { uniqueKey: 'session:42', runAt });
    const again = await queue().enqueue(PROBE, { label: 'keyed-2' }, { uniqueKey: 'session:42' });
    expect(again).toEqual({ id: first.id, created: false });
    expect(await queue().find(PROBE, 'session:42')).toMatchObject({ payload: { label: 'keyed-1' }, runAt });
    expect(await rows(`select 1 from pgboss.job where singleton_key = 'session:42'`)).toHaveLength(1);
    // Replace while it waits: the same job, new payload and time.
    const moved = new Date(runAt.getTime() + 60_000);
    expect(await queue().enqueue(PROBE, { label: 'keyed-1' }, { uniqueKey: 'session:42', runAt: moved, onConflict: 'replace' })).toEqual({
      id: first.id,
      created: false,
    });
    expect(await queue().find(PROBE, 'session:42')).toMatchObject({ id: first.id, runAt: moved, status: 'pending' });

    expect(await worker().runDue({ until: moved })).toBe(1);
    expect(await probes('keyed-1')).toHaveLength(1);
    expect(await queue().enqueue(PROBE, { label: 'keyed-2' }, { uniqueKey: 'session:42' })).toEqual({ id: first.id, created: false });
    // Replace makes the finished job's key due again with the new payload (a moved session's reminder): a new pg-boss job.
    const replaced = await queue().enqueue(PROBE, { label: 'keyed-3' }, { uniqueKey: 'session:42', onConflict: 'replace' });
    expect(replaced.created).toBe(false);
    expect(replaced.id).not.toBe(first.id);
    expect(await job(first.id)).toMatchObject({ status: 'done' });
    expect(await job(replaced.id)).toMatchObject({ status: 'pending', attempts: 0, finished_at: null });
    expect(await queue().cancel(PROBE, 'session:42')).toBe(true);
    expect(await queue().cancel(PROBE, 'session:42')).toBe(false);
    expect(await worker().runDue({ until: farFuture() })).toBe(0);
    expect(await probes('keyed-3')).toEqual([]);
    expect(await job(replaced.id)).toMatchObject({ status: 'cancelled' });
    expect(await queue().find(PROBE, 'session:42')).toMatchObject({ id: replaced.id, status: 'cancelled' });
  });

  it('takes the kinds in turn, so a backlog of one kind does not hold up another', async () => {
    const OTHER = defineJobKind<Probe>('test.other-probe');
    t.app.get(JobRegistry).register(OTHER, probeHandler('first'));
    const kinds = t.app.get(JobRegistry).all().length;
    for (let i = 0; i < kinds + 2; i++) await queue().enqueue(PROBE, { label: 'backlog' });
    await queue().enqueue(OTHER, { label: 'behind-the-backlog' });
    for (let i = 0; i < kinds; i++) expect(await worker().runOne()).toBe(true);
    expect(await probes('behind-the-backlog')).toHaveLength(1);
    await worker().runDue();
  });

  it('a job whose worker dies mid-run is run by another process, once', async () => {
    const { id } = await queue().enqueue(PROBE, { label: 'crash', sleepSeconds: 20 });
    // The first worker starts it; its database connection is then killed, as when the process dies.
    const running = worker().runOne();
    let pid: number | undefined;
    for (let i = 0; i < 100 && pid === undefined; i++) {
      const sleeping = await rows<{ pid: number }>(`select pid from pg_stat_activity where query like 'select pg_sleep%' and datname = current_database()`);
      pid = sleeping[0]?.pid;
      if (pid === undefined) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(pid).toBeDefined();
    const other = await secondApp();
    try {
      other.get(JobRegistry).register(PROBE, probeHandler('second'));
      // While the first worker holds the job, the other one skips it instead of waiting or running it twice.
      expect(await other.get(JobWorker).runDue()).toBe(0);
      await sql.query('select pg_terminate_backend($1)', [pid]);
      await expect(running).rejects.toThrow();
      await sql.query(`update pgboss.job set data = jsonb_set(data, '{payload}', (data->'payload') - 'sleepSeconds') where id = $1`, [id]);
      expect(await other.get(JobWorker).runDue()).toBe(1);
    } finally {
      await other.close();
    }
    expect(await probes('crash')).toEqual([{ job_id: id, attempt: 1, app: 'second', organisation_setting: '' }]);
    expect(await job(id)).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('two API processes with running workers run each of 40 jobs exactly once', async () => {
    await sql.query(`delete from pgboss.job where state in ('created', 'retry')`);
    const env = { KUNNA_JOBS_WORKER: 'true', KUNNA_JOBS_POLL_MS: '50', KUNNA_JOBS_CONCURRENCY: '2' };
    const apps: INestApplication[] = [];
    try {
      for (const label of ['one', 'two']) {
        const app = await secondApp(env);
        app.get(JobRegistry).register(PROBE, probeHandler(label));
        apps.push(app);
      }
      const ids: string[] = [];
      for (let i = 0; i < 40; i++) ids.push((await queue().enqueue(PROBE, { label: 'race', sleepSeconds: 0.02 })).id);
      for (let waited = 0; waited < 300; waited++) {
        const [{ open }] = await rows<{ open: number }>(`select count(*)::int as open from pgboss.job where id = any($1) and state <> 'completed'`, [ids]);
        if (open === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      for (const app of apps) await app.close();
    }
    const ran = await probes('race');
    expect(ran).toHaveLength(40);
    expect(new Set(ran.map((row) => row.job_id)).size).toBe(40);
    // Both processes took part (with 40 jobs of 20 ms and four claimers, one process alone would be a bug in the claim).
    expect(new Set(ran.map((row) => row.app))).toEqual(new Set(['one', 'two']));
  });

  it('survives a restart: a job enqueued before shutdown runs in the next process; shutdown lets a running job finish', async () => {
    const env = { KUNNA_JOBS_WORKER: 'true', KUNNA_JOBS_POLL_MS: '50', KUNNA_JOBS_CONCURRENCY: '1' };
    const first = await secondApp(env);
    first.get(JobRegistry).register(PROBE, probeHandler('before-restart'));
    const { id: slow } = await first.get(JobQueue).enqueue(PROBE, { label: 'slow', sleepSeconds: 0.5 });
    for (let i = 0; i < 100 && (await probes('slow')).length === 0; i++) {
      const started = await rows(`select 1 from pg_stat_activity where query like 'select pg_sleep%' and datname = current_database()`);
      if (started.length) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const { id: later } = await first.get(JobQueue).enqueue(PROBE, { label: 'after-restart' }, { runAt: new Date(Date.now() + 60_000) });
    await first.close();
    expect(await job(slow)).toMatchObject({ status: 'done' });
    expect(await job(later)).toMatchObject({ status: 'pending' });

    const next = await secondApp();
    try {
      next.get(JobRegistry).register(PROBE, probeHandler('after-restart'));
      expect(await next.get(JobWorker).runDue({ until: new Date(Date.now() + 61_000) })).toBeGreaterThanOrEqual(1);
    } finally {
      await next.close();
    }
    expect(await probes('after-restart')).toEqual([expect.objectContaining({ job_id: later, app: 'after-restart' })]);
  });

  it('hands the recurring kinds to pg-boss as UTC crons once, and keeps finished jobs 30 days', async () => {
    await worker().scheduleRecurring();
    await worker().scheduleRecurring();
    const schedules = await rows<{ name: string; cron: string; timezone: string }>(`select name, cron, timezone from pgboss.schedule order by name`);
    expect(schedules).toEqual([
      { name: 'auth.prune-sign-in-throttle', cron: '0 * * * *', timezone: 'UTC' },
      { name: 'insights.settle-participation-years', cron: '*/5 * * * *', timezone: 'UTC' },
      { name: 'personal-data.retention', cron: '0 0 * * *', timezone: 'UTC' },
    ]);
    const [probeQueue] = await rows<{
      retry_limit: number;
      retry_delay: number;
      retry_backoff: boolean;
      retry_delay_max: number;
      deletion_seconds: number;
      retention_seconds: number;
    }>(`select retry_limit, retry_delay, retry_backoff, retry_delay_max, deletion_seconds, retention_seconds from pgboss.queue where name = $1`, [PROBE.name]);
    expect(probeQueue).toEqual({
      retry_limit: 2,
      retry_delay: 60,
      retry_backoff: true,
      retry_delay_max: 600,
      deletion_seconds: KEEP_FINISHED_JOBS_SECONDS,
      retention_seconds: KEEP_WAITING_JOBS_SECONDS,
    });
  });

  it("pg-boss's maintenance, as the application role, deletes jobs finished more than 30 days ago", async () => {
    const finished = await rows<{ id: string; label: string }>(
      `insert into pgboss.job (name, data, state, completed_on, deletion_seconds, policy)
       values ($1, '{"organisationId": null, "payload": {"label": "old"}}', 'completed', now() - interval '31 days', $2, 'standard'),
              ($1, '{"organisationId": null, "payload": {"label": "old-failure"}}', 'failed', now() - interval '31 days', $2, 'standard'),
              ($1, '{"organisationId": null, "payload": {"label": "recent"}}', 'completed', now() - interval '29 days', $2, 'standard')
       returning id, data->'payload'->>'label' as label`,
      [PROBE.name, KEEP_FINISHED_JOBS_SECONDS],
    );
    const boss = await t.app.get(JobBoss).boss();
    await boss.supervise(PROBE.name);
    const left = await rows<{ label: string }>(`select data->'payload'->>'label' as label from pgboss.job where id = any($1)`, [finished.map((row) => row.id)]);
    expect(left).toEqual([{ label: 'recent' }]);
  });

  it('the migration from the old job table moves the waiting jobs into pg-boss, where they run with their organisation', async () => {
    const owner = new DataSource(dataSourceOptions(t.db.url, { poolSize: 1 }));
    await owner.initialize();
    const runner = owner.createQueryRunner();
    try {
      const JobsToPgBoss = MIGRATIONS.find((migration) => migration.name === 'JobsToPgBoss1763901950000');
      if (!JobsToPgBoss) throw new Error('the migration is missing');
      const migration = new JobsToPgBoss();
      await migration.down(runner);
      await runner.query(
        `insert into job (kind, payload, tenant_id, unique_key, run_at, status, attempts, max_attempts) values
           ('test.probe', '{"label": "moved"}', $1, 'moved', now() - interval '1 minute', 'pending', 1, 3),
           ('test.probe', '{"label": "finished"}', null, null, now() - interval '1 day', 'done', 1, 3),
           ('personal-data.retention', '{}', null, 'slot:2030-01-01T00:00:00.000Z', now(), 'pending', 0, 5)`,
        [t.fixture.orgA],
      );
      await migration.up(runner);
      expect(await rows(`select to_regclass('public.job') as old`)).toEqual([{ old: null }]);
    } finally {
      await runner.release();
      await owner.destroy();
    }
    expect(await queue().find(PROBE, 'moved')).toMatchObject({ status: 'pending', organisationId: t.fixture.orgA, maxAttempts: 2 });
    expect(await rows(`select 1 from pgboss.job where data->'payload'->>'label' = 'finished' or singleton_key like 'slot:%'`)).toEqual([]);
    await worker().runDue();
    expect(await probes('moved')).toEqual([expect.objectContaining({ attempt: 1, organisation_setting: t.fixture.orgA })]);
  });
});
