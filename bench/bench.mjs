// `npm run bench -- [--staff 10000[,100000]] [--seed 1] [--connections 10] [--requests 400] [--reseed] [--skip-build] [--only a,b]`
//
// With several sizes (`--staff 10000,100000`) every size is measured in this one run, one after the other, and the unit
// dashboard's ratio between the sizes comes from this run (else from the latest result file of the other size).
// `--only` measures just the named endpoints (while working on one; its ratios are partial).
//
// 1. Generates the database `kunna_bench_<staff>` (prefix: BENCH_DATABASE_PREFIX) on the PostgreSQL server in BENCH_DATABASE_URL (else
//    TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres) with `npm run seed:large`, unless it
//    already holds that size (`--reseed` forces it).
// 2. Builds the API and starts the production build in its own process, first with KUNNA_SQL_CAPTURE to record
//    the SQL of one request per read endpoint (bench/endpoints.mjs), then plainly for the load.
// 3. Runs the load generator (bench/load.mjs, autocannon) in another process per endpoint, then the floor
//    (bench/floor.mjs): the captured SQL replayed directly against PostgreSQL as the API's role, same count and
//    concurrency; EXPLAIN (ANALYZE, BUFFERS) of every captured read query of the endpoints marked `explain`.
//    Once the API has migrated the database, `npm run insights:rebuild` rewrites the kept insight aggregates and its
//    time is recorded.
// 4. Writes bench/results/<date>-<staff>.json and .md and prints the ratios (each organisation-wide read's p95 against
//    the unit dashboard's, with the absolute p50/p95).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ENDPOINTS } from './endpoints.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? argv[index + 1] : fallback;
};
const sizes = option('staff', '10000').split(',').map(Number);
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new Error('--staff takes sizes like 10000 or 10000,100000');
const only = option('only', null)?.split(',') ?? null;
const endpoints = only ? ENDPOINTS.filter((endpoint) => only.includes(endpoint.name)) : ENDPOINTS;
if (endpoints.length === 0) throw new Error(`--only names none of: ${ENDPOINTS.map((endpoint) => endpoint.name).join(', ')}`);
const seed = Number(option('seed', '1'));
const connections = Number(option('connections', '10'));
const requests = Number(option('requests', '400'));
const port = Number(option('port', '3917'));
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
let staff = sizes[0];
// BENCH_DATABASE_PREFIX lets parallel work bench its own copies (`createdb -T kunna_bench_10000 mine_10000`).
const databasePrefix = process.env.BENCH_DATABASE_PREFIX ?? 'kunna_bench_';
let databaseName = `${databasePrefix}${staff}`;
const withDatabase = (url, name) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();
let databaseUrl = withDatabase(serverUrl, databaseName);
const workDir = path.join(root, 'tmp', 'bench');
mkdirSync(workDir, { recursive: true });
const log = (message) => process.stdout.write(`[bench] ${message}\n`);

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false', ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

/** Runs a measuring script in its own process (asynchronously, so this process keeps serving its sockets). */
function runJson(script, config) {
  const file = path.join(workDir, `${path.basename(script, '.mjs')}-config.json`);
  writeFileSync(file, JSON.stringify(config));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bench', script), file], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`${script} failed (${code})`));
      else
        resolve(
          stdout
            .trim()
            .split('\n')
            .filter(Boolean)
            .map((line) => JSON.parse(line)),
        );
    });
  });
}

async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function generatedStaff() {
  try {
    return await withClient(databaseUrl, async (client) => {
      await client.query(`select set_config('kunna.system', 'on', false)`);
      const { rows } = await client.query(`select count(*)::int as n from person where employee_number like 'L%'`);
      return rows[0].n;
    });
  } catch {
    return 0;
  }
}

let runningApi = null;
// The API must not outlive a failed run.
process.on('exit', () => runningApi?.kill('SIGKILL'));

function startApi(extraEnv) {
  const server = spawn(process.execPath, ['dist/api/api/src/main.js'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      WEB_DIST: 'none',
      KUNNA_DEMO_DATA: 'false',
      // No job runs during captures and measurements; settleKeptViews starts an API with the worker to recompute the
      // kept insight views beforehand.
      KUNNA_JOBS_WORKER: 'false',
      ...extraEnv,
    },
    stdio: ['ignore', openSync(path.join(workDir, 'api.log'), 'a'), openSync(path.join(workDir, 'api.log'), 'a')],
  });
  runningApi = server;
  return server;
}

async function waitForApi() {
  for (let attempt = 0; attempt < 240; attempt++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('The API did not start');
}

async function stopApi(server) {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}

async function signIn(email, password) {
  const response = await fetch(`http://127.0.0.1:${port}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier: email, password }),
  });
  if (!response.ok) throw new Error(`Sign-in of ${email} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
  const body = await response.json();
  return { cookie, 'x-csrf-token': body.csrfToken };
}

async function call(endpoint, context, headers) {
  const { method, path: route, body } = endpoint.request(context, 0);
  const response = await fetch(`http://127.0.0.1:${port}${route}`, {
    method,
    body,
    headers: { 'content-type': 'application/json', 'accept-language': 'sv', ...(headers ?? {}) },
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${endpoint.name}: ${response.status} ${text.slice(0, 300)}`);
  return text.length;
}

/** The first benchmark organisation's accounts, unit, instrument and the sessions the attendance batches mark. */
async function loadContext(password) {
  return withClient(databaseUrl, async (client) => {
    await client.query(`select set_config('kunna.system', 'on', false)`);
    const accounts = {};
    const { rows } = await client.query(
      `select p.email, split_part(p.email, '@', 1) as kind, p.organisation_id,
              (select m.unit_id from unit_membership m where m.person_id = p.id order by m.start_date limit 1) as unit_id
         from person p where p.email like '%@bench1.example'`,
    );
    for (const row of rows) accounts[{ chef: 'manager', ombud: 'ambassador', hr: 'hr' }[row.kind]] = { email: row.email, unitId: row.unit_id };
    const organisationId = rows[0].organisation_id;
    const unitId = accounts.manager.unitId;
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
    const instrument = await client.query(`select id from check_instrument where organisation_id = $1 order by id limit 1`, [organisationId]);
    // The unit's latest held sessions, one per load client, with the people invited (the facilitator excepted).
    const sessions = await client.query(
      `select s.id, array(select i.person_id from session_invitees i join person p on p.id = i.person_id
                           where i.session_id = s.id and not exists (select 1 from session_facilitators f where f.session_id = s.id and f.person_id = i.person_id)
                           order by p.employee_number) as person_ids
         from sessions s where s.unit_id = $1 and s.status = 'scheduled' and s.date <= $2::date order by s.date desc limit $3`,
      [unitId, today, connections],
    );
    return {
      password,
      accounts,
      organisationId,
      unitId,
      instrumentId: instrument.rows[0].id,
      today,
      yearStart: `${today.slice(0, 4)}-01-01`,
      attendanceSessions: sessions.rows.map((row) => ({ id: row.id, personIds: row.person_ids })),
    };
  });
}

/** The SQL one request runs, from the capture file (the request is made twice; the second, warm one counts). */
async function captureQueries(endpoint, context, headers, captureFile) {
  await call(endpoint, context, headers);
  writeFileSync(captureFile, '');
  await call(endpoint, context, headers);
  await new Promise((resolve) => setTimeout(resolve, 200));
  return readFileSync(captureFile, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

/**
 * Organisation-wide reads are kept between reads and recomputed by the `insights.refresh` job after a change
 * (api/src/snapshots). Before measuring: read each (which keeps it, or queues its recomputation when the
 * organisation changed since) and wait until no recomputation waits or runs, so none runs behind a measurement.
 * Answers how long recomputing the organisation's kept views takes (the sum of their last computations): how old the
 * figures can be after a write, besides the worker's poll interval.
 */
async function settleKeptViews(context, sessionsByAccount) {
  const server = startApi({ KUNNA_JOBS_WORKER: 'true' });
  await waitForApi();
  try {
    return await readAndWait(context, sessionsByAccount);
  } finally {
    await stopApi(server);
  }
}

async function readAndWait(context, sessionsByAccount) {
  const started = performance.now();
  // Twice: a first read of a view not kept yet computes it, and only a read of a kept view queues its recomputation.
  for (let round = 0; round < 2; round++) {
    for (const endpoint of endpoints.filter((candidate) => ORGANISATION_READS.includes(candidate.name))) {
      await call(endpoint, context, endpoint.account ? sessionsByAccount[endpoint.account] : {});
    }
  }
  return withClient(databaseUrl, async (client) => {
    for (;;) {
      const { rows } = await client.query(
        `select count(*)::int as n from pgboss.job where name = 'insights.refresh' and state in ('created', 'retry', 'active')`,
      );
      if (rows[0].n === 0) break;
      if (performance.now() - started > 30 * 60_000) throw new Error('The kept views did not settle within 30 minutes.');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await client.query(`select set_config('kunna.system', 'on', false)`);
    const { rows } = await client.query(`select sum(compute_ms)::float8 / 1000 as seconds from insight_snapshot where organisation_id = $1`, [
      context.organisationId,
    ]);
    return {
      settledSeconds: Math.round((performance.now() - started) / 100) / 10,
      refreshSeconds: rows[0].seconds == null ? null : Math.round(rows[0].seconds * 10) / 10,
    };
  });
}

const isRead = (query) => /^\s*(select|with)\b/i.test(query) && !/set_config\(/i.test(query);

async function explainAll(appUrl, queries) {
  return withClient(appUrl, async (client) => {
    const plans = [];
    await client.query('begin');
    try {
      for (const { query, parameters } of queries) {
        if (/^\s*(start transaction|begin|commit|rollback)/i.test(query)) continue;
        if (!isRead(query)) {
          await client.query(query, parameters);
          continue;
        }
        const { rows } = await client.query(`explain (analyze, buffers) ${query}`, parameters);
        plans.push({ query: query.replace(/\s+/g, ' ').trim(), plan: rows.map((row) => row['QUERY PLAN']).join('\n') });
      }
    } finally {
      await client.query('rollback').catch(() => undefined);
    }
    return plans;
  });
}

function machine(pgVersion) {
  return {
    nproc: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    postgres: pgVersion,
    loadAverageAtStart: os.loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

function webBudget() {
  const angular = JSON.parse(readFileSync(path.join(root, 'web', 'angular.json'), 'utf8'));
  const budgets = Object.values(angular.projects)[0].architect.build.configurations.production.budgets ?? [];
  const initial = budgets.find((budget) => budget.type === 'initial') ?? null;
  // The initial files of the last production build: what index.html loads before any route (raw bytes).
  const browser = path.join(root, 'dist', 'web', 'browser');
  let initialBytes = null;
  if (existsSync(path.join(browser, 'index.html'))) {
    const html = readFileSync(path.join(browser, 'index.html'), 'utf8');
    const files = new Set([...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((match) => match[1]));
    initialBytes = [...files].reduce((sum, file) => sum + (existsSync(path.join(browser, file)) ? statSync(path.join(browser, file)).size : 0), 0);
  }
  return { maximumWarning: initial?.maximumWarning ?? null, maximumError: initial?.maximumError ?? null, initialBytesOfLastBuild: initialBytes };
}

function previousDashboardP95(otherStaff) {
  const dir = path.join(root, 'bench', 'results');
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir)
    .filter((file) => file.endsWith(`-${otherStaff}.json`))
    .sort();
  if (files.length === 0) return null;
  const result = JSON.parse(readFileSync(path.join(dir, files[files.length - 1]), 'utf8'));
  return { file: files[files.length - 1], p95: result.endpoints.find((endpoint) => endpoint.name === 'unit-dashboard')?.load.p95 ?? null };
}

/** The reads over a whole organisation that issue 15 measures against the unit dashboard. */
const ORGANISATION_READS = [
  'organisation-participation',
  'organisation-check-results',
  'organisation-heat-map',
  'organisation-competence-trend',
  'organisation-costs',
  'funder-report-csv',
];

const ratio = (a, b) => (a == null || b == null || b === 0 ? null : Math.round((a / b) * 100) / 100);

async function main() {
  const outputs = [];
  let built = argv.includes('--skip-build');
  for (const size of sizes) {
    staff = size;
    databaseName = `${databasePrefix}${staff}`;
    databaseUrl = withDatabase(serverUrl, databaseName);
    outputs.push(await measure(built));
    built = true;
  }
  // Both sizes in this run: the dashboard's ratio is this run's (the per-size files were written with the latest other file's).
  const small = outputs.find((output) => output.staff === 10000);
  const large = outputs.find((output) => output.staff === 100000);
  if (small && large) {
    const p95 = (output) => output.endpoints.find((endpoint) => endpoint.name === 'unit-dashboard')?.load.p95 ?? null;
    const value = ratio(p95(large), p95(small));
    for (const output of [small, large]) {
      output.ratios.unitDashboardP95At100kTo10k = value;
      output.ratios.unitDashboardComparedWith = 'this run';
      writeResult(output);
    }
  }
  for (const output of outputs) {
    log(`${output.staff} staff:`);
    process.stdout.write(`${ratioLines(output).join('\n')}\n`);
  }
}

function writeResult(output) {
  const resultsDir = path.join(root, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const base = path.join(resultsDir, `${output.date.slice(0, 10)}-${output.staff}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(output, null, 2)}\n`);
  writeFileSync(`${base}.md`, markdown(output));
  log(`wrote ${path.relative(root, base)}.json and .md`);
}

/** One size: generate (if needed), capture, load, floor, plans; writes its result files and returns them. */
async function measure(built) {
  const startedAt = new Date();
  if (argv.includes('--reseed') || (await generatedStaff()) !== staff) {
    log(`generating ${databaseName} (--staff ${staff} --seed ${seed})`);
    run('npm', ['run', 'seed:large', '--', '--staff', String(staff), '--seed', String(seed), '--reset'], { DATABASE_URL: databaseUrl });
  }
  if (!built) run('npx', ['nx', 'build', 'api', '--outputStyle=static']);
  const require = createRequire(import.meta.url);
  const { appUrlFor } = require(path.join(root, 'dist/api/api/src/database/app-role.js'));
  const appUrl = appUrlFor(databaseUrl);
  const pgVersion = await withClient(databaseUrl, async (client) => (await client.query('show server_version')).rows[0].server_version);

  // Capture: the SQL each read endpoint runs.
  const captureFile = path.join(workDir, 'sql-capture.jsonl');
  writeFileSync(captureFile, '');
  // Started once first so that it migrates the database.
  let server = startApi({});
  const context = await (async () => {
    await waitForApi();
    return loadContext('Kunna-bench-2026');
  })();
  // The API has migrated the database: rebuild the kept aggregates from the source rows, timed.
  const rebuildStarted = performance.now();
  run('npm', ['run', 'insights:rebuild'], { DATABASE_URL: databaseUrl });
  const insightsRebuildSeconds = Math.round((performance.now() - rebuildStarted) / 100) / 10;
  log(`insights:rebuild took ${insightsRebuildSeconds} s`);
  const sessionsByAccount = {};
  for (const [kind, account] of Object.entries(context.accounts)) sessionsByAccount[kind] = await signIn(account.email, context.password);
  await stopApi(server);
  const firstSettle = await settleKeptViews(context, sessionsByAccount);
  log(`kept views settled in ${firstSettle.settledSeconds} s (last refresh of the organisation: ${firstSettle.refreshSeconds} s)`);
  server = startApi({ KUNNA_SQL_CAPTURE: captureFile });
  await waitForApi();
  // Every endpoint's queries are counted; the read endpoints' are also replayed as their floor.
  const captured = {};
  for (const endpoint of endpoints) {
    captured[endpoint.name] = await captureQueries(endpoint, context, endpoint.account ? sessionsByAccount[endpoint.account] : {}, captureFile);
    log(`${endpoint.name}: ${captured[endpoint.name].length} queries captured`);
  }
  await stopApi(server);
  rmSync(captureFile, { force: true });

  // Load, endpoint by endpoint, against the plain production build.
  // The capture's attendance batch changed the organisation: its kept views are recomputed before the load.
  const settled = await settleKeptViews(context, sessionsByAccount);
  log(`kept views settled in ${settled.settledSeconds} s (refresh of the organisation's kept views: ${settled.refreshSeconds} s)`);
  server = startApi({});
  await waitForApi();
  const results = [];
  for (const endpoint of endpoints) {
    const sessions = [];
    for (let client = 0; endpoint.account && client < connections; client++)
      sessions.push(await signIn(context.accounts[endpoint.account].email, context.password));
    log(`load: ${endpoint.name} (${requests} requests, ${connections} clients)`);
    const [load] = await runJson('load.mjs', { url: `http://127.0.0.1:${port}`, endpoint: endpoint.name, connections, amount: requests, sessions, context });
    results.push({ name: endpoint.name, title: endpoint.title, read: endpoint.read, queriesPerRequest: captured[endpoint.name].length, load });
  }
  await stopApi(server);

  // Floor and plans.
  log('floor: replaying the captured SQL');
  const floors = await runJson('floor.mjs', {
    appUrl,
    connections,
    amount: requests,
    endpoints: endpoints.filter((endpoint) => endpoint.read).map((endpoint) => ({ name: endpoint.name, queries: captured[endpoint.name] })),
  });
  for (const floor of floors) {
    const result = results.find((candidate) => candidate.name === floor.endpoint);
    result.floor = floor;
    result.ratioP95ToFloor = ratio(result.load.p95, floor.p95);
  }
  for (const endpoint of endpoints.filter((candidate) => candidate.explain)) {
    results.find((candidate) => candidate.name === endpoint.name).explain = await explainAll(appUrl, captured[endpoint.name]);
  }

  const dashboard = results.find((result) => result.name === 'unit-dashboard');
  const attendance = results.find((result) => result.name === 'attendance-batch-30');
  const other = staff === 100000 ? previousDashboardP95(10000) : staff === 10000 ? previousDashboardP95(100000) : null;
  const ratios = {
    endpointP95ToFloorP95: Object.fromEntries(results.filter((result) => result.read).map((result) => [result.name, result.ratioP95ToFloor])),
    unitDashboardP95At100kTo10k:
      other?.p95 == null || !dashboard ? null : staff === 100000 ? ratio(dashboard.load.p95, other.p95) : ratio(other.p95, dashboard.load.p95),
    unitDashboardComparedWith: other?.file ?? null,
    attendanceBatchP95ToUnitDashboardP95: ratio(attendance?.load.p95, dashboard?.load.p95),
    organisationReadP95ToUnitDashboardP95: Object.fromEntries(
      results
        .filter((result) => ORGANISATION_READS.includes(result.name))
        .map((result) => [result.name, { ratio: ratio(result.load.p95, dashboard?.load.p95), p50: result.load.p50, p95: result.load.p95 }]),
    ),
  };
  const counts = await withClient(databaseUrl, async (client) => {
    await client.query(`select set_config('kunna.system', 'on', false)`);
    const { rows } = await client.query(
      `select (select count(*) from organisation)::int as organisations, (select count(*) from unit)::int as units,
              (select count(*) from person)::int as people, (select count(*) from ambassador_appointment)::int as ambassadors,
              (select count(*) from sessions)::int as sessions, (select count(*) from attendance_marks)::int as attendance_marks,
              (select count(*) from check_answer)::int as check_answers,
              (select count(*) from unit_membership where unit_id = $1)::int as dashboard_unit_memberships`,
      [context.unitId],
    );
    return rows[0];
  });
  const date = startedAt.toISOString().slice(0, 10);
  const output = {
    date: startedAt.toISOString(),
    command: `npm run bench -- --staff ${sizes.join(',')} --seed ${seed} --connections ${connections} --requests ${requests}${only ? ` --only ${only.join(',')}` : ''}`,
    staff,
    seed,
    connections,
    requestsPerEndpoint: requests,
    machine: { ...machine(pgVersion), loadAverageAtEnd: os.loadavg().map((value) => Math.round(value * 100) / 100) },
    data: counts,
    insightsRebuildSeconds,
    keptViewsRefreshSeconds: settled.refreshSeconds,
    webBudget: webBudget(),
    ratios,
    endpoints: results,
  };
  writeResult(output);
  return output;
}

function ratioLines(output) {
  const { ratios } = output;
  const lines = ['Ratios (targets: ≤ 2, ≤ 1.5, < 1):'];
  for (const [name, value] of Object.entries(ratios.endpointP95ToFloorP95)) lines.push(`  ${name}: p95 / SQL floor p95 = ${value ?? 'n/a'}`);
  lines.push(`  unit dashboard p95 at 100 000 / at 10 000 staff = ${ratios.unitDashboardP95At100kTo10k ?? 'n/a (needs results of both sizes)'}`);
  lines.push(`  attendance batch p95 / unit dashboard p95 = ${ratios.attendanceBatchP95ToUnitDashboardP95 ?? 'n/a'}`);
  const dashboard = output.endpoints.find((endpoint) => endpoint.name === 'unit-dashboard');
  if (dashboard) lines.push(`Organisation-wide reads against the unit dashboard (p50 ${dashboard.load.p50} ms, p95 ${dashboard.load.p95} ms; target ≤ 2):`);
  for (const [name, value] of Object.entries(ratios.organisationReadP95ToUnitDashboardP95 ?? {})) {
    lines.push(`  ${name}: p95 / unit dashboard p95 = ${value.ratio ?? 'n/a'} (p50 ${value.p50} ms, p95 ${value.p95} ms)`);
  }
  if (output.insightsRebuildSeconds != null) lines.push(`npm run insights:rebuild: ${output.insightsRebuildSeconds} s`);
  if (output.keptViewsRefreshSeconds != null) {
    lines.push(
      `Refresh of the organisation's kept views (participation, competence, trend, check results, costs; run by the job queue after a change, so the figures are at most about this old): ${output.keptViewsRefreshSeconds} s`,
    );
  }
  return lines;
}

function markdown(output) {
  const m = output.machine;
  const lines = [
    `# Benchmark ${output.date.slice(0, 10)}, ${output.staff.toLocaleString('en')} staff`,
    '',
    `Command: \`${output.command}\``,
    '',
    `Machine: ${m.nproc} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}, PostgreSQL ${m.postgres}; load average at start ${m.loadAverageAtStart.join(' / ')}, at end ${m.loadAverageAtEnd.join(' / ')} (shared machine).`,
    '',
    `Data: ${Object.entries(output.data)
      .map(([key, value]) => `${key} ${value.toLocaleString('en')}`)
      .join(', ')}.`,
    '',
    `${output.connections} concurrent clients, ${output.requestsPerEndpoint} measured requests per endpoint after a warm-up; latencies in ms.`,
    '',
    '| Endpoint | req/s | p50 | p95 | p99 | errors | floor p50 | floor p95 | floor p99 | queries | p95 / floor p95 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const e of output.endpoints) {
    const f = e.floor;
    lines.push(
      `| ${e.title} | ${e.load.throughputPerSecond} | ${e.load.p50} | ${e.load.p95} | ${e.load.p99} | ${e.load.errors} | ${f?.p50 ?? '–'} | ${f?.p95 ?? '–'} | ${f?.p99 ?? '–'} | ${e.queriesPerRequest} | ${e.ratioP95ToFloor ?? '–'} |`,
    );
  }
  lines.push('', ...ratioLines(output).map((line) => line.replace(/^ {2}/, '- ')), '');
  const budget = output.webBudget;
  lines.push(
    `Web bundle budget (web/angular.json, production): initial warning ${budget.maximumWarning}, error ${budget.maximumError}` +
      (budget.initialBytesOfLastBuild == null ? '.' : `; initial files of the last build ${(budget.initialBytesOfLastBuild / 1000).toFixed(1)} kB raw.`),
    '',
  );
  for (const e of output.endpoints.filter((endpoint) => endpoint.explain)) {
    lines.push(`## EXPLAIN (ANALYZE, BUFFERS): ${e.title}`, '');
    for (const plan of e.explain) lines.push('```sql', plan.query, '```', '```', plan.plan, '```', '');
  }
  return `${lines.join('\n')}\n`;
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
